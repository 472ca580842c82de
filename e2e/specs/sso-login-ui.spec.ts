import { expect, test } from '../support/fixtures.js';
import { LoginCard } from '../support/login-card.js';
import { TestIdpPage } from '../support/test-idp.js';

// SSO through the login UI in real Chromium: the organization page's SSO buttons and discovery's
// "Continue with SSO", against the built-in test IdP that `--dev` seeds ("Demo SSO Co", "Locked Co").
// Cross-origin, the IdP's last form post redirects to the app's origin: its CSP form-action must
// allow that origin, or Chromium stops on the IdP page.

test('React page: SAML through the organization page; the second sign-in reuses the member', {
  tag: '@same-origin',
}, async ({ page, guard }) => {
  const login = new LoginCard(page);
  const idp = new TestIdpPage(page);
  const memberIds: string[] = [];
  for (let round = 0; round < 2; round++) {
    await test.step(`When Grace signs in with SAML (round ${round + 1})`, async () => {
      await page.goto('/?org=demo-sso');
      await login.root.getByRole('button', { name: /continue with demo saml idp/i }).click();
      await idp.expectFor('Demo SSO Co');
      await idp.choose('Grace Hopper');
      await expect(page.getByTestId('member-email')).toHaveText('grace@demo-sso.test');
      await expect(page.getByTestId('organization-name')).toHaveText('Demo SSO Co');
      await expect(page).not.toHaveURL(/token=/);
      await guard.expectAppOrigin();
      memberIds.push(
        await page.evaluate(
          () =>
            JSON.parse(
              localStorage.getItem(Object.keys(localStorage).find((k) => /^stytch_sdk_state_[^:]+$/.test(k))!)!,
            ).member.member_id,
        ),
      );
      await page.getByRole('button', { name: 'Sign out' }).click();
      await login.expectEmailStep();
    });
  }
  expect(memberIds[0]).toBeTruthy();
  expect(memberIds[1]).toBe(memberIds[0]);
});

test('React page: OIDC through the organization page', async ({ page, guard }) => {
  const login = new LoginCard(page);
  const email = `oidc-${Date.now().toString(36)}@demo-sso.test`;
  await page.goto('/?org=demo-sso');
  await login.root.getByRole('button', { name: /continue with demo oidc idp/i }).click();
  const idp = new TestIdpPage(page);
  await idp.expectFor('Demo SSO Co');
  await idp.type(email, 'Olive', 'Idsee');
  await expect(page.getByTestId('member-email')).toHaveText(email);
  await expect(page.getByTestId('organization-name')).toHaveText('Demo SSO Co');
  await guard.expectAppOrigin();
  await page.reload();
  await expect(page.getByTestId('member-email')).toHaveText(email);
});

test('React page: "Continue with SSO" with OIDC', { tag: '@same-origin' }, async ({ page, guard }) => {
  const login = new LoginCard(page);
  await page.goto('/');
  await login.expectEmailStep();
  await login.root.getByRole('button', { name: /continue with sso/i }).click();
  await login.root.getByRole('textbox', { name: /email/i }).fill('katherine@demo-sso.test');
  await login.root
    .getByRole('button', { name: /continue/i })
    .last()
    .click();
  await login.root.getByRole('button', { name: /demo oidc idp/i }).click();
  const idp = new TestIdpPage(page);
  await idp.expectFor('Demo SSO Co');
  await idp.choose('Katherine Johnson');
  // SSO from discovery: the IdP verified the email, so the chooser lists the organizations it may enter.
  await login.expectChooseOrganization();
  await login.organizationButton('Demo SSO Co').click();
  await expect(page.getByTestId('member-email')).toHaveText('katherine@demo-sso.test');
  await guard.expectAppOrigin();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await login.expectEmailStep();
});

test('script-tag page: "Continue with SSO" finds the connection by email domain, then the chooser', async ({
  page,
  guard,
}) => {
  const login = new LoginCard(page);
  await page.goto('/script-tag.html');
  await login.expectEmailStep();
  await login.root.getByRole('button', { name: /continue with sso/i }).click();
  await login.root.getByRole('textbox', { name: /email/i }).fill('ada@demo-sso.test');
  await login.root
    .getByRole('button', { name: /continue/i })
    .last()
    .click();
  // Demo SSO Co has two connections: choose SAML.
  await login.root.getByRole('button', { name: /demo saml idp/i }).click();
  const idp = new TestIdpPage(page);
  await idp.expectFor('Demo SSO Co');
  await idp.choose('Ada Lovelace');
  // Demo SSO Co lists demo-sso.test, so its SAML IdP proves the email: the chooser, then the organization.
  await login.expectChooseOrganization();
  await login.organizationButton('Demo SSO Co').click();
  await expect(login.heading(/signed in/i)).toBeVisible();
  await expect(login.root.getByText('ada@demo-sso.test')).toBeVisible();
  await expect(login.root.getByText('Demo SSO Co')).toBeVisible();
  await guard.expectAppOrigin();
});

test('React page: an organization whose SSO JIT is NOT_ALLOWED refuses an unknown person in words', async ({
  page,
  guard,
}) => {
  const login = new LoginCard(page);
  // The ACS refuses the person with a 403 page on the server (which Chromium logs), then the app shows words.
  guard.allow(/Failed to load resource: the server responded with a status of 403 .*\/acs\)$/);
  await page.goto('/?org=locked-co');
  await login.root
    .getByRole('button', { name: /^continue with (?!email|google|microsoft|github)/i })
    .first()
    .click();
  const idp = new TestIdpPage(page);
  await idp.expectFor('Locked Co');
  await idp.type(`stranger-${Date.now().toString(36)}@locked.test`, 'Stranger', 'Danger');
  await expect(page.getByText(/not allowed|isn't allowed|not a member|ask an admin/i).first()).toBeVisible();
  await expect(page.getByTestId('member-email')).toHaveCount(0);
});

test('script-tag page: OIDC through the organization page (?org=)', async ({ page, guard }) => {
  const login = new LoginCard(page);
  await page.goto('/script-tag.html?org=demo-sso');
  await login.root.getByRole('button', { name: /continue with demo oidc idp/i }).click();
  const idp = new TestIdpPage(page);
  await idp.expectFor('Demo SSO Co');
  await idp.choose('Alan Turing');
  await expect(login.heading(/signed in/i)).toBeVisible();
  await expect(login.root.getByText('alan@demo-sso.test')).toBeVisible();
  await guard.expectAppOrigin();
});

import { createOrganization, unique } from '../support/backend.js';
import { expect, test } from '../support/fixtures.js';
import { LoginCard } from '../support/login-card.js';
import { Mailbox } from '../support/mailbox.js';

const SESSION_COOKIES = ['stytch_session', 'stytch_session_jwt'];

test('a new person signs up through discovery on the React page, signs out, and signs in again', {
  tag: '@same-origin',
}, async ({ page, request, context, guard, origins }) => {
  const email = `${unique('ada')}@example.com`;
  const orgName = `Acme ${unique('co')}`;
  const login = new LoginCard(page);
  const mailbox = new Mailbox(request);
  const sessionCookies = async () => (await context.cookies()).filter((c) => SESSION_COOKIES.includes(c.name));

  await test.step('When they open the demo and submit their email', async () => {
    await page.goto('/');
    // The dev mailbox is the OrgAuth server's page, wherever the app is.
    await expect(page.getByRole('link', { name: 'Dev mailbox' })).toHaveAttribute(
      'href',
      `${origins.server}/dev/mailbox`,
    );
    await login.submitEmail(email);
  });

  await test.step('Then the mailbox holds a discovery email whose link returns to the demo', async () => {
    const link = await mailbox.discoveryLink(email);
    expect(new URL(link).origin).toBe(new URL(page.url()).origin);
    await page.goto(link);
  });

  await test.step('When the link is authenticated, the token leaves the address bar and no organization is listed', async () => {
    await login.expectChooseOrganization();
    await expect(page).not.toHaveURL(/token=/);
    await expect(login.root.getByText(/not a member of any organization/i)).toBeVisible();
  });

  await test.step('When they create an organization, the slug is suggested and a taken slug is refused', async () => {
    const taken = await createOrganization(request, 'Taken Inc', unique('taken'));
    await login.openCreateOrganization();
    await login.nameField().fill(orgName);
    await expect(login.slugField()).toHaveValue(orgName.toLowerCase().replace(/[^a-z0-9]+/g, '-'));
    await login.slugField().fill('Not A Slug!');
    await expect(login.root.getByText(/lowercase letters|slug can only|use only/i)).toBeVisible();
    await login.slugField().fill(taken.organization_slug);
    // The server refuses the taken slug with a 4xx, which Chromium logs; the page shows words for it.
    guard.allow(
      /Failed to load resource: the server responded with a status of 4\d\d .*\/sdk\/v1\/b2b\/discovery\/organizations\/create\)$/,
    );
    await login.submitCreate();
    await expect(login.root.getByText(/taken/i)).toBeVisible();
    await login.slugField().fill(unique('acme'));
    await login.submitCreate();
  });

  await test.step('Then they are signed in on the app origin, and a reload keeps the session', async () => {
    await expect(page.getByTestId('member-email')).toHaveText(email);
    await expect(page.getByTestId('organization-name')).toHaveText(orgName);
    expect(await sessionCookies()).toHaveLength(2);
    await guard.expectAppOrigin();
    await page.reload();
    await expect(page.getByTestId('member-email')).toHaveText(email);
    await expect(page.getByTestId('organization-name')).toHaveText(orgName);
  });

  await test.step('When they sign out, cookies and cached state are gone, also after a reload', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await login.expectEmailStep();
    expect(await sessionCookies()).toHaveLength(0);
    const cached = await page.evaluate(() =>
      Object.keys(localStorage).filter(
        (k) => k.startsWith('stytch_sdk_state_') && !k.includes('::') && localStorage.getItem(k) !== 'null',
      ),
    );
    expect(cached).toEqual([]);
    await page.reload();
    await login.expectEmailStep();
  });

  await test.step('When they sign in again, their organization is listed and choosing it signs them in', async () => {
    await login.submitEmail(email);
    await page.goto(await mailbox.discoveryLink(email, 2));
    await login.expectChooseOrganization();
    await login.organizationButton(orgName).click();
    await expect(page.getByTestId('member-email')).toHaveText(email);
    await expect(page.getByTestId('organization-name')).toHaveText(orgName);
    expect(await sessionCookies()).toHaveLength(2);
  });
});

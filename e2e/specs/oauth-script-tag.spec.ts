import { unique } from '../support/backend.js';
import { sessionCookies } from '../support/code-login.js';
import { expect, test } from '../support/fixtures.js';
import { LoginCard } from '../support/login-card.js';
import { addMember, createOrganizationWith, membersWithEmail } from '../support/organization-mail.js';
import { continueWith, MICROSOFT_TENANTS, providerButton } from '../support/stand-in.js';

// OAuth on the page without a build step: `<orgauth-login products="oauth …" oauth-providers="google
// microsoft github">` from the server's `orgauth.global.js`, on the app's origin, through the `--dev`
// stand-ins (packages/server/src/dev/oauth/).

test('script-tag page: a member signs in with GitHub on the organization’s page as the member the admin added', async ({
  page,
  request,
  guard,
}) => {
  const login = new LoginCard(page);
  const org = await createOrganizationWith(request, {
    organization_name: `Hopper ${unique('gh')}`,
    organization_slug: unique('hopper-gh'),
  });
  const added = await addMember(request, org.organization_id, 'grace@acme.test');

  await page.goto(`/script-tag.html?org=${org.organization_slug}`);
  await expect(login.root.getByText(org.organization_name)).toBeVisible();
  // An organization without restrictions allows every provider the page offers.
  for (const provider of ['Google', 'Microsoft', 'GitHub'] as const)
    await expect(providerButton(login, provider)).toBeVisible();
  const github = await continueWith(login, 'GitHub');
  await github.choose('Grace Hopper');

  await expect(login.heading(/signed in/i)).toBeVisible();
  await expect(login.root.getByText('grace@acme.test')).toBeVisible();
  await expect(login.root.getByText(org.organization_name)).toBeVisible();
  await expect(page).toHaveURL(/\/script-tag\.html/);
  await expect(page).not.toHaveURL(/token=|stytch_token_type/);
  expect(await sessionCookies(page)).toEqual(['stytch_session', 'stytch_session_jwt']);
  await guard.expectAppOrigin();
  // GitHub vouched for her primary email: she is the member the admin added, not a second one.
  expect((await membersWithEmail(request, org.organization_id, 'grace@acme.test')).map((m) => m.member_id)).toEqual([
    added.member_id,
  ]);
  await page.reload();
  await expect(login.root.getByText('grace@acme.test')).toBeVisible();
});

test('script-tag page: discovery with Microsoft offers the organization that admits the tenant, and joining it signs in', async ({
  page,
  request,
  guard,
}) => {
  const login = new LoginCard(page);
  const org = await createOrganizationWith(request, {
    organization_name: `Lovelace ${unique('entra')}`,
    organization_slug: unique('lovelace-entra'),
    oauth_tenant_jit_provisioning: 'RESTRICTED',
    allowed_oauth_tenants: { microsoft: [MICROSOFT_TENANTS.acme] },
  });

  await page.goto('/script-tag.html');
  await login.expectEmailStep();
  const microsoft = await continueWith(login, 'Microsoft');
  await microsoft.choose('Ada Lovelace');
  await login.expectChooseOrganization();
  await expect(page).toHaveURL(/\/script-tag\.html/);
  // Ada is not a member yet: the organization is listed because it admits her Microsoft tenant.
  await expect(login.organizationButton(org.organization_name)).toContainText('You can join');
  expect(await membersWithEmail(request, org.organization_id, 'ada@acme.test')).toEqual([]);
  await login.organizationButton(org.organization_name).click();

  await expect(login.heading(/signed in/i)).toBeVisible();
  await expect(login.root.getByText('ada@acme.test')).toBeVisible();
  await expect(login.root.getByText(org.organization_name)).toBeVisible();
  expect(await sessionCookies(page)).toEqual(['stytch_session', 'stytch_session_jwt']);
  await guard.expectAppOrigin();
  const [member, ...others] = await membersWithEmail(request, org.organization_id, 'ada@acme.test');
  expect(others).toEqual([]);
  expect(member?.status).toBe('active');
});

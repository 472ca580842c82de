import { backendAuth, unique } from '../support/backend.js';
import { sessionCookies } from '../support/code-login.js';
import { expect, test } from '../support/fixtures.js';
import { LoginCard } from '../support/login-card.js';
import { createOrganizationWith, membersWithEmail } from '../support/organization-mail.js';
import { serverOrigin } from '../support/origins.js';
import { continueWith, GITHUB_ORGS, MICROSOFT_TENANTS, providerButton } from '../support/stand-in.js';

// An organization's OAuth policy, enforced by the server at the callback and shown by the login UI,
// through the `--dev` stand-ins for Microsoft and GitHub (their people: packages/server/src/dev/oauth/people.ts).
// The refusals come back to the app as `?stytch_error=<type>` and the card says them in the words of
// packages/elements/src/i18n/messages.ts.

const JIT_REFUSED =
  'This organization does not let new members join with this account. Ask an administrator to invite you.';
const EMAIL_UNVERIFIED = 'The provider did not confirm your email address, so it cannot be used to sign in.';

test('React page: an organization admitting one Microsoft tenant lets its people join and refuses another tenant in words', async ({
  page,
  request,
  guard,
  origins,
}) => {
  const login = new LoginCard(page);
  const org = await createOrganizationWith(request, {
    organization_name: `Acme ${unique('entra')}`,
    organization_slug: unique('acme-entra'),
    auth_methods: 'RESTRICTED',
    allowed_auth_methods: ['microsoft_oauth'],
    oauth_tenant_jit_provisioning: 'RESTRICTED',
    allowed_oauth_tenants: { microsoft: [MICROSOFT_TENANTS.acme] },
  });

  await test.step('The organization’s page offers only the provider it allows', async () => {
    await page.goto(`/?org=${org.organization_slug}`);
    await expect(login.root.getByText(org.organization_name)).toBeVisible();
    await expect(providerButton(login, 'Microsoft')).toBeVisible();
    await expect(providerButton(login, 'Google')).toHaveCount(0);
    await expect(providerButton(login, 'GitHub')).toHaveCount(0);
  });

  await test.step('When Alan from the Globex tenant signs in, the page refuses him in words', async () => {
    const microsoft = await continueWith(login, 'Microsoft');
    await microsoft.choose('Alan Turing');
    // Back on the app (the login's redirect URL is the page without its query, so the discovery
    // card), the refusal is in words and the one-shot `stytch_error*` parameters are gone.
    await expect(login.root.getByRole('alert')).toHaveText(JIT_REFUSED);
    expect(new URL(page.url()).origin).toBe(origins.app);
    await expect(page).not.toHaveURL(/stytch_error|token=/);
    await expect(page.getByTestId('member-email')).toHaveCount(0);
    expect(await sessionCookies(page)).toEqual([]);
    expect(await membersWithEmail(request, org.organization_id, 'alan@globex.test')).toEqual([]);
  });

  await test.step('When Grace from the Acme tenant signs in, she joins as a new member', async () => {
    await page.goto(`/?org=${org.organization_slug}`);
    const microsoft = await continueWith(login, 'Microsoft');
    await microsoft.choose('Grace Hopper');
    await expect(page.getByTestId('member-email')).toHaveText('grace@acme.test');
    await expect(page.getByTestId('organization-name')).toHaveText(org.organization_name);
    expect(await sessionCookies(page)).toEqual(['stytch_session', 'stytch_session_jwt']);
    await guard.expectAppOrigin();
    const [member, ...others] = await membersWithEmail(request, org.organization_id, 'grace@acme.test');
    expect(others).toEqual([]);
    expect(member?.status).toBe('active');
    // The backend reads the tokens of the Microsoft identity she signed in with (Stytch's provider read).
    const tokens = await request.get(
      `${serverOrigin()}/v1/b2b/organizations/${org.organization_id}/members/${member?.member_id}/oauth_providers/microsoft`,
      { headers: backendAuth() },
    );
    expect(tokens.status()).toBe(200);
    const body = await tokens.json();
    expect(body.provider_type).toBe('microsoft');
    expect(body.provider_subject).toBe('ms-sub-grace');
    expect(body.access_token).not.toBe('');
  });
});

test('React page: a GitHub account whose email GitHub did not verify is refused in words, in discovery and on an organization’s page', async ({
  page,
  request,
}) => {
  const login = new LoginCard(page);
  // Mallory's address is in this organization's domain and her GitHub organization is admitted:
  // only the unverified email stands between her and a membership.
  const org = await createOrganizationWith(request, {
    organization_name: `Acme ${unique('github')}`,
    organization_slug: unique('acme-github'),
    email_jit_provisioning: 'RESTRICTED',
    email_allowed_domains: ['acme.test'],
    oauth_tenant_jit_provisioning: 'RESTRICTED',
    allowed_oauth_tenants: { github: [GITHUB_ORGS.acmeCorp] },
  });

  await test.step('In discovery, the chooser is never reached', async () => {
    await page.goto('/');
    const github = await continueWith(login, 'GitHub');
    await github.choose('Mallory Unverified');
    await expect(login.root.getByRole('alert')).toHaveText(EMAIL_UNVERIFIED);
    await expect(login.heading(/choose an organization/i)).toHaveCount(0);
    expect(await sessionCookies(page)).toEqual([]);
  });

  await test.step('On the organization’s page, she does not join', async () => {
    await page.goto(`/?org=${org.organization_slug}`);
    const github = await continueWith(login, 'GitHub');
    await github.choose('Mallory Unverified');
    await expect(login.root.getByRole('alert')).toHaveText(EMAIL_UNVERIFIED);
    await expect(page.getByTestId('member-email')).toHaveCount(0);
    expect(await sessionCookies(page)).toEqual([]);
    expect(await membersWithEmail(request, org.organization_id, 'mallory@acme.test')).toEqual([]);
  });

  await test.step('Ada, verified and in the same GitHub organization, joins it', async () => {
    await page.goto(`/?org=${org.organization_slug}`);
    const github = await continueWith(login, 'GitHub');
    await github.choose('Ada Lovelace');
    await expect(page.getByTestId('member-email')).toHaveText('ada@acme.test');
    await expect(page.getByTestId('organization-name')).toHaveText(org.organization_name);
    expect(await membersWithEmail(request, org.organization_id, 'ada@acme.test')).toHaveLength(1);
  });
});

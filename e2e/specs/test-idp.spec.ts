import { expect, test, type Page } from '@playwright/test';
import { projectCredentials } from '../support/backend';
import { TestIdpPage, demoSsoConnections } from '../support/test-idp';

// The built-in test IdP in a real browser, without the login UI: SSO start → the IdP's page → (SAML:
// auto-POST allowed by a CSP nonce; OIDC: code + PKCE redirects) → back on the app with an sso token,
// which the SDK endpoint exchanges for a session.

const isSsoLanding = (url: URL) => url.searchParams.get('stytch_token_type') === 'sso' || url.searchParams.has('stytch_error');

async function startSso(page: Page, baseURL: string, connectionId: string): Promise<void> {
  // The demo app would consume the token itself; keep the landing page inert so the test reads it.
  // Playwright does not route the target of a redirect (the ACS answers 303), so block the demo's
  // scripts instead: the IdP pages use one inline script only.
  await page.route((url) => url.pathname.endsWith('.js'), (route) => route.abort());
  const { public_token } = projectCredentials();
  const q = new URLSearchParams({ public_token, connection_id: connectionId, login_redirect_url: `${baseURL}/`, signup_redirect_url: `${baseURL}/` });
  await page.goto(`/v1/public/sso/start?${q}`);
}

async function exchange(page: Page, baseURL: string) {
  await page.waitForURL((url) => isSsoLanding(url));
  const token = new URL(page.url()).searchParams.get('token');
  expect(token).toBeTruthy();
  const { public_token } = projectCredentials();
  const res = await page.request.post('/sdk/v1/b2b/sso/authenticate', {
    headers: { authorization: `Basic ${Buffer.from(`${public_token}:${public_token}`).toString('base64')}`, origin: baseURL },
    data: { sso_token: token, session_duration_minutes: 60 },
  });
  expect(res.status(), await res.text()).toBe(200);
  return (await res.json()).data as { member: { email_address: string; name: string; member_id: string } };
}

test('SAML: pick a person on the test IdP, land back with an sso token, sign in', async ({ page, request, baseURL }) => {
  const { saml } = await demoSsoConnections(request);
  await startSso(page, baseURL!, saml);
  const idp = new TestIdpPage(page);
  await idp.expectFor('Demo SSO Co');
  await idp.choose('Ada Lovelace');
  const { member } = await exchange(page, baseURL!);
  expect(member.email_address).toBe('ada@demo-sso.test');
  expect(member.name).toBe('Ada Lovelace');
});

test('OIDC: type a user on the test IdP, code + PKCE, sign in', async ({ page, request, baseURL }) => {
  const { oidc } = await demoSsoConnections(request);
  await startSso(page, baseURL!, oidc);
  const idp = new TestIdpPage(page);
  await idp.expectFor('Demo SSO Co');
  const email = `oidc-${Date.now().toString(36)}@demo-sso.test`;
  await idp.type(email, 'Olive', 'Idsee');
  const { member } = await exchange(page, baseURL!);
  expect(member.email_address).toBe(email);
  expect(member.name).toBe('Olive Idsee');
});

test('SAML: Locked Co (SSO JIT NOT_ALLOWED) refuses an unknown person with a clear page', async ({ page, request, baseURL }) => {
  const { lockedSaml } = await demoSsoConnections(request);
  await startSso(page, baseURL!, lockedSaml);
  const idp = new TestIdpPage(page);
  await idp.expectFor('Locked Co');
  await idp.choose('Grace Hopper');
  await expect(page.getByRole('heading', { name: 'Single sign-on failed' })).toBeVisible();
  await expect(page.getByText(/does not create accounts through single sign-on/)).toBeVisible();
  await expect(page.getByRole('link', { name: /back to sign-in/i })).toHaveAttribute('href', /stytch_error=sso_jit_provisioning_not_allowed/);
});

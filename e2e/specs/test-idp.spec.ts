import { createHash, randomBytes } from 'node:crypto';
import type { Page } from '@playwright/test';
import { projectCredentials } from '../support/backend.js';
import { expect, test, type Origins } from '../support/fixtures.js';
import { TestIdpPage, demoSsoConnections } from '../support/test-idp.js';

// The built-in test IdP in a real browser, without the login UI: SSO start on the server → the IdP's
// page → (SAML: auto-POST allowed by a CSP nonce; OIDC: code + PKCE redirects) → back on the app's
// origin with an sso token, which the SDK endpoint exchanges (with the PKCE verifier) for a session.

const isSsoLanding = (url: URL) =>
  url.searchParams.get('stytch_token_type') === 'sso' || url.searchParams.has('stytch_error');

/** Starts SSO as an SDK would: with a PKCE challenge, returning to the app's page. Returns the verifier. */
async function startSso(page: Page, origins: Origins, connectionId: string): Promise<string> {
  // The demo app would consume the token itself; keep the landing page inert so the test reads it.
  // Playwright does not route the target of a redirect (the ACS answers 303), so block the demo's
  // scripts instead: the IdP pages use one inline script only.
  await page.route(
    (url) => url.pathname.endsWith('.js'),
    (route) => route.abort(),
  );
  const verifier = randomBytes(32).toString('hex');
  const { public_token } = projectCredentials();
  const q = new URLSearchParams({
    public_token,
    connection_id: connectionId,
    login_redirect_url: `${origins.app}/`,
    signup_redirect_url: `${origins.app}/`,
    pkce_code_challenge: createHash('sha256').update(verifier).digest('base64url'),
  });
  await page.goto(`${origins.server}/v1/public/sso/start?${q}`);
  return verifier;
}

async function exchange(page: Page, origins: Origins, verifier: string) {
  await page.waitForURL((url) => isSsoLanding(url));
  expect(new URL(page.url()).origin).toBe(origins.app);
  const token = new URL(page.url()).searchParams.get('token');
  expect(token).toBeTruthy();
  const { public_token } = projectCredentials();
  const res = await page.request.post(`${origins.server}/sdk/v1/b2b/sso/authenticate`, {
    headers: {
      authorization: `Basic ${Buffer.from(`${public_token}:${public_token}`).toString('base64')}`,
      origin: origins.app,
    },
    data: { sso_token: token, pkce_code_verifier: verifier, session_duration_minutes: 60 },
  });
  expect(res.status(), await res.text()).toBe(200);
  return (await res.json()).data as { member: { email_address: string; name: string; member_id: string } };
}

test('SAML: pick a person on the test IdP, land back with an sso token, sign in', async ({
  page,
  request,
  origins,
  guard,
}) => {
  const { saml } = await demoSsoConnections(request);
  const verifier = await startSso(page, origins, saml);
  const idp = new TestIdpPage(page);
  await idp.expectFor('Demo SSO Co');
  await idp.choose('Ada Lovelace');
  guard.allow(/net::ERR_FAILED \(.*\.js\)$/); // the demo's scripts, blocked above
  const { member } = await exchange(page, origins, verifier);
  expect(member.email_address).toBe('ada@demo-sso.test');
  expect(member.name).toBe('Ada Lovelace');
});

test('OIDC: type a user on the test IdP, code + PKCE, sign in', async ({ page, request, origins, guard }) => {
  const { oidc } = await demoSsoConnections(request);
  const verifier = await startSso(page, origins, oidc);
  const idp = new TestIdpPage(page);
  await idp.expectFor('Demo SSO Co');
  const email = `oidc-${Date.now().toString(36)}@demo-sso.test`;
  await idp.type(email, 'Olive', 'Idsee');
  guard.allow(/net::ERR_FAILED \(.*\.js\)$/); // the demo's scripts, blocked above
  const { member } = await exchange(page, origins, verifier);
  expect(member.email_address).toBe(email);
  expect(member.name).toBe('Olive Idsee');
});

test('SAML: Locked Co (SSO JIT NOT_ALLOWED) refuses an unknown person with a clear page', async ({
  page,
  request,
  origins,
  guard,
}) => {
  const { lockedSaml } = await demoSsoConnections(request);
  await startSso(page, origins, lockedSaml);
  // The ACS answers the refusal page with 403, which Chromium logs.
  guard.allow(/Failed to load resource: the server responded with a status of 403 .*\/acs\)$/);
  const idp = new TestIdpPage(page);
  await idp.expectFor('Locked Co');
  await idp.choose('Grace Hopper');
  await expect(page.getByRole('heading', { name: 'Single sign-on failed' })).toBeVisible();
  await expect(page.getByText(/does not create accounts through single sign-on/)).toBeVisible();
  await expect(page.getByRole('link', { name: /back to sign-in/i })).toHaveAttribute(
    'href',
    /stytch_error=sso_jit_provisioning_not_allowed/,
  );
});

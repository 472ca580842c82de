import { pkceChallenge } from '../lib/crypto.js';
import { latestMagicLinkToken, type TestResponse, type TestServer } from './test-server.js';

/**
 * A fixed PKCE pair for tests: the SDK email magic-link sends require a challenge (CSRF-02), and the
 * link then authenticates only with this verifier.
 */
export const TEST_PKCE = (() => {
  const verifier = 'test-pkce-verifier-0123456789-abcdefghijklmnopqrstuvwxyz';
  return { verifier, challenge: pkceChallenge(verifier) } as const;
})();

/** Sends a discovery magic link to `email` (with {@link TEST_PKCE}'s challenge) and returns the mailed token. */
export async function mailDiscoveryToken(
  t: TestServer,
  email: string,
  extra: Record<string, unknown> = {},
): Promise<string> {
  const body = { email_address: email, pkce_code_challenge: TEST_PKCE.challenge, ...extra };
  const sent = await t.sdk('/b2b/magic_links/email/discovery/send', { body });
  if (sent.status !== 200) throw new Error(`discovery send failed: ${JSON.stringify(sent.body)}`);
  return (await latestMagicLinkToken(t.server, email)).token;
}

/** Proves `email` through a discovery magic link; returns the IST and the discovery response. */
export async function discover(t: TestServer, email: string): Promise<{ ist: string; data: TestResponse['body'] }> {
  const token = await mailDiscoveryToken(t, email);
  const res = await t.sdk('/b2b/magic_links/discovery/authenticate', {
    body: { discovery_magic_links_token: token, pkce_code_verifier: TEST_PKCE.verifier },
  });
  if (res.status !== 200) throw new Error(`discovery authenticate failed: ${JSON.stringify(res.body)}`);
  return { ist: res.body.data.intermediate_session_token, data: res.body.data };
}

/** Full discovery sign-up: proves `email` and creates organization `slug`; returns the auth response data. */
export async function signUp(t: TestServer, email: string, slug: string): Promise<TestResponse['body']> {
  const { ist } = await discover(t, email);
  const res = await t.sdk('/b2b/discovery/organizations/create', {
    body: {
      intermediate_session_token: ist,
      session_duration_minutes: 60,
      organization_name: `Org ${slug}`,
      organization_slug: slug,
    },
  });
  if (res.status !== 200) throw new Error(`organization create failed: ${JSON.stringify(res.body)}`);
  return res.body.data;
}

/**
 * Makes `email` a member of `organizationId` through the backend (with `roles`, if any) and signs it in
 * with a backend-sent magic link; returns the SDK authenticate response data (its `session_token`).
 */
export async function signInMember(
  t: TestServer,
  organizationId: string,
  email: string,
  roles?: string[],
): Promise<TestResponse['body']> {
  const created = await t.api(`/organizations/${organizationId}/members`, {
    body: { email_address: email, ...(roles ? { roles } : {}) },
  });
  if (created.status !== 200) throw new Error(`member create failed: ${JSON.stringify(created.body)}`);
  await t.api('/magic_links/email/send', { body: { organization_id: organizationId, email_address: email } });
  const res = await t.sdk('/b2b/magic_links/authenticate', {
    body: { magic_links_token: (await latestMagicLinkToken(t.server, email)).token, session_duration_minutes: 60 },
  });
  if (res.status !== 200) throw new Error(`sign-in failed: ${JSON.stringify(res.body)}`);
  return res.body.data;
}

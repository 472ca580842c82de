import { TEST_PKCE } from '../../testing/journey.js';
import { latestMagicLinkToken, type TestResponse, type TestServer } from '../../testing/test-server.js';

/** A password the strength check accepts (passwords/strength.ts), and two it refuses. */
export const STRONG = 'violet-harbor-tangent-1987!';
export const WEAK = 'password';
export const WEAK_OR_BREACHED = ['weak_password', 'breached_password'];

/** The mailed reset link to `to`: its URL and token (the newest mail in the dev mailbox). */
export async function mailedReset(t: TestServer, to: string): Promise<{ link: URL; token: string; subject: string }> {
  const { link, token } = await latestMagicLinkToken(t.server, to);
  const mail = (await t.server.mailbox.list()).find((m) => m.to === to);
  return { link: new URL(link), token, subject: mail?.subject ?? '' };
}

/** An organization (`acme`) with members `emails`, made through the backend API. */
export async function organizationWith(t: TestServer, slug: string, emails: string[]): Promise<string> {
  const org = await t.api('/organizations', { body: { organization_name: `Org ${slug}`, organization_slug: slug } });
  if (org.status !== 200) throw new Error(`organization create failed: ${JSON.stringify(org.body)}`);
  const id = org.body.organization.organization_id as string;
  for (const email of emails) {
    const member = await t.api(`/organizations/${id}/members`, { body: { email_address: email } });
    if (member.status !== 200) throw new Error(`member create failed: ${JSON.stringify(member.body)}`);
  }
  return id;
}

/** SDK `passwords/email/reset/start` with {@link TEST_PKCE}'s challenge unless `extra` says otherwise. */
export function sdkResetStart(
  t: TestServer,
  organizationId: string,
  email: string,
  extra: Record<string, unknown> = {},
): Promise<TestResponse> {
  return t.sdk('/b2b/passwords/email/reset/start', {
    body: { organization_id: organizationId, email_address: email, code_challenge: TEST_PKCE.challenge, ...extra },
  });
}

/** SDK `passwords/email/reset` with {@link TEST_PKCE}'s verifier unless `extra` says otherwise. */
export function sdkReset(
  t: TestServer,
  token: string,
  password: string,
  extra: Record<string, unknown> & { session?: string } = {},
): Promise<TestResponse> {
  const { session, ...rest } = extra;
  return t.sdk('/b2b/passwords/email/reset', {
    body: {
      password_reset_token: token,
      password,
      session_duration_minutes: 60,
      code_verifier: TEST_PKCE.verifier,
      ...rest,
    },
    ...(session === undefined ? {} : { session }),
  });
}

/** SDK `passwords/discovery/reset/start` with {@link TEST_PKCE}'s challenge. */
export function sdkDiscoveryResetStart(t: TestServer, email: string, extra: Record<string, unknown> = {}) {
  return t.sdk('/b2b/passwords/discovery/reset/start', {
    body: { email_address: email, pkce_code_challenge: TEST_PKCE.challenge, ...extra },
  });
}

/** SDK `passwords/discovery/reset` with {@link TEST_PKCE}'s verifier unless `extra` says otherwise. */
export function sdkDiscoveryReset(t: TestServer, token: string, password: string, extra: Record<string, unknown> = {}) {
  return t.sdk('/b2b/passwords/discovery/reset', {
    body: { password_reset_token: token, password, pkce_code_verifier: TEST_PKCE.verifier, ...extra },
  });
}

import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { TEST_PKCE } from '../testing/journey.js';
import { createTestServer, latestMagicLinkToken, type TestServer } from '../testing/test-server.js';
import {
  mailedReset,
  organizationWith,
  sdkDiscoveryResetStart,
  sdkReset,
  sdkResetStart,
  STRONG,
  WEAK,
  WEAK_OR_BREACHED,
} from './testing/reset-journey.js';

// `passwords/email/reset` (docs/wire-protocol.md §2.8): single use, expiry, PKCE, strength checked
// before anything is spent, and every other session of the email revoked (docs/security.md SES-07).

let t: TestServer;
let acme: string;
let beta: string;
beforeEach(async () => {
  t = await createTestServer({ dev: true });
  acme = await organizationWith(t, 'acme', ['ada@acme.test']);
  beta = await organizationWith(t, 'beta', ['ada@acme.test']);
});
afterEach(async () => {
  await t.close();
});

/** Signs an existing member in through a backend-sent magic link; returns its session token. */
async function signIn(organizationId: string, email: string): Promise<string> {
  await t.api('/magic_links/email/send', { body: { organization_id: organizationId, email_address: email } });
  const res = await t.sdk('/b2b/magic_links/authenticate', {
    body: { magic_links_token: (await latestMagicLinkToken(t.server, email)).token, session_duration_minutes: 60 },
  });
  expect(res.status).toBe(200);
  return res.body.data.session_token as string;
}

const alive = async (token: string) =>
  (await t.sdk('/b2b/sessions/authenticate', { body: {}, session: token })).status === 200;

async function resetToken(organizationId = acme, extra: Record<string, unknown> = {}): Promise<string> {
  expect((await sdkResetStart(t, organizationId, 'ada@acme.test', extra)).status).toBe(200);
  return (await mailedReset(t, 'ada@acme.test')).token;
}

describe('organization reset', () => {
  test('sets the password, verifies the email, signs in, and revokes every other session of the email', async () => {
    const inAcme = await signIn(acme, 'ada@acme.test');
    const inBeta = await signIn(beta, 'ada@acme.test');
    const res = await sdkReset(t, await resetToken(), STRONG);
    expect(res.status).toBe(200);
    const data = res.body.data;
    expect(data).toMatchObject({
      organization_id: acme,
      member_authenticated: true,
      intermediate_session_token: '',
      member: { email_address: 'ada@acme.test', email_address_verified: true, status: 'active' },
      member_email_id: expect.stringMatching(/^member-email-test-/),
    });
    expect(data.member_session.authentication_factors).toEqual([
      expect.objectContaining({ type: 'password', delivery_method: 'knowledge', sequence_order: 'PRIMARY' }),
    ]);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await alive(data.session_token)).toBe(true);
    expect(await alive(inAcme)).toBe(false);
    expect(await alive(inBeta)).toBe(false);
    const stored = await t.server.db.selectFrom('member_passwords').select('email').execute();
    expect(stored).toEqual([{ email: 'ada@acme.test' }]);
  });

  test('a link works once; a new reset spends the older links of the email', async () => {
    const older = await resetToken();
    const token = await resetToken();
    expect((await sdkReset(t, token, STRONG)).status).toBe(200);
    for (const spent of [token, older]) {
      const again = await sdkReset(t, spent, `${STRONG}?`);
      expect([again.status, again.body.error_type]).toEqual([401, 'unable_to_auth_magic_link']);
    }
    const unknown = await sdkReset(t, 'A'.repeat(44), STRONG);
    expect([unknown.status, unknown.body.error_type]).toEqual([401, 'unable_to_auth_magic_link']);
  });

  test('exactly one of 10 concurrent resets with one link wins', async () => {
    const token = await resetToken();
    const results = await Promise.all(Array.from({ length: 10 }, () => sdkReset(t, token, STRONG)));
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    for (const r of results.filter((r) => r.status !== 200))
      expect(r.body.error_type).toBe('unable_to_auth_magic_link');
  });

  test('expires after 30 minutes by default, or the requested lifetime', async () => {
    const token = await resetToken();
    t.clock.advance(30 * 60_000);
    expect((await sdkReset(t, token, STRONG)).body.error_type).toBe('unable_to_auth_magic_link');
    const short = await resetToken(acme, { reset_password_expiration_minutes: 5 });
    t.clock.advance(5 * 60_000 - 1);
    expect((await sdkReset(t, short, STRONG)).status).toBe(200);
  });

  test('PKCE: a missing or wrong verifier is 400 and spends nothing; the right one works', async () => {
    const token = await resetToken();
    for (const code_verifier of [undefined, '', 'e'.repeat(64)]) {
      const res = await sdkReset(t, token, STRONG, { code_verifier });
      expect([res.status, res.body.error_type]).toEqual([400, 'pkce_mismatch']);
    }
    expect((await sdkReset(t, token, STRONG, { code_verifier: TEST_PKCE.verifier })).status).toBe(200);
  });

  test('a weak or breached password is refused and the link, the sessions and the old password stay', async () => {
    const session = await signIn(acme, 'ada@acme.test');
    const token = await resetToken();
    for (const password of [WEAK, 'ada@acme.test']) {
      const res = await sdkReset(t, token, password);
      expect(res.status).toBe(400);
      expect(WEAK_OR_BREACHED).toContain(res.body.error_type);
    }
    expect(await alive(session)).toBe(true);
    expect(await t.server.db.selectFrom('member_passwords').select('id').execute()).toEqual([]);
    expect((await sdkReset(t, token, STRONG)).status).toBe(200);
  });

  test('the session held in the browser is kept (a new token), the others revoked', async () => {
    const held = await signIn(acme, 'ada@acme.test');
    const other = await signIn(acme, 'ada@acme.test');
    const before = await t.sdk('/b2b/sessions/authenticate', { body: {}, session: held });
    const res = await sdkReset(t, await resetToken(), STRONG, { session: held });
    expect(res.status).toBe(200);
    expect(res.body.data.member_session.member_session_id).toBe(before.body.data.member_session.member_session_id);
    expect(res.body.data.session_token).not.toBe(held);
    expect(await alive(res.body.data.session_token)).toBe(true);
    expect(await alive(held)).toBe(false);
    expect(await alive(other)).toBe(false);
  });

  test('a discovery link is not an organization link, and a deleted member cannot reset', async () => {
    await sdkDiscoveryResetStart(t, 'ada@acme.test');
    const discovery = (await mailedReset(t, 'ada@acme.test')).token;
    expect((await sdkReset(t, discovery, STRONG)).body.error_type).toBe('unable_to_auth_magic_link');
    const token = await resetToken(beta);
    const member = await t.api(`/organizations/${beta}/member?email_address=ada%40acme.test`);
    await t.api(`/organizations/${beta}/members/${member.body.member_id}`, { method: 'DELETE' });
    expect((await sdkReset(t, token, STRONG)).status).toBeGreaterThanOrEqual(400);
    expect(await t.server.db.selectFrom('member_passwords').select('id').execute()).toEqual([]);
  });
});

describe('organization reset (backend)', () => {
  test('keeps the session it is given; another member’s is refused and spends nothing', async () => {
    const session = await signIn(acme, 'ada@acme.test');
    await organizationWith(t, 'gamma', []);
    await t.api(`/organizations/${acme}/members`, { body: { email_address: 'bob@acme.test' } });
    const bob = await signIn(acme, 'bob@acme.test');
    const start = await t.api('/passwords/email/reset/start', {
      body: { organization_id: acme, email_address: 'ada@acme.test' },
    });
    expect(start.status).toBe(200);
    const token = (await mailedReset(t, 'ada@acme.test')).token;
    const refused = await t.api('/passwords/email/reset', {
      body: { password_reset_token: token, password: STRONG, session_token: bob },
    });
    expect([refused.status, refused.body.error_type]).toEqual([400, 'bad_request']);
    const res = await t.api('/passwords/email/reset', {
      body: { password_reset_token: token, password: STRONG, session_token: session, session_custom_claims: { a: 1 } },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status_code: 200, member_authenticated: true, organization_id: acme });
    expect(res.body.member_session.custom_claims).toEqual({ a: 1 });
    expect(await alive(bob)).toBe(true);
  });
});

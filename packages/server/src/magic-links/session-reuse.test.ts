import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { authenticateOrgMagicLink } from './organization-links.js';
import { loadLiveSession } from '../sessions/store.js';
import { snapshot } from '../testing/db-snapshot.js';
import { TEST_PKCE } from '../testing/journey.js';
import { createTestServer, latestMagicLinkToken, type TestServer } from '../testing/test-server.js';

let t: TestServer;
let acme: string;
let beta: string;
beforeEach(async () => {
  t = await createTestServer({ dev: true });
  const org = async (organization_name: string, organization_slug: string) => {
    const res = await t.api('/organizations', {
      body: { organization_name, organization_slug, email_allowed_domains: ['acme.test'] },
    });
    return res.body.organization.organization_id as string;
  };
  acme = await org('Acme', 'acme');
  beta = await org('Beta', 'beta');
  for (const [orgId, email] of [
    [acme, 'ada@acme.test'],
    [acme, 'bob@acme.test'],
    [beta, 'ada@acme.test'],
  ] as const) {
    await t.api(`/organizations/${orgId}/members`, { body: { email_address: email } });
  }
});
afterEach(async () => {
  await t.close();
});

/** Mails a login link for `email` in `orgId` (backend send) and returns its token. */
async function link(email: string, orgId = acme): Promise<string> {
  const sent = await t.api('/magic_links/email/send', { body: { organization_id: orgId, email_address: email } });
  expect(sent.status).toBe(200);
  return (await latestMagicLinkToken(t.server, email)).token;
}

const authenticate = (magic_links_token: string, extra: Record<string, unknown> = {}) =>
  t.api('/magic_links/authenticate', { body: { magic_links_token, ...extra } });

/** Signs `email` in to `orgId` with a fresh session of 30 minutes; returns the answer body. */
async function signIn(email: string, orgId = acme) {
  const res = await authenticate(await link(email, orgId), { session_duration_minutes: 30 });
  expect(res.status).toBe(200);
  return res.body;
}

/** The stored row of a session (factors as parsed JSON). */
async function sessionRow(id: string) {
  const row = await t.server.db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  return {
    ...row,
    factors: JSON.parse(row.factors) as { type: string; delivery_method: string; last_authenticated_at: string }[],
  };
}

/** A refused request writes nothing; only the (deliberate) rate-limit failure counter may move. */
async function dataState() {
  const { rate_limits: _counted, ...rest } = await snapshot(t.server.db);
  return rest;
}

const MINUTE = 60_000;

describe('magic_links/authenticate with an existing session', () => {
  test('same member + session_token: same session with a new token (the old one dies), one more email factor, expiry extended on request', async () => {
    const first = await signIn('ada@acme.test');
    t.clock.advance(10 * MINUTE);
    const res = await authenticate(await link('ada@acme.test'), {
      session_token: first.session_token,
      session_duration_minutes: 120,
    });
    expect(res.status).toBe(200);
    expect(res.body.member_session.member_session_id).toBe(first.member_session.member_session_id);
    // SES-03: a token never survives an authentication; the session (id, factors) carries on.
    expect(res.body.session_token).toMatch(/\S{20,}/);
    expect(res.body.session_token).not.toBe(first.session_token);
    expect(
      (await t.api('/sessions/authenticate', { body: { session_token: first.session_token } })).body.error_type,
    ).toBe('session_not_found');
    expect(res.body.session_jwt).not.toBe(first.session_jwt);
    const factors = res.body.member_session.authentication_factors;
    expect(factors).toHaveLength(2);
    expect(factors[1]).toMatchObject({
      type: 'magic_link',
      delivery_method: 'email',
      last_authenticated_at: new Date(t.clock.now()).toISOString(),
    });
    expect(factors[1].email_factor.email_address).toBe('ada@acme.test');
    expect(Date.parse(res.body.member_session.expires_at)).toBe(t.clock.now() + 120 * MINUTE);
    const row = await sessionRow(first.member_session.member_session_id);
    expect(row.factors).toHaveLength(2);
    expect(row.expires_at).toBe(t.clock.now() + 120 * MINUTE);
    expect(await t.server.db.selectFrom('sessions').select('id').execute()).toHaveLength(1);
    // Without session_duration_minutes the factor is still added but the expiry stays (as sessions/authenticate).
    t.clock.advance(MINUTE);
    const kept = await authenticate(await link('ada@acme.test'), { session_token: res.body.session_token });
    expect(kept.body.member_session.authentication_factors).toHaveLength(3);
    expect(kept.body.member_session.expires_at).toBe(res.body.member_session.expires_at);
    const checked = await t.api('/sessions/authenticate', { body: { session_token: kept.body.session_token } });
    expect(checked.body.member_session.authentication_factors).toHaveLength(3);
  });

  test('same member + session_jwt: the same session is extended', async () => {
    const first = await signIn('ada@acme.test');
    const res = await authenticate(await link('ada@acme.test'), { session_jwt: first.session_jwt });
    expect(res.status).toBe(200);
    expect(res.body.member_session.member_session_id).toBe(first.member_session.member_session_id);
    // A new token even when the session was named by JWT: the caller can keep using the session.
    expect((await t.api('/sessions/authenticate', { body: { session_token: res.body.session_token } })).status).toBe(
      200,
    );
    expect((await t.api('/sessions/authenticate', { body: { session_token: first.session_token } })).status).toBe(404);
    expect((await sessionRow(first.member_session.member_session_id)).factors).toHaveLength(2);
    expect(await t.server.db.selectFrom('sessions').select('id').execute()).toHaveLength(1);
  });

  test("another member's or another organization's session is refused (SES-03: never merged), nothing written, link still usable", async () => {
    const bob = await signIn('bob@acme.test');
    const adaInBeta = await signIn('ada@acme.test', beta);
    const token = await link('ada@acme.test');
    const before = await dataState();
    for (const other of [bob, adaInBeta]) {
      for (const credential of [{ session_token: other.session_token }, { session_jwt: other.session_jwt }]) {
        const res = await authenticate(token, credential);
        expect(res.status).toBe(400);
        expect(res.body).toMatchObject({ status_code: 400, error_type: 'bad_request' });
        expect(res.body.error_message).toContain('another member');
      }
    }
    expect(await dataState()).toEqual(before);
    const retry = await authenticate(token);
    expect(retry.status).toBe(200);
    expect(retry.body.member.email_address).toBe('ada@acme.test');
    expect(retry.body.member_session.authentication_factors).toHaveLength(1);
  });

  test('session_token and session_jwt together: 400 envelope, nothing written, the link still works', async () => {
    const first = await signIn('ada@acme.test');
    const token = await link('ada@acme.test');
    const before = await dataState();
    const res = await authenticate(token, { session_token: first.session_token, session_jwt: first.session_jwt });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ status_code: 400, error_type: 'bad_request' });
    expect(typeof res.body.request_id).toBe('string');
    expect(await dataState()).toEqual(before);
    const retry = await authenticate(token);
    expect(retry.status).toBe(200);
  });

  test('a revoked or unknown session: 404 session_not_found like sessions/authenticate, nothing written, link still usable', async () => {
    const first = await signIn('ada@acme.test');
    expect((await t.api('/sessions/revoke', { body: { session_token: first.session_token } })).status).toBe(200);
    const token = await link('ada@acme.test');
    const before = await dataState();
    for (const credential of [
      { session_token: first.session_token },
      { session_jwt: first.session_jwt },
      { session_token: 'no-such-session-token' },
    ]) {
      const res = await authenticate(token, credential);
      const reference = await t.api('/sessions/authenticate', { body: credential });
      expect(res.status, Object.keys(credential)[0]).toBe(404);
      expect(res.body.error_type).toBe('session_not_found');
      expect({ status: res.status, error_type: res.body.error_type }).toEqual({
        status: reference.status,
        error_type: reference.body.error_type,
      });
    }
    expect(await dataState()).toEqual(before);
    const retry = await authenticate(token);
    expect(retry.status).toBe(200);
    expect(retry.body.member_session.member_session_id).not.toBe(first.member_session.member_session_id);
  });

  test('a session revoked between its proof and the redemption: the transaction rolls back, the link survives', async () => {
    const first = await signIn('ada@acme.test');
    const projectId = (await sessionRow(first.member_session.member_session_id)).project_id;
    const loaded = await loadLiveSession(t.server.db, projectId, { token: first.session_token }, t.clock.now());
    await t.api('/sessions/revoke', { body: { session_token: first.session_token } });
    const token = await link('ada@acme.test');
    const existing = { loaded, extendMinutes: undefined, otherMember: 'refuse' } as const;
    const redeem = authenticateOrgMagicLink(
      t.server.db,
      { projectId, token, durationMinutes: 60, existing },
      t.clock.now(),
    );
    await expect(redeem).rejects.toMatchObject({ errorType: 'session_not_found' });
    expect((await authenticate(token)).status).toBe(200);
  });
});

describe('SDK magic_links/authenticate with the session as Basic password', () => {
  const sdkLink = async (email: string) => {
    expect(
      (
        await t.sdk('/b2b/magic_links/email/login_or_signup', {
          body: { organization_id: acme, email_address: email, pkce_code_challenge: TEST_PKCE.challenge },
        })
      ).status,
    ).toBe(200);
    return (await latestMagicLinkToken(t.server, email)).token;
  };
  const sdkAuthenticate = (token: string, session?: string) =>
    t.sdk('/b2b/magic_links/authenticate', {
      ...(session === undefined ? {} : { session }),
      body: { magic_links_token: token, session_duration_minutes: 60, pkce_code_verifier: TEST_PKCE.verifier },
    });

  test('the cookie session is ambient: the same member extends it (new token); another member or a dead cookie gets a new session', async () => {
    const first = (await sdkAuthenticate(await sdkLink('ada@acme.test'))).body.data;
    const again = await sdkAuthenticate(await sdkLink('ada@acme.test'), first.session_token);
    expect(again.status).toBe(200);
    expect(again.body.data.member_session.member_session_id).toBe(first.member_session.member_session_id);
    expect(again.body.data.session_token).not.toBe(first.session_token);
    expect(again.body.data.member_session.authentication_factors).toHaveLength(2);
    expect((await t.sdk('/b2b/sessions/authenticate', { session: first.session_token, body: {} })).status).toBe(404);
    const current = again.body.data.session_token as string;

    // Signed in as Ada, Bob's link in the same browser: Bob gets his own session; Ada's is untouched.
    const adaBefore = await sessionRow(first.member_session.member_session_id);
    const bob = await sdkAuthenticate(await sdkLink('bob@acme.test'), current);
    expect(bob.status).toBe(200);
    expect(bob.body.data.member.email_address).toBe('bob@acme.test');
    expect(bob.body.data.member_session.member_session_id).not.toBe(first.member_session.member_session_id);
    expect(await sessionRow(first.member_session.member_session_id)).toEqual(adaBefore);

    // A cookie revoked elsewhere does not block signing in again.
    expect((await t.sdk('/b2b/sessions/revoke', { session: current, body: {} })).status).toBe(200);
    const fresh = await sdkAuthenticate(await sdkLink('ada@acme.test'), current);
    expect(fresh.status).toBe(200);
    expect(fresh.body.data.member_session.member_session_id).not.toBe(first.member_session.member_session_id);
    expect(fresh.body.data.member_session.authentication_factors).toHaveLength(1);
  });
});

describe('session_custom_claims on magic_links/authenticate', () => {
  const claimsOf = (jwt: string) =>
    JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;

  test('backend: set on a new session, merged into an extended one; reserved claims never; the SDK body cannot set any', async () => {
    const first = await authenticate(await link('ada@acme.test'), {
      session_custom_claims: { plan: 'pro', sub: 'forged' },
    });
    expect(first.status).toBe(200);
    expect(claimsOf(first.body.session_jwt)).toMatchObject({ plan: 'pro', sub: first.body.member_id });
    expect(first.body.member_session.custom_claims).toEqual({ plan: 'pro' });
    const again = await authenticate(await link('ada@acme.test'), {
      session_token: first.body.session_token,
      session_custom_claims: { seat: 7, plan: null },
    });
    expect(again.body.member_session.custom_claims).toEqual({ seat: 7 });
    expect(claimsOf(again.body.session_jwt)).toMatchObject({ seat: 7 });
    expect(claimsOf(again.body.session_jwt).plan).toBeUndefined();
    expect(
      (await authenticate(await link('ada@acme.test'), { session_custom_claims: ['not', 'an', 'object'] })).status,
    ).toBe(400);

    // A browser must not mint claims its backend would trust.
    expect(
      (
        await t.sdk('/b2b/magic_links/email/login_or_signup', {
          body: { organization_id: acme, email_address: 'bob@acme.test', pkce_code_challenge: TEST_PKCE.challenge },
        })
      ).status,
    ).toBe(200);
    const { token } = await latestMagicLinkToken(t.server, 'bob@acme.test');
    const sdk = await t.sdk('/b2b/magic_links/authenticate', {
      body: {
        magic_links_token: token,
        session_duration_minutes: 60,
        pkce_code_verifier: TEST_PKCE.verifier,
        session_custom_claims: { admin: true },
      },
    });
    expect(sdk.status).toBe(200);
    expect(claimsOf(sdk.body.data.session_jwt).admin).toBeUndefined();
  });
});

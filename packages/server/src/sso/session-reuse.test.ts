import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import {
  samlSignIn,
  SDK_SSO_START,
  sdkSsoAuthenticate,
  setupSamlConnection,
  ssoTokenOf,
  type SamlSetup,
} from './saml/testing/saml-flow.js';
import { snapshot } from '../testing/db-snapshot.js';
import { createTestServer, type TestServer } from '../testing/test-server.js';

/**
 * `sso/authenticate` with a session the caller already holds (sessions/reuse.ts), as
 * magic_links/authenticate: the same member's session gets the SSO factor and a new token (SES-03);
 * another member's explicit session is refused; an ambient SDK cookie that is not the member's is
 * set aside. Every refusal leaves the single-use sso token usable.
 */
let t: TestServer;
let setup: SamlSetup;
beforeEach(async () => {
  t = await createTestServer();
  setup = await setupSamlConnection(t);
});
afterEach(async () => {
  await t.close();
});

const ssoToken = async (nameId: string) => ssoTokenOf(await samlSignIn(t, setup, nameId));
/** A token for the SDK route: its start carried the SDK's PKCE challenge. */
const sdkToken = async (nameId: string) => ssoTokenOf(await samlSignIn(t, setup, nameId, {}, SDK_SSO_START));
const backend = (sso_token: string, extra: Record<string, unknown> = {}) =>
  t.api('/sso/authenticate', { body: { sso_token, ...extra } });
const sdk = (sso_token: string, session?: string) =>
  sdkSsoAuthenticate(t, sso_token, session === undefined ? {} : { session });
/** A refused request writes nothing; only the deliberate rate-limit failure counter may move. */
const dataState = async () => {
  const { rate_limits: _counted, ...rest } = await snapshot(t.server.db);
  return rest;
};

describe('backend sso/authenticate with session_token / session_jwt', () => {
  test("the member's own session: same session, SSO factor added, new token, the old one dead", async () => {
    const first = (await backend(await ssoToken('ada@acme.test'))).body;
    const again = await backend(await ssoToken('ada@acme.test'), {
      session_jwt: first.session_jwt,
      session_duration_minutes: 90,
    });
    expect(again.status).toBe(200);
    expect(again.body.member_session.member_session_id).toBe(first.member_session.member_session_id);
    expect(again.body.member_session.authentication_factors).toHaveLength(2);
    expect(again.body.session_token).not.toBe(first.session_token);
    expect(Date.parse(again.body.member_session.expires_at)).toBe(t.clock.now() + 90 * 60_000);
    expect((await t.api('/sessions/authenticate', { body: { session_token: first.session_token } })).status).toBe(404);
    expect((await t.api('/sessions/authenticate', { body: { session_token: again.body.session_token } })).status).toBe(
      200,
    );
  });

  test("another member's session is refused, a dead one is 404, both credentials 400; nothing written, the token still works", async () => {
    const bob = (await backend(await ssoToken('bob@acme.test'))).body;
    const dead = (await backend(await ssoToken('ada@acme.test'))).body;
    await t.api('/sessions/revoke', { body: { session_token: dead.session_token } });
    const token = await ssoToken('ada@acme.test');
    const before = await dataState();
    const cases: [Record<string, unknown>, number, string][] = [
      [{ session_token: bob.session_token }, 400, 'bad_request'],
      [{ session_token: dead.session_token }, 404, 'session_not_found'],
      [{ session_token: bob.session_token, session_jwt: bob.session_jwt }, 400, 'bad_request'],
    ];
    for (const [credential, status, errorType] of cases) {
      const res = await backend(token, credential);
      expect([res.status, res.body.error_type], JSON.stringify(Object.keys(credential))).toEqual([status, errorType]);
    }
    expect(await dataState()).toEqual(before);
    const ok = await backend(token);
    expect(ok.status).toBe(200);
    expect(ok.body.member_session.authentication_factors).toHaveLength(1);
  });
});

describe('SDK sso/authenticate with the session cookie as Basic password', () => {
  test("the member's own cookie is extended; another member's or a dead cookie gets a new session", async () => {
    const first = (await sdk(await sdkToken('ada@acme.test'))).body.data;
    const again = (await sdk(await sdkToken('ada@acme.test'), first.session_token)).body.data;
    expect(again.member_session.member_session_id).toBe(first.member_session.member_session_id);
    expect(again.session_token).not.toBe(first.session_token);

    const bob = await sdk(await sdkToken('bob@acme.test'), again.session_token);
    expect(bob.status).toBe(200);
    expect(bob.body.data.member.email_address).toBe('bob@acme.test');
    expect(bob.body.data.member_session.member_session_id).not.toBe(first.member_session.member_session_id);

    await t.sdk('/b2b/sessions/revoke', { session: again.session_token, body: {} });
    const fresh = await sdk(await sdkToken('ada@acme.test'), again.session_token);
    expect(fresh.status).toBe(200);
    expect(fresh.body.data.member_session.member_session_id).not.toBe(first.member_session.member_session_id);
  });
});

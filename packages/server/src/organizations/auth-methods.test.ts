import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import {
  postAcs,
  samlSignIn,
  SDK_SSO_START,
  sdkSsoAuthenticate,
  setupSamlConnection,
  ssoStartRaw,
  ssoTokenOf,
  startSamlSso,
  validResponseOptions,
} from '../sso/saml/testing/saml-flow.js';
import { buildSignedResponse } from '../sso/saml/testing/saml-fixtures.js';
import { snapshot } from '../testing/db-snapshot.js';
import { discover, signUp, TEST_PKCE } from '../testing/journey.js';
import { createTestServer, latestMagicLinkToken, type TestResponse, type TestServer } from '../testing/test-server.js';

// TEN-05 / AUTH-02: `auth_methods: RESTRICTED` holds on every path into the organization, not just
// the one people think of first. Each row names a path and the decision it must reach.

let t: TestServer;
beforeEach(async () => {
  t = await createTestServer({ dev: true });
});
afterEach(async () => {
  await t.close();
});

type Call = [name: string, call: () => Promise<TestResponse | Response>, decision: string];

// Not `instanceof Response`: fetch's answers are undici's class, not @hono/node-server's global one.
const isRaw = (res: TestResponse | Response): res is Response => typeof (res as Response).json === 'function';

/** What a path decided: `session` when it handed out a session token, else how it refused. */
async function decision(res: TestResponse | Response): Promise<string> {
  if (isRaw(res))
    return res.ok || res.status === 302 || res.status === 303
      ? 'let through'
      : `${res.status} ${res.headers.get('x-orgauth-error-type') ?? (await res.json()).error_type}`;
  const body = res.body?.data ?? res.body;
  if (res.status !== 200) return `${res.status} ${body.error_type}`;
  if (typeof body.session_token === 'string' && body.session_token !== '') return 'session';
  return body.primary_required
    ? `primary_required ${body.primary_required.allowed_auth_methods.join(',')}`
    : 'no session';
}

async function decisions(calls: Call[]): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const [name, call] of calls) out[name] = await decision(await call());
  return out;
}

const restrict = async (orgId: string, methods: string[]) => {
  const res = await t.api(`/organizations/${orgId}`, {
    method: 'PUT',
    body: { auth_methods: 'RESTRICTED', allowed_auth_methods: methods },
  });
  expect(res.status).toBe(200);
};

/** A refused request writes nothing; only the (deliberate) rate-limit failure counter may move. */
async function dataState() {
  const { rate_limits: _counted, ...rest } = await snapshot(t.server.db);
  return rest;
}

describe('an organization that allows only SSO', () => {
  test('refuses magic links (send and authenticate), discovery exchange and session exchange on the SDK and backend APIs', async () => {
    const acme = (await signUp(t, 'ada@acme.test', 'acme')).organization.organization_id as string;
    const beta = await signUp(t, 'ada@acme.test', 'beta');
    const links: string[] = [];
    for (let i = 0; i < 2; i++) {
      await t.api('/magic_links/email/send', { body: { organization_id: acme, email_address: 'ada@acme.test' } });
      links.push((await latestMagicLinkToken(t.server, 'ada@acme.test')).token);
    }
    const { ist } = await discover(t, 'ada@acme.test');
    await restrict(acme, ['sso']);
    const before = await dataState();
    const send = { organization_id: acme, email_address: 'ada@acme.test' };
    const exchange = { intermediate_session_token: ist, organization_id: acme, session_duration_minutes: 60 };
    const refused = '403 magic_link_not_allowed';
    const calls: Call[] = [
      [
        'SDK login_or_signup',
        () =>
          t.sdk('/b2b/magic_links/email/login_or_signup', {
            body: { ...send, pkce_code_challenge: TEST_PKCE.challenge },
          }),
        refused,
      ],
      ['backend login_or_signup', () => t.api('/magic_links/email/login_or_signup', { body: send }), refused],
      ['backend send', () => t.api('/magic_links/email/send', { body: send }), refused],
      [
        'SDK magic link authenticate',
        () => t.sdk('/b2b/magic_links/authenticate', { body: { magic_links_token: links[0] } }),
        refused,
      ],
      [
        'backend magic link authenticate',
        () => t.api('/magic_links/authenticate', { body: { magic_links_token: links[1] } }),
        refused,
      ],
      ['SDK IST exchange', () => t.sdk('/b2b/discovery/intermediate_sessions/exchange', { body: exchange }), refused],
      ['backend IST exchange', () => t.api('/discovery/intermediate_sessions/exchange', { body: exchange }), refused],
    ];
    const expected = Object.fromEntries(calls.map(([name, , want]) => [name, want]));
    expect(await decisions(calls)).toEqual(expected);
    expect(await dataState()).toEqual(before);
    // Session exchange answers as Stytch does: no session, an IST and primary_required; the old session stays.
    const switched: Call[] = [
      [
        'SDK session exchange',
        () => t.sdk('/b2b/sessions/exchange', { session: beta.session_token, body: { organization_id: acme } }),
        'primary_required sso',
      ],
      [
        'backend session exchange',
        () => t.api('/sessions/exchange', { body: { session_token: beta.session_token, organization_id: acme } }),
        'primary_required sso',
      ],
    ];
    expect(await decisions(switched)).toEqual(Object.fromEntries(switched.map(([name, , want]) => [name, want])));
    const after = await dataState();
    expect({ ...after, intermediate_sessions: [] }).toEqual({ ...before, intermediate_sessions: [] });
    expect((await t.sdk('/b2b/sessions/authenticate', { session: beta.session_token, body: {} })).status).toBe(200);
  });
});

describe('an organization that allows only email magic links', () => {
  test('refuses SSO start, the ACS, sso/authenticate, and an SSO-proven IST at discovery exchange', async () => {
    const setup = await setupSamlConnection(t, { slug: 'ml-only' });
    // The first token is for the SDK route (its start carries the SDK's PKCE challenge), the second for the backend.
    const tokens = [
      await ssoTokenOf(await samlSignIn(t, setup, 'ada@corp.test', {}, SDK_SSO_START)),
      await ssoTokenOf(await samlSignIn(t, setup, 'ada@corp.test')),
    ];
    const started = await startSamlSso(t, setup.connectionId);
    // Ada also signs in by SSO to another organization, and switches from it: refused, she gets an IST.
    const other = await setupSamlConnection(t, { slug: 'sso-co' });
    const session = await sdkSsoAuthenticate(
      t,
      await ssoTokenOf(await samlSignIn(t, other, 'ada@corp.test', {}, SDK_SSO_START)),
    );
    await restrict(setup.organizationId, ['magic_link']);
    const switched = await t.sdk('/b2b/sessions/exchange', {
      session: session.body.data.session_token,
      body: { organization_id: setup.organizationId },
    });
    expect(await decision(switched)).toBe('primary_required magic_link');
    const ist = switched.body.data.intermediate_session_token as string;
    const before = await dataState();
    const response = buildSignedResponse(validResponseOptions(t, setup, started.requestId, 'ada@corp.test')).base64;
    const calls: Call[] = [
      ['SSO start', () => ssoStartRaw(t, { connection_id: setup.connectionId }), '403 sso_not_allowed'],
      [
        'SAML ACS (started before the restriction)',
        () => postAcs(t, setup.connectionId, response, started.relayState),
        '403 sso_not_allowed',
      ],
      ['SDK sso/authenticate', () => sdkSsoAuthenticate(t, tokens[0] ?? ''), '403 sso_not_allowed'],
      [
        'backend sso/authenticate',
        () => t.api('/sso/authenticate', { body: { sso_token: tokens[1] } }),
        '403 sso_not_allowed',
      ],
      // The IST of a refused exchange must not get in through discovery instead (SES-15).
      [
        'SDK IST exchange (SSO factor)',
        () =>
          t.sdk('/b2b/discovery/intermediate_sessions/exchange', {
            body: { intermediate_session_token: ist, organization_id: setup.organizationId },
          }),
        '403 unauthorized_action',
      ],
      [
        'backend IST exchange (SSO factor)',
        () =>
          t.api('/discovery/intermediate_sessions/exchange', {
            body: { intermediate_session_token: ist, organization_id: setup.organizationId },
          }),
        '403 unauthorized_action',
      ],
    ];
    expect(await decisions(calls)).toEqual(Object.fromEntries(calls.map(([name, , want]) => [name, want])));
    // The ACS spends the sign-in request and records the verified assertion's id before it decides
    // (single use, AUTH-14); nothing else moves: no member, identity, sso token or session.
    const { sso_requests: _a, saml_assertion_ids: _b, ...after } = await dataState();
    const { sso_requests: _c, saml_assertion_ids: _d, ...expected } = before;
    expect(after).toEqual(expected);
  });
});

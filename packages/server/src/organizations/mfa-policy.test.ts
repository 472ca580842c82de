import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import {
  samlSignIn,
  SDK_SSO_START,
  sdkSsoAuthenticate,
  setupSamlConnection,
  ssoTokenOf,
} from '../sso/saml/testing/saml-flow.js';
import { snapshot } from '../testing/db-snapshot.js';
import { discover, signUp, TEST_PKCE } from '../testing/journey.js';
import { createTestServer, latestMagicLinkToken, type TestResponse, type TestServer } from '../testing/test-server.js';

// AUTH-15: MFA is not built, so `mfa_policy: REQUIRED_FOR_ALL` must fail closed: it cannot be set,
// and an organization that already holds it (an older database) gets no session on any path.

let t: TestServer;
beforeEach(async () => {
  t = await createTestServer({ dev: true });
});
afterEach(async () => {
  await t.close();
});

const NOT_AVAILABLE = /not available on this server yet/;

/** A refused request writes nothing; only the (deliberate) rate-limit failure counter may move. */
async function dataState() {
  const { rate_limits: _counted, ...rest } = await snapshot(t.server.db);
  return rest;
}

const setMfaPolicy = (orgId: string, policy: string) =>
  t.server.db.updateTable('organizations').set({ mfa_policy: policy }).where('id', '=', orgId).execute();

/** A fresh login link for `email` in `orgId`, mailed through the backend send. */
async function loginLink(orgId: string, email: string): Promise<string> {
  const sent = await t.api('/magic_links/email/send', { body: { organization_id: orgId, email_address: email } });
  if (sent.status !== 200) throw new Error(JSON.stringify(sent.body));
  return (await latestMagicLinkToken(t.server, email)).token;
}

describe('mfa_policy REQUIRED_FOR_ALL cannot be set', () => {
  test('backend create and update, SDK and backend discovery create: 400 bad_request, nothing written', async () => {
    const org = (await t.api('/organizations', { body: { organization_name: 'Acme', organization_slug: 'acme' } })).body
      .organization;
    const { ist } = await discover(t, 'ada@example.com');
    const before = await dataState();
    const create = { organization_name: 'Mfa', organization_slug: 'mfa', mfa_policy: 'REQUIRED_FOR_ALL' };
    const calls: [string, () => Promise<TestResponse>][] = [
      ['backend create', () => t.api('/organizations', { body: create })],
      [
        'backend update',
        () =>
          t.api(`/organizations/${org.organization_id}`, { method: 'PUT', body: { mfa_policy: 'REQUIRED_FOR_ALL' } }),
      ],
      [
        'backend update with other fields',
        () =>
          t.api(`/organizations/${org.organization_id}`, {
            method: 'PUT',
            body: { organization_name: 'New', mfa_policy: 'REQUIRED_FOR_ALL' },
          }),
      ],
      [
        'SDK discovery create',
        () => t.sdk('/b2b/discovery/organizations/create', { body: { intermediate_session_token: ist, ...create } }),
      ],
      [
        'backend discovery create',
        () => t.api('/discovery/organizations/create', { body: { intermediate_session_token: ist, ...create } }),
      ],
    ];
    for (const [name, call] of calls) {
      const res = await call();
      expect([res.status, res.body.error_type], name).toEqual([400, 'bad_request']);
      expect(res.body.error_message, name).toMatch(NOT_AVAILABLE);
    }
    expect(await dataState()).toEqual(before);
    // OPTIONAL stays accepted, and the IST was not spent by the refusals.
    expect(
      (await t.api(`/organizations/${org.organization_id}`, { method: 'PUT', body: { mfa_policy: 'OPTIONAL' } }))
        .status,
    ).toBe(200);
    const created = await t.sdk('/b2b/discovery/organizations/create', {
      body: { intermediate_session_token: ist, ...create, mfa_policy: 'OPTIONAL' },
    });
    expect(created.status).toBe(200);
    expect(created.body.data.organization.mfa_policy).toBe('OPTIONAL');
  });
});

describe('an organization that already holds REQUIRED_FOR_ALL', () => {
  test('every magic-link, discovery and session-exchange sign-in is refused with 403 unauthorized_action and writes nothing', async () => {
    const acme = (await signUp(t, 'ada@acme.test', 'acme')).organization.organization_id as string;
    const beta = await signUp(t, 'ada@acme.test', 'beta');
    const sdkLink = await loginLink(acme, 'ada@acme.test');
    const apiLink = await loginLink(acme, 'ada@acme.test');
    const { ist } = await discover(t, 'ada@acme.test');
    await setMfaPolicy(acme, 'REQUIRED_FOR_ALL');
    const before = await dataState();
    const mails = (await t.server.mailbox.list()).length;
    const send = { organization_id: acme, email_address: 'ada@acme.test' };
    const calls: [string, () => Promise<TestResponse>][] = [
      [
        'SDK login_or_signup',
        () =>
          t.sdk('/b2b/magic_links/email/login_or_signup', {
            body: { ...send, pkce_code_challenge: TEST_PKCE.challenge },
          }),
      ],
      ['backend login_or_signup', () => t.api('/magic_links/email/login_or_signup', { body: send })],
      ['backend magic link send', () => t.api('/magic_links/email/send', { body: send })],
      [
        'SDK magic link authenticate',
        () =>
          t.sdk('/b2b/magic_links/authenticate', {
            body: { magic_links_token: sdkLink, session_duration_minutes: 60 },
          }),
      ],
      [
        'backend magic link authenticate',
        () =>
          t.api('/magic_links/authenticate', { body: { magic_links_token: apiLink, session_duration_minutes: 60 } }),
      ],
      [
        'SDK IST exchange',
        () =>
          t.sdk('/b2b/discovery/intermediate_sessions/exchange', {
            body: { intermediate_session_token: ist, organization_id: acme, session_duration_minutes: 60 },
          }),
      ],
      [
        'backend IST exchange',
        () =>
          t.api('/discovery/intermediate_sessions/exchange', {
            body: { intermediate_session_token: ist, organization_id: acme, session_duration_minutes: 60 },
          }),
      ],
      [
        'SDK session exchange',
        () =>
          t.sdk('/b2b/sessions/exchange', {
            session: beta.session_token,
            body: { organization_id: acme, session_duration_minutes: 60 },
          }),
      ],
      [
        'backend session exchange',
        () =>
          t.api('/sessions/exchange', {
            body: { session_token: beta.session_token, organization_id: acme, session_duration_minutes: 60 },
          }),
      ],
    ];
    for (const [name, call] of calls) {
      const res = await call();
      expect([res.status, res.body.error_type], name).toEqual([403, 'unauthorized_action']);
      expect(res.body.error_message, name).toMatch(NOT_AVAILABLE);
    }
    expect(await dataState()).toEqual(before);
    expect((await t.server.mailbox.list()).length).toBe(mails);
    // Once the policy is OPTIONAL again, the refused link and IST still work: the refusals spent nothing.
    await setMfaPolicy(acme, 'OPTIONAL');
    expect((await t.sdk('/b2b/magic_links/authenticate', { body: { magic_links_token: sdkLink } })).status).toBe(200);
    const exchanged = await t.sdk('/b2b/discovery/intermediate_sessions/exchange', {
      body: { intermediate_session_token: ist, organization_id: acme },
    });
    expect(exchanged.body.data).toMatchObject({ member_authenticated: true, mfa_required: null });
  });

  test('the policy of another organization does not leak to a stranger: non-members still get member_not_found', async () => {
    const acme = (await signUp(t, 'ada@acme.test', 'acme')).organization.organization_id as string;
    const bob = await signUp(t, 'bob@else.test', 'else');
    await setMfaPolicy(acme, 'REQUIRED_FOR_ALL');
    const res = await t.sdk('/b2b/sessions/exchange', { session: bob.session_token, body: { organization_id: acme } });
    expect([res.status, res.body.error_type]).toEqual([404, 'member_not_found']);
  });

  // `assertSsoAllowed` (sso-login.ts) checks the MFA policy first: start, ACS / callback and authenticate.
  test('SSO authenticate (SDK and backend) is refused with 403 unauthorized_action and writes nothing', async () => {
    const setup = await setupSamlConnection(t, { slug: 'sso-co' });
    const sdkToken = await ssoTokenOf(await samlSignIn(t, setup, 'ada@sso-co.test', {}, SDK_SSO_START));
    const apiToken = await ssoTokenOf(await samlSignIn(t, setup, 'ada@sso-co.test'));
    await setMfaPolicy(setup.organizationId, 'REQUIRED_FOR_ALL');
    const before = await dataState();
    const sdk = await sdkSsoAuthenticate(t, sdkToken);
    const api = await t.api('/sso/authenticate', { body: { sso_token: apiToken, session_duration_minutes: 60 } });
    expect([sdk.status, sdk.body.error_type]).toEqual([403, 'unauthorized_action']);
    expect([api.status, api.body.error_type]).toEqual([403, 'unauthorized_action']);
    expect(await dataState()).toEqual(before);
  });
});

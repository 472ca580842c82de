import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createTestServer, type TestResponse, type TestServer } from '../testing/test-server.js';
import { createOidcFixture } from './oidc/testing/oidc-flow.js';
import { connectionSatisfiesMfa, listConnectionTrust, setConnectionTrust } from './mfa-trust.js';
import {
  samlSignIn,
  SDK_SSO_START,
  type SamlSetup,
  sdkSsoAuthenticate,
  setupSamlConnection,
  ssoTokenOf,
  TEST_IDP_SSO_URL,
} from './saml/testing/saml-flow.js';
import { TEST_IDP_CERT } from './saml/testing/saml-fixtures.js';

// AUTH-15: an SSO sign-in skips the organization's second factor only through a connection the
// operator trusts to enforce MFA itself (sso/mfa-trust.ts); every other one stops at the gate.

const EMAIL = 'ada@sso-co.test';
let t: TestServer;
let setup: SamlSetup;
beforeEach(async () => {
  t = await createTestServer();
  setup = await setupSamlConnection(t, { slug: 'sso-co' });
});
afterEach(() => t.close());

const payload = (res: TestResponse) => res.body.data ?? res.body;
const trust = (on: boolean, connectionId = setup.connectionId) =>
  setConnectionTrust(t.server.db, t.server.project.project_id, connectionId, on);
const setPolicy = (policy: 'REQUIRED_FOR_ALL' | 'OPTIONAL') =>
  t.api(`/organizations/${setup.organizationId}`, { method: 'PUT', body: { mfa_policy: policy } });

/** A full SAML sign-in redeemed through the backend (or, with `sdk`, the SDK) route. */
async function signIn(sdk = false, target = setup): Promise<TestResponse> {
  const res = await samlSignIn(t, target, EMAIL, {}, sdk ? SDK_SSO_START : {});
  const token = await ssoTokenOf(res);
  return sdk
    ? sdkSsoAuthenticate(t, token)
    : t.api('/sso/authenticate', { body: { sso_token: token, session_duration_minutes: 60 } });
}

function expectGate(res: TestResponse): void {
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  expect(payload(res)).toMatchObject({ member_authenticated: false, member_session: null, session_token: '' });
  expect(payload(res).mfa_required).not.toBeNull();
  expect(payload(res).intermediate_session_token).not.toBe('');
}

function expectSession(res: TestResponse, connectionId = setup.connectionId): void {
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  const data = payload(res);
  expect(data).toMatchObject({ member_authenticated: true, mfa_required: null, intermediate_session_token: '' });
  expect(data.session_token).not.toBe('');
  expect(data.member_session.authentication_factors).toEqual([
    expect.objectContaining({ type: 'sso', saml_sso_factor: expect.objectContaining({ id: connectionId }) }),
  ]);
}

describe('SSO through a trusted connection satisfies MFA (AUTH-15)', () => {
  test('REQUIRED_FOR_ALL: untrusted stops at the gate, trusted gives a session, untrusting restores the gate', async () => {
    await setPolicy('REQUIRED_FOR_ALL');
    expectGate(await signIn());
    expectGate(await signIn(true));
    expect(await trust(true)).toBe(true);
    expectSession(await signIn());
    expectSession(await signIn(true));
    await trust(false);
    expectGate(await signIn());
  });

  test('OPTIONAL with an enrolled member: the same rule', async () => {
    expectSession(await signIn());
    await t.server.db.updateTable('members').set({ mfa_enrolled: 1 }).where('email', '=', EMAIL).execute();
    expectGate(await signIn());
    await trust(true);
    expectSession(await signIn(true));
    await trust(false);
    expectGate(await signIn(true));
  });

  test('trust is read when the token is redeemed, and never shows on the wire', async () => {
    await setPolicy('REQUIRED_FOR_ALL');
    await trust(true);
    const token = await ssoTokenOf(await samlSignIn(t, setup, EMAIL));
    await trust(false);
    expectGate(await t.api('/sso/authenticate', { body: { sso_token: token, session_duration_minutes: 60 } }));
    await trust(true);
    const connection = await t.api(`/sso/${setup.organizationId}`);
    expect(JSON.stringify(connection.body)).not.toMatch(/trust/i);
  });

  test('the token names its own connection: a later sign-in through a trusted one does not lend it trust', async () => {
    await setPolicy('REQUIRED_FOR_ALL');
    const other = await t.api(`/sso/saml/${setup.organizationId}`, { body: { display_name: 'Second IdP' } });
    const otherId: string = other.body.connection.connection_id;
    const activated = await t.api(`/sso/saml/${setup.organizationId}/connections/${otherId}`, {
      method: 'PUT',
      body: {
        idp_entity_id: 'https://idp2.example.test/saml',
        idp_sso_url: TEST_IDP_SSO_URL,
        x509_certificate: TEST_IDP_CERT,
      },
    });
    expect(activated.body.connection?.status).toBe('active');
    // The member signs in through the first connection, then holds a link on the second as well
    // (what two simultaneous first sign-ins can leave, docs/security.md AUTH-12).
    expectGate(await signIn());
    const member = await t.server.db
      .selectFrom('members')
      .select('id')
      .where('email', '=', EMAIL)
      .executeTakeFirstOrThrow();
    await t.server.db
      .insertInto('sso_identities')
      .values({
        connection_id: otherId,
        subject: 'ada-at-second',
        project_id: t.server.project.project_id,
        organization_id: setup.organizationId,
        member_id: member.id,
        created_at: t.clock.now(),
        last_login_at: t.clock.now(),
      })
      .execute();
    await trust(true, otherId);
    t.clock.advance(1000);
    const untrustedToken = await ssoTokenOf(await samlSignIn(t, setup, EMAIL));
    // The second connection's link is now the member's most recent one.
    await t.server.db
      .updateTable('sso_identities')
      .set({ last_login_at: t.clock.now() + 1 })
      .where('connection_id', '=', otherId)
      .execute();
    expectGate(await t.api('/sso/authenticate', { body: { sso_token: untrustedToken, session_duration_minutes: 60 } }));
    expect(await connectionSatisfiesMfa(t.server.db, setup.organizationId, otherId)).toBe(true);
    expect(await connectionSatisfiesMfa(t.server.db, 'organization-test-other', otherId)).toBe(false);
    expect(await connectionSatisfiesMfa(t.server.db, setup.organizationId, null)).toBe(false);
  });

  test('lists connections with their organization and trust; an unknown id changes nothing', async () => {
    expect(await trust(true, 'saml-connection-test-nope')).toBe(false);
    await trust(true);
    expect(await listConnectionTrust(t.server.db, t.server.project.project_id)).toEqual([
      {
        connectionId: setup.connectionId,
        organizationId: setup.organizationId,
        organizationSlug: 'sso-co',
        type: 'saml',
        displayName: 'Test IdP',
        status: 'active',
        trusted: true,
      },
    ]);
    expect(await listConnectionTrust(t.server.db, t.server.project.live.project_id)).toEqual([]);
  });
});

describe('OIDC', () => {
  test('a trusted OIDC connection satisfies REQUIRED_FOR_ALL; an untrusted one does not', async () => {
    const f = await createOidcFixture();
    try {
      await f.t.api(`/organizations/${f.organizationId}`, { method: 'PUT', body: { mfa_policy: 'REQUIRED_FOR_ALL' } });
      const redeem = async () => {
        const location = new URL((await f.signIn()).location ?? '');
        const token = location.searchParams.get('token') ?? '';
        return f.t.api('/sso/authenticate', { body: { sso_token: token, session_duration_minutes: 60 } });
      };
      expectGate(await redeem());
      await setConnectionTrust(f.t.server.db, f.t.server.project.project_id, f.connectionId, true);
      const res = await redeem();
      expect(payload(res)).toMatchObject({ member_authenticated: true, mfa_required: null });
      expect(payload(res).member_session.authentication_factors[0].oidc_sso_factor.id).toBe(f.connectionId);
    } finally {
      await f.close();
    }
  });
});

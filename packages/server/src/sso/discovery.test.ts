import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { buildSignedResponse } from './saml/testing/saml-fixtures.js';
import { postAcs, type SamlSetup, setupSamlConnection, validResponseOptions } from './saml/testing/saml-flow.js';
import { inflateRawSync } from 'node:zlib';
import { TEST_PKCE } from '../testing/journey.js';
import { createTestServer, type TestServer } from '../testing/test-server.js';

let t: TestServer;
beforeEach(async () => {
  t = await createTestServer();
});
afterEach(async () => {
  await t.close();
});

/** A SAML sign-in started at `GET /v1/public/sso/discovery/start`; returns the ACS answer's Location. */
async function discoverySamlSignIn(setup: SamlSetup, nameId: string, query: Record<string, string> = {}) {
  const q = new URLSearchParams({
    public_token: t.server.project.public_token,
    connection_id: setup.connectionId,
    pkce_code_challenge: TEST_PKCE.challenge,
    ...query,
  });
  const start = await t.http(`/v1/public/sso/discovery/start?${q}`);
  if (start.status !== 302) throw new Error(`discovery start: ${start.status} ${await start.text()}`);
  const location = new URL(start.headers.get('location') ?? '');
  const xml = inflateRawSync(Buffer.from(location.searchParams.get('SAMLRequest') ?? '', 'base64')).toString('utf8');
  const requestId = /\bID="([^"]+)"/.exec(xml)?.[1] ?? '';
  const { base64 } = buildSignedResponse(validResponseOptions(t, setup, requestId, nameId));
  const acs = await postAcs(t, setup.connectionId, base64, location.searchParams.get('RelayState') ?? '');
  return {
    status: acs.status,
    location: acs.headers.get('location'),
    errorType: acs.headers.get('x-orgauth-error-type'),
  };
}

/** The SSO organization `acme` (vouching for acme.test) plus two more the same email may enter. */
async function threeOrganizations() {
  const setup = await setupSamlConnection(t);
  await t.api(`/organizations/${setup.organizationId}`, {
    method: 'PUT',
    body: { email_allowed_domains: ['acme.test'] },
  });
  const other = await t.api('/organizations', { body: { organization_name: 'Other', organization_slug: 'other' } });
  const otherId: string = other.body.organization.organization_id;
  await t.api(`/organizations/${otherId}/members`, { body: { email_address: 'ada@acme.test' } });
  const byDomain = await t.api('/organizations', {
    body: {
      organization_name: 'By domain',
      organization_slug: 'by-domain',
      email_allowed_domains: ['acme.test'],
      email_jit_provisioning: 'RESTRICTED',
    },
  });
  return { setup, otherId, byDomainId: byDomain.body.organization.organization_id as string };
}

const sdkAuthenticate = (token: string, verifier: string | undefined = TEST_PKCE.verifier) =>
  t.sdk('/b2b/sso/discovery/authenticate', {
    body: { discovery_sso_token: token, ...(verifier === undefined ? {} : { pkce_code_verifier: verifier }) },
  });

describe('SSO discovery (docs/wire-protocol.md §2.3a)', () => {
  test('a proven SSO email gets an IST: its own organization authenticated, the others primary_required', async () => {
    const { setup, otherId, byDomainId } = await threeOrganizations();
    const signIn = await discoverySamlSignIn(setup, 'ada@acme.test');
    expect(signIn.status).toBe(303);
    const url = new URL(signIn.location ?? '');
    expect(url.searchParams.get('stytch_token_type')).toBe('discovery_sso');
    const res = await sdkAuthenticate(url.searchParams.get('token') ?? '');
    expect(res.status).toBe(200);
    expect(res.body.data.email_address).toBe('ada@acme.test');
    expect(res.body.data.intermediate_session_token).toEqual(expect.any(String));
    const byId = Object.fromEntries(
      res.body.data.discovered_organizations.map((d: { organization: { organization_id: string } }) => [
        d.organization.organization_id,
        d,
      ]),
    );
    expect(Object.keys(byId).sort()).toEqual([setup.organizationId, otherId, byDomainId].sort());
    expect(byId[setup.organizationId]).toMatchObject({
      membership: { type: 'active_member' },
      member_authenticated: true,
      primary_required: null,
    });
    expect(byId[otherId]).toMatchObject({ membership: { type: 'active_member' }, member_authenticated: false });
    expect(byId[otherId].primary_required.allowed_auth_methods).toContain('magic_link');
    expect(byId[byDomainId]).toMatchObject({
      membership: { type: 'eligible_to_join_by_email_domain' },
      member_authenticated: false,
    });
  });

  test('the IST enters its own organization with the SSO factor, never another one', async () => {
    const { setup, otherId } = await threeOrganizations();
    const url = new URL((await discoverySamlSignIn(setup, 'ada@acme.test')).location ?? '');
    const ist = (await sdkAuthenticate(url.searchParams.get('token') ?? '')).body.data.intermediate_session_token;
    const listed = await t.sdk('/b2b/discovery/organizations', { body: { intermediate_session_token: ist } });
    const other = listed.body.data.discovered_organizations.find(
      (d: { organization: { organization_id: string } }) => d.organization.organization_id === otherId,
    );
    expect(other.member_authenticated).toBe(false);
    const refused = await t.sdk('/b2b/discovery/intermediate_sessions/exchange', {
      body: { intermediate_session_token: ist, organization_id: otherId, session_duration_minutes: 60 },
    });
    expect(refused.status).toBe(403);
    expect(refused.body.error_type).toBe('unauthorized_action');
    const exchanged = await t.sdk('/b2b/discovery/intermediate_sessions/exchange', {
      body: { intermediate_session_token: ist, organization_id: setup.organizationId, session_duration_minutes: 60 },
    });
    expect(exchanged.status).toBe(200);
    expect(exchanged.body.data.member_session.authentication_factors[0]).toMatchObject({
      type: 'sso',
      saml_sso_factor: { id: setup.connectionId, provider_subject: 'ada@acme.test' },
    });
  });

  test('the discovery_sso token is single-use, PKCE-bound, and expires after 10 minutes', async () => {
    const { setup } = await threeOrganizations();
    const token = new URL((await discoverySamlSignIn(setup, 'ada@acme.test')).location ?? '').searchParams.get('token');
    const wrong = await sdkAuthenticate(token ?? '', `${TEST_PKCE.verifier}x`);
    expect(wrong.body.error_type).toBe('pkce_mismatch');
    expect((await sdkAuthenticate(token ?? '')).status).toBe(200);
    expect((await sdkAuthenticate(token ?? '')).body.error_type).toBe('sso_token_not_found');
    const late = new URL((await discoverySamlSignIn(setup, 'ada@acme.test')).location ?? '').searchParams.get('token');
    t.clock.advance(10 * 60_000 + 1);
    expect((await sdkAuthenticate(late ?? '')).body.error_type).toBe('sso_token_not_found');
  });

  test('the SDK refuses a token whose start had no PKCE challenge; the backend redeems it', async () => {
    const { setup } = await threeOrganizations();
    const signIn = await discoverySamlSignIn(setup, 'ada@acme.test', { pkce_code_challenge: '' });
    const token = new URL(signIn.location ?? '').searchParams.get('token') ?? '';
    const sdk = await sdkAuthenticate(token, undefined);
    expect(sdk.status).toBe(400);
    expect(sdk.body.error_type).toBe('pkce_required');
    const backend = await t.api('/sso/discovery/authenticate', { body: { discovery_sso_token: token } });
    expect(backend.status).toBe(200);
    expect(backend.body.email_address).toBe('ada@acme.test');
  });

  test('an sso token is not a discovery_sso token, nor the other way round', async () => {
    const { setup } = await threeOrganizations();
    const token = new URL((await discoverySamlSignIn(setup, 'ada@acme.test')).location ?? '').searchParams.get('token');
    const asSso = await t.sdk('/b2b/sso/authenticate', {
      body: { sso_token: token, pkce_code_verifier: TEST_PKCE.verifier, session_duration_minutes: 60 },
    });
    expect(asSso.body.error_type).toBe('sso_token_not_found');
    expect((await sdkAuthenticate(token ?? '')).status).toBe(200);
  });

  test('a SAML email at a domain its organization does not list signs in to that organization only', async () => {
    const setup = await setupSamlConnection(t);
    const signIn = await discoverySamlSignIn(setup, 'ada@elsewhere.test');
    const url = new URL(signIn.location ?? '');
    expect(url.searchParams.get('stytch_token_type')).toBe('sso');
    const res = await t.sdk('/b2b/sso/authenticate', {
      body: {
        sso_token: url.searchParams.get('token'),
        pkce_code_verifier: TEST_PKCE.verifier,
        session_duration_minutes: 60,
      },
    });
    expect(res.status).toBe(200);
    expect(res.body.data.organization.organization_id).toBe(setup.organizationId);
  });

  test('JIT and allowed methods are enforced as for an SSO login', async () => {
    const setup = await setupSamlConnection(t, { jit: 'NOT_ALLOWED' });
    await t.api(`/organizations/${setup.organizationId}`, {
      method: 'PUT',
      body: { email_allowed_domains: ['acme.test'] },
    });
    const refused = await discoverySamlSignIn(setup, 'ada@acme.test');
    expect(refused.status).not.toBe(303);
    expect(refused.errorType).toBe('sso_jit_provisioning_not_allowed');
    await t.api(`/organizations/${setup.organizationId}`, {
      method: 'PUT',
      body: { auth_methods: 'RESTRICTED', allowed_auth_methods: ['magic_link'] },
    });
    const q = new URLSearchParams({ public_token: t.server.project.public_token, connection_id: setup.connectionId });
    const start = await t.http(`/v1/public/sso/discovery/start?${q}`);
    expect(start.status).toBe(403);
    expect((await start.json()).error_type).toBe('sso_not_allowed');
  });

  test('bad input is a 4xx envelope', async () => {
    const setup = await setupSamlConnection(t);
    const q = new URLSearchParams({
      public_token: t.server.project.public_token,
      connection_id: setup.connectionId,
      discovery_redirect_url: 'https://evil.test/cb',
    });
    const start = await t.http(`/v1/public/sso/discovery/start?${q}`);
    expect(start.status).toBe(400);
    expect((await start.json()).error_type).toBe('invalid_redirect_url');
    const missing = await t.sdk('/b2b/sso/discovery/authenticate', { body: {} });
    expect(missing.status).toBe(400);
    expect((await t.sdk('/b2b/sso/discovery/authenticate', { body: { discovery_sso_token: 42 } })).status).toBe(400);
  });
});

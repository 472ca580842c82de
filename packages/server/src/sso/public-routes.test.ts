import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { pkceChallenge } from '../lib/crypto.js';
import { buildSignedResponse } from './saml/testing/saml-fixtures.js';
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
  type SamlSetup,
} from './saml/testing/saml-flow.js';
import { createTestServer, type TestServer } from '../testing/test-server.js';

let t: TestServer;
afterEach(async () => {
  await t.close();
});

const authenticate = (token: string, verifier?: string) =>
  t.sdk('/b2b/sso/authenticate', {
    body: {
      sso_token: token,
      session_duration_minutes: 60,
      ...(verifier === undefined ? {} : { pkce_code_verifier: verifier }),
    },
  });

describe('SAML SSO happy path per JIT mode', () => {
  let setup: SamlSetup;

  test('ALL_ALLOWED: first login creates the member (signup URL); second reuses it by (connection, subject)', async () => {
    t = await createTestServer();
    setup = await setupSamlConnection(t, { jit: 'ALL_ALLOWED' });
    const first = await samlSignIn(
      t,
      setup,
      'ada@acme.test',
      { attributes: { firstName: 'Ada', lastName: 'Lovelace' } },
      SDK_SSO_START,
    );
    const token = await ssoTokenOf(first);
    const session = await sdkSsoAuthenticate(t, token);
    expect(session.status).toBe(200);
    expect(session.body.data).toMatchObject({
      organization_id: setup.organizationId,
      member: { email_address: 'ada@acme.test', name: 'Ada Lovelace', status: 'active', email_address_verified: true },
      member_session: {
        authentication_factors: [
          {
            type: 'sso',
            delivery_method: 'sso_saml',
            saml_sso_factor: { id: setup.connectionId, provider_subject: 'ada@acme.test' },
          },
        ],
      },
      session_token: expect.any(String),
      session_jwt: expect.any(String),
    });
    const memberId = session.body.data.member_id;
    // Second login, same subject but the IdP now reports another email: still the same member.
    const second = await samlSignIn(
      t,
      setup,
      'ada@acme.test',
      { attributes: { email: 'ada.lovelace@acme.test' } },
      SDK_SSO_START,
    );
    const again = await sdkSsoAuthenticate(t, await ssoTokenOf(second));
    expect(again.body.data.member_id).toBe(memberId);
    const members = await t.api(`/organizations/${setup.organizationId}/members`);
    expect(members.status === 200 ? members.body.members.length : 1).toBe(1);
  });

  test('RESTRICTED: only connections on sso_jit_provisioning_allowed_connections create members', async () => {
    t = await createTestServer();
    setup = await setupSamlConnection(t, { jit: 'RESTRICTED' });
    const refused = await samlSignIn(t, setup, 'bob@acme.test');
    expect(refused.status).toBe(403);
    expect(refused.headers.get('x-orgauth-error-type')).toBe('sso_jit_provisioning_not_allowed');
    await t.api(`/organizations/${setup.organizationId}`, {
      method: 'PUT',
      body: { sso_jit_provisioning_allowed_connections: [setup.connectionId] },
    });
    const ok = await samlSignIn(t, setup, 'bob@acme.test', {}, SDK_SSO_START);
    expect((await sdkSsoAuthenticate(t, await ssoTokenOf(ok))).body.data.member.email_address).toBe('bob@acme.test');
  });

  test('NOT_ALLOWED: an unknown member is refused with a clear page and a link back with stytch_error; an existing member signs in', async () => {
    t = await createTestServer();
    setup = await setupSamlConnection(t, { jit: 'NOT_ALLOWED' });
    await t.server.projects.addRedirectUrl('http://localhost:3000/login');
    const refused = await samlSignIn(
      t,
      setup,
      'eve@acme.test',
      {},
      { login_redirect_url: 'http://localhost:3000/login' },
    );
    expect(refused.status).toBe(403);
    const html = await refused.text();
    expect(html).toContain('does not create accounts through single sign-on');
    expect(html).toContain('href="http://localhost:3000/login?stytch_error=sso_jit_provisioning_not_allowed"');
    expect(refused.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
    expect(refused.headers.get('content-security-policy')).not.toMatch(/unsafe-inline|script-src/);
    // An existing member (created by the backend) is linked on first SSO login and keeps working.
    await t.api(`/organizations/${setup.organizationId}/members`, { body: { email_address: 'carol@acme.test' } });
    const ok = await samlSignIn(t, setup, 'carol@acme.test', {}, SDK_SSO_START);
    expect((await sdkSsoAuthenticate(t, await ssoTokenOf(ok))).body.data.member.email_address).toBe('carol@acme.test');
  });
});

describe('sso/authenticate', () => {
  test('single use, PKCE enforced when a challenge was stored, backend route works too', async () => {
    t = await createTestServer();
    const setup = await setupSamlConnection(t);
    const verifier = 'v'.repeat(43);
    const res = await samlSignIn(t, setup, 'dan@acme.test', {}, { pkce_code_challenge: pkceChallenge(verifier) });
    const token = await ssoTokenOf(res);
    expect((await authenticate(token)).body.error_type).toBe('pkce_mismatch');
    expect((await authenticate(token, 'w'.repeat(43))).body.error_type).toBe('pkce_mismatch');
    expect((await authenticate(token, verifier)).status).toBe(200);
    const replay = await authenticate(token, verifier);
    expect(replay.status).toBe(404);
    expect(replay.body.error_type).toBe('sso_token_not_found');
    // Backend API redeems a fresh token (no challenge stored → no verifier needed).
    const backend = await t.api('/sso/authenticate', {
      body: { sso_token: await ssoTokenOf(await samlSignIn(t, setup, 'dan@acme.test')), session_duration_minutes: 30 },
    });
    expect(backend.status).toBe(200);
    expect(backend.body.member.email_address).toBe('dan@acme.test');
  });

  test('an expired token is refused', async () => {
    t = await createTestServer();
    const setup = await setupSamlConnection(t);
    const token = await ssoTokenOf(await samlSignIn(t, setup, 'old@acme.test', {}, SDK_SSO_START));
    t.clock.advance(11 * 60_000);
    expect((await sdkSsoAuthenticate(t, token)).body.error_type).toBe('sso_token_not_found');
  });
});

describe('SSO start', () => {
  beforeEach(async () => {
    t = await createTestServer();
  });
  const envelope = async (res: Response) => ({
    status: res.status,
    body: (await res.json()) as { error_type: string; status_code: number; request_id: string },
  });

  test('refuses redirect URLs off the allowlist', async () => {
    const setup = await setupSamlConnection(t);
    for (const url of [
      'https://evil.test/cb',
      'http://localhost:3000@evil.test/',
      '//evil.test',
      'javascript:alert(1)',
    ]) {
      for (const key of ['login_redirect_url', 'signup_redirect_url']) {
        const res = await envelope(await ssoStartRaw(t, { connection_id: setup.connectionId, [key]: url }));
        expect(res.status).toBe(400);
        expect(res.body.error_type).toBe('invalid_redirect_url');
      }
    }
  });

  test('refuses unknown, deleted, pending and foreign-project connections, and bad public tokens, with the envelope', async () => {
    const setup = await setupSamlConnection(t);
    expect(
      (
        await envelope(
          await ssoStartRaw(t, { connection_id: 'saml-connection-test-00000000-0000-0000-0000-000000000000' }),
        )
      ).body.error_type,
    ).toBe('connection_not_found');
    const pending = (await t.api(`/sso/saml/${setup.organizationId}`, { body: { display_name: 'Half set up' } })).body
      .connection.connection_id;
    const p = await envelope(await ssoStartRaw(t, { connection_id: pending }));
    expect(p).toMatchObject({
      status: 400,
      body: { error_type: 'sso_connection_inactive', status_code: 400, request_id: expect.any(String) },
    });
    expect(
      (
        await envelope(
          await ssoStartRaw(t, { connection_id: setup.connectionId, public_token: 'public-token-test-nope' }),
        )
      ).body.error_type,
    ).toBe('invalid_public_token');
    const live = t.server.project.live?.public_token;
    if (live)
      expect(
        (await envelope(await ssoStartRaw(t, { connection_id: setup.connectionId, public_token: live }))).body
          .error_type,
      ).toBe('connection_not_found');
    await t.api(`/sso/${setup.organizationId}/connections/${setup.connectionId}`, { method: 'DELETE' });
    expect((await envelope(await ssoStartRaw(t, { connection_id: setup.connectionId }))).status).toBe(404);
  });

  test('redirects to the IdP with a deflated AuthnRequest and an opaque RelayState; stores only its hash', async () => {
    const setup = await setupSamlConnection(t);
    const { location, requestId, relayState } = await startSamlSso(t, setup.connectionId);
    expect(location.origin + location.pathname).toBe('https://idp.example.test/saml/sso');
    expect(requestId).toMatch(/^_[0-9a-f]{40}$/);
    expect(relayState).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const rows = await t.server.db.selectFrom('sso_requests').selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(relayState);
    expect(rows[0]).toMatchObject({
      saml_request_id: requestId,
      login_redirect_url: 'http://localhost:3000/',
      kind: 'saml',
    });
  });
});

describe('ACS basics', () => {
  test('a RelayState is single use and the same assertion cannot be replayed', async () => {
    t = await createTestServer();
    const setup = await setupSamlConnection(t);
    const { requestId, relayState } = await startSamlSso(t, setup.connectionId);
    const { base64 } = buildSignedResponse(validResponseOptions(t, setup, requestId, 'ann@acme.test'));
    expect((await postAcs(t, setup.connectionId, base64, relayState)).status).toBe(303);
    const again = await postAcs(t, setup.connectionId, base64, relayState);
    expect(again.status).toBeGreaterThanOrEqual(400);
  });

  test('oversized ACS bodies are refused before parsing, with or without Content-Length', async () => {
    t = await createTestServer();
    const setup = await setupSamlConnection(t);
    const big = `SAMLResponse=${'A'.repeat(1024 * 1024 + 10)}`;
    const res = await t.server.app.fetch(
      new Request(`http://localhost/v1/public/sso/saml/${setup.connectionId}/acs`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: big,
      }),
    );
    expect(res.status).toBe(413);
    expect(await res.text()).toContain('The SAML response is too large.');
    const stream = new ReadableStream({
      start(ctl) {
        ctl.enqueue(new TextEncoder().encode(big));
        ctl.close();
      },
    });
    const chunked = await t.server.app.fetch(
      new Request(`http://localhost/v1/public/sso/saml/${setup.connectionId}/acs`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: stream,
        duplex: 'half',
      } as RequestInit),
    );
    expect(chunked.status).toBe(413);
    expect(await chunked.text()).toContain('The SAML response is too large.');
  });

  test('metadata shows the SP entity id and ACS URL built from publicUrl, never the Host header', async () => {
    t = await createTestServer({ publicUrl: 'https://auth.example.com' });
    const setup = await setupSamlConnection(t, { publicUrl: 'https://auth.example.com' });
    const res = await t.server.app.fetch(
      new Request(`http://evil.test/v1/public/sso/saml/${setup.connectionId}/metadata`),
    );
    const xml = await res.text();
    expect(res.status).toBe(200);
    expect(xml).toContain(`entityID="https://auth.example.com/v1/public/sso/saml/${setup.connectionId}/metadata"`);
    expect(xml).toContain(`Location="https://auth.example.com/v1/public/sso/saml/${setup.connectionId}/acs"`);
    expect(xml).not.toContain('evil.test');
  });
});

describe('SSO start rate limit', () => {
  test('starts from one IP beyond ssoStartPerIp get 429 with Retry-After, and write no request row', async () => {
    t = await createTestServer({ rateLimits: { ssoStartPerIp: { max: 2, windowMinutes: 60 } } });
    const setup = await setupSamlConnection(t);
    expect((await ssoStartRaw(t, { connection_id: setup.connectionId })).status).toBe(302);
    expect((await ssoStartRaw(t, { connection_id: setup.connectionId })).status).toBe(302);
    const refused = await ssoStartRaw(t, { connection_id: setup.connectionId });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await refused.json()) as { error_type: string }).error_type).toBe('too_many_requests');
    expect(await t.server.db.selectFrom('sso_requests').selectAll().execute()).toHaveLength(2);
  });
});

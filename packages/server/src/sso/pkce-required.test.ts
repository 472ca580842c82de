import { afterEach, describe, expect, test } from 'vitest';
import { buildSignedResponse } from './saml/testing/saml-fixtures.js';
import {
  postAcs,
  samlSignIn,
  SDK_SSO_START,
  sdkSsoAuthenticate,
  setupSamlConnection,
  ssoTokenOf,
  validResponseOptions,
} from './saml/testing/saml-flow.js';
import { snapshot } from '../testing/db-snapshot.js';
import { TEST_PKCE } from '../testing/journey.js';
import { createOidcFixture, type OidcFixture } from './oidc/testing/oidc-flow.js';
import { createTestServer, type TestResponse, type TestServer } from '../testing/test-server.js';

// Login CSRF through SSO: an attacker starts SSO WITHOUT a PKCE challenge (the public start URL allows
// it, for backend-only integrations), signs in at the IdP as themself, keeps the final
// `?stytch_token_type=sso&token=…` URL and gets a victim to open it on the app. A token without a
// challenge accepts any verifier, so the SDK route refuses it (`pkce_required`) without spending it;
// only the backend route, which proves the project secret, redeems such tokens (and IdP-initiated
// SAML ones, which never have a challenge).

let t: TestServer;
let f: OidcFixture | undefined;
afterEach(async () => {
  if (f !== undefined) await f.close();
  else await t.close();
  f = undefined;
});

/** The victim's browser redeeming the planted token: the SDK route, with the verifier its own start would have made. */
const victimRedeems = (token: string) =>
  t.sdk('/b2b/sso/authenticate', {
    body: { sso_token: token, session_duration_minutes: 60, pkce_code_verifier: TEST_PKCE.verifier },
  });

/** Expects the 400 `pkce_required` envelope and nothing written apart from the failure counter. */
async function expectPkceRequired(attempt: () => Promise<TestResponse>): Promise<void> {
  const { rate_limits: _before, ...before } = await snapshot(t.server.db);
  const res = await attempt();
  expect(res.status).toBe(400);
  expect(res.body).toEqual({
    status_code: 400,
    request_id: expect.stringMatching(/^request-id-test-/),
    error_type: 'pkce_required',
    error_message: expect.stringContaining('/v1/b2b/sso/authenticate'),
    error_url: expect.any(String),
  });
  const { rate_limits: _after, ...after } = await snapshot(t.server.db);
  expect(after).toEqual(before);
}

describe('SAML', () => {
  test('the attack fails at the SDK route; the token stays usable and the backend redeems it', async () => {
    t = await createTestServer();
    const setup = await setupSamlConnection(t);
    const planted = await ssoTokenOf(await samlSignIn(t, setup, 'mallory@acme.test'));
    await expectPkceRequired(() => victimRedeems(planted));
    // Neither without a verifier nor with any other one.
    await expectPkceRequired(() => t.sdk('/b2b/sso/authenticate', { body: { sso_token: planted } }));
    await expectPkceRequired(() =>
      t.sdk('/b2b/sso/authenticate', { body: { sso_token: planted, pkce_code_verifier: 'x'.repeat(43) } }),
    );
    const backend = await t.api('/sso/authenticate', { body: { sso_token: planted, session_duration_minutes: 60 } });
    expect(backend.status, JSON.stringify(backend.body)).toBe(200);
    expect(backend.body.member.email_address).toBe('mallory@acme.test');
    // Spent by the backend: now unknown to both routes.
    expect((await victimRedeems(planted)).body.error_type).toBe('sso_token_not_found');
  });

  test('the normal SDK flow (challenge at the start, verifier at authenticate) signs in; a wrong verifier does not', async () => {
    t = await createTestServer();
    const setup = await setupSamlConnection(t);
    const token = await ssoTokenOf(await samlSignIn(t, setup, 'ada@acme.test', {}, SDK_SSO_START));
    const wrong = await t.sdk('/b2b/sso/authenticate', {
      body: { sso_token: token, pkce_code_verifier: 'x'.repeat(43) },
    });
    expect([wrong.status, wrong.body.error_type]).toEqual([400, 'pkce_mismatch']);
    const ok = await sdkSsoAuthenticate(t, token);
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.data.member.email_address).toBe('ada@acme.test');
    expect(ok.body.data.session_token).toEqual(expect.any(String));
  });

  test('IdP-initiated: refused by the SDK route, redeemed by the backend route', async () => {
    t = await createTestServer();
    const setup = await setupSamlConnection(t);
    await t.api(`/sso/saml/${setup.organizationId}/connections/${setup.connectionId}`, {
      method: 'PUT',
      body: { idp_initiated_auth_disabled: false },
    });
    const unsolicited = () =>
      postAcs(t, setup.connectionId, buildSignedResponse(validResponseOptions(t, setup, null, 'idp@acme.test')).base64);
    const token = await ssoTokenOf(await unsolicited());
    await expectPkceRequired(() => victimRedeems(token));
    const backend = await t.api('/sso/authenticate', { body: { sso_token: token, session_duration_minutes: 60 } });
    expect(backend.status, JSON.stringify(backend.body)).toBe(200);
    expect(backend.body.member.email_address).toBe('idp@acme.test');
  });
});

describe('OIDC', () => {
  test('a token from a start without a challenge is refused by the SDK route and redeemed by the backend', async () => {
    f = await createOidcFixture();
    t = f.t;
    const signedIn = await f.signIn();
    expect(signedIn.status, signedIn.text).toBe(303);
    const planted = new URL(signedIn.location ?? '').searchParams.get('token') ?? '';
    await expectPkceRequired(() => victimRedeems(planted));
    const backend = await t.api('/sso/authenticate', { body: { sso_token: planted, session_duration_minutes: 60 } });
    expect(backend.status, JSON.stringify(backend.body)).toBe(200);
    expect(backend.body.member.email_address).toBe(f.op.user.email);
  });

  test('with a challenge at the start, the SDK route signs in', async () => {
    f = await createOidcFixture();
    t = f.t;
    const signedIn = await f.callback(await f.authorize(await f.start(SDK_SSO_START)));
    const res = await sdkSsoAuthenticate(t, new URL(signedIn.location ?? '').searchParams.get('token') ?? '');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.data.member.email_address).toBe(f.op.user.email);
  });
});

test('bootstrap tells the SDK that SSO needs PKCE', async () => {
  t = await createTestServer();
  const res = await t.sdk(`/projects/bootstrap/${t.server.project.public_token}`);
  expect(res.status).toBe(200);
  expect(res.body.data.pkce_required_for_sso).toBe(true);
});

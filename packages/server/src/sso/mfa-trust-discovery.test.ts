import { inflateRawSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { TEST_PKCE } from '../testing/journey.js';
import { createTestServer, type TestServer } from '../testing/test-server.js';
import { setConnectionTrust } from './mfa-trust.js';
import { buildSignedResponse } from './saml/testing/saml-fixtures.js';
import { postAcs, type SamlSetup, setupSamlConnection, validResponseOptions } from './saml/testing/saml-flow.js';

// AUTH-15 on the discovery path: an SSO sign-in started from discovery and exchanged into the
// connection's organization skips the second factor only when that connection is trusted
// (discovery/sso-proof.ts `ssoProofSatisfiesMfa`).

const EMAIL = 'ada@sso-co.test';
let t: TestServer;
let setup: SamlSetup;
beforeEach(async () => {
  t = await createTestServer();
  setup = await setupSamlConnection(t, { slug: 'sso-co' });
  // SAML proves an email beyond its organization only for a domain the organization vouches for.
  await t.api(`/organizations/${setup.organizationId}`, {
    method: 'PUT',
    body: { email_allowed_domains: ['sso-co.test'], mfa_policy: 'REQUIRED_FOR_ALL' },
  });
});
afterEach(() => t.close());

/** Discovery SAML sign-in → `discovery_sso` token → IST → exchange into the connection's organization. */
async function discoverAndExchange() {
  const q = new URLSearchParams({
    public_token: t.server.project.public_token,
    connection_id: setup.connectionId,
    pkce_code_challenge: TEST_PKCE.challenge,
  });
  const start = await t.http(`/v1/public/sso/discovery/start?${q}`);
  const location = new URL(start.headers.get('location') ?? '');
  const xml = inflateRawSync(Buffer.from(location.searchParams.get('SAMLRequest') ?? '', 'base64')).toString('utf8');
  const requestId = /\bID="([^"]+)"/.exec(xml)?.[1] ?? '';
  const { base64 } = buildSignedResponse(validResponseOptions(t, setup, requestId, EMAIL));
  const acs = await postAcs(t, setup.connectionId, base64, location.searchParams.get('RelayState') ?? '');
  const redirect = new URL(acs.headers.get('location') ?? '');
  expect(redirect.searchParams.get('stytch_token_type')).toBe('discovery_sso');
  const discovered = await t.sdk('/b2b/sso/discovery/authenticate', {
    body: { discovery_sso_token: redirect.searchParams.get('token'), pkce_code_verifier: TEST_PKCE.verifier },
  });
  expect(discovered.status, JSON.stringify(discovered.body)).toBe(200);
  const exchanged = await t.sdk('/b2b/discovery/intermediate_sessions/exchange', {
    body: {
      intermediate_session_token: discovered.body.data.intermediate_session_token,
      organization_id: setup.organizationId,
      session_duration_minutes: 60,
    },
  });
  expect(exchanged.status, JSON.stringify(exchanged.body)).toBe(200);
  return exchanged.body.data;
}

describe('discovery SSO into a REQUIRED_FOR_ALL organization (AUTH-15)', () => {
  test('untrusted asks for the second factor, trusted gives a session, untrusting restores the gate', async () => {
    const trust = (on: boolean) => setConnectionTrust(t.server.db, t.server.project.project_id, setup.connectionId, on);
    expect(await discoverAndExchange()).toMatchObject({ member_authenticated: false, member_session: null });
    await trust(true);
    const session = await discoverAndExchange();
    expect(session).toMatchObject({ member_authenticated: true, mfa_required: null });
    expect(session.member_session.authentication_factors[0].saml_sso_factor.id).toBe(setup.connectionId);
    await trust(false);
    expect(await discoverAndExchange()).toMatchObject({ member_authenticated: false, member_session: null });
  });

  test("another organization's trusted connection does not satisfy this one", async () => {
    const other = await setupSamlConnection(t, { slug: 'other-co' });
    await setConnectionTrust(t.server.db, t.server.project.project_id, other.connectionId, true);
    expect(await discoverAndExchange()).toMatchObject({ member_authenticated: false, member_session: null });
  });
});

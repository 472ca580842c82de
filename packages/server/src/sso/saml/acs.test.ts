import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { buildResponseXml, buildSignedResponse, OTHER_CERT, OTHER_KEY, toBase64 } from './testing/saml-fixtures.js';
import {
  postAcs,
  samlSignIn,
  SDK_SSO_START,
  sdkSsoAuthenticate,
  setupSamlConnection,
  ssoTokenOf,
  startSamlSso,
  validResponseOptions,
  type SamlSetup,
} from './testing/saml-flow.js';
import { createTestServer, type TestServer } from '../../testing/test-server.js';

let t: TestServer;
let setup: SamlSetup;
beforeEach(async () => {
  t = await createTestServer();
  setup = await setupSamlConnection(t);
});
afterEach(async () => {
  await t.close();
});

async function expectRefused(res: Response, errorType: string, status = 400, reason?: RegExp): Promise<string> {
  const html = await res.text();
  if (reason !== undefined) expect(html).toMatch(reason);
  expect({ status: res.status, type: res.headers.get('x-orgauth-error-type') }).toEqual({ status, type: errorType });
  expect(res.headers.get('content-type')).toMatch(/^text\/html/);
  expect(res.headers.get('location')).toBeNull();
  return html;
}

const setConnection = (body: Record<string, unknown>) =>
  t.api(`/sso/saml/${setup.organizationId}/connections/${setup.connectionId}`, { method: 'PUT', body });

describe('ACS refuses what it must (each rule its own case)', () => {
  test('signature required: unsigned response and assertion', async () => {
    await expectRefused(
      await samlSignIn(t, setup, 'a@acme.test', { signatureLocation: 'none' }),
      'saml_response_invalid',
      400,
      /signature/i,
    );
  });

  test('pinned certificate only: another key, even with its certificate embedded in KeyInfo', async () => {
    await expectRefused(
      await samlSignIn(t, setup, 'a@acme.test', { privateKey: OTHER_KEY }),
      'saml_response_invalid',
      400,
      /signature/i,
    );
    await expectRefused(
      await samlSignIn(t, setup, 'a@acme.test', {
        privateKey: OTHER_KEY,
        embeddedCertificate: OTHER_CERT,
        signatureLocation: 'both',
      }),
      'saml_response_invalid',
      400,
      /signature/i,
    );
  });

  test('audience, recipient, destination and issuer must be ours / the connection’s', async () => {
    await expectRefused(
      await samlSignIn(t, setup, 'a@acme.test', { audience: 'https://other-sp.test' }),
      'saml_response_invalid',
      400,
      /audience/i,
    );
    await expectRefused(
      await samlSignIn(t, setup, 'a@acme.test', { recipient: 'https://other-sp.test/acs', destination: setup.acs }),
      'saml_response_invalid',
      400,
      /Recipient/,
    );
    await expectRefused(
      await samlSignIn(t, setup, 'a@acme.test', { destination: 'https://other-sp.test/acs' }),
      'saml_response_invalid',
      400,
      /Destination/,
    );
    await expectRefused(
      await samlSignIn(t, setup, 'a@acme.test', { issuer: 'https://evil-idp.test' }),
      'saml_response_invalid',
      400,
      /issuer/i,
    );
  });

  test('time window: expired NotOnOrAfter and future NotBefore are refused; skew within 30 s is tolerated', async () => {
    const now = t.clock.now();
    await expectRefused(
      await samlSignIn(t, setup, 'a@acme.test', { notOnOrAfter: now - 31_000 }),
      'saml_response_invalid',
      400,
      /NotOnOrAfter/,
    );
    await expectRefused(
      await samlSignIn(t, setup, 'a@acme.test', { notBefore: now + 5 * 60_000 }),
      'saml_response_invalid',
      400,
      /NotBefore/,
    );
    expect((await samlSignIn(t, setup, 'a@acme.test', { notBefore: now + 20_000 })).status).toBe(303);
  });

  test('InResponseTo must be the AuthnRequest of THIS RelayState; a stale request is refused', async () => {
    const first = await startSamlSso(t, setup.connectionId);
    const second = await startSamlSso(t, setup.connectionId);
    const { base64 } = buildSignedResponse(validResponseOptions(t, setup, first.requestId, 'a@acme.test'));
    await expectRefused(
      await postAcs(t, setup.connectionId, base64, second.relayState),
      'saml_response_invalid',
      400,
      /InResponseTo/,
    );
    const made = await startSamlSso(t, setup.connectionId);
    t.clock.advance(11 * 60_000);
    const late = buildSignedResponse(validResponseOptions(t, setup, made.requestId, 'a@acme.test'));
    await expectRefused(await postAcs(t, setup.connectionId, late.base64, made.relayState), 'sso_request_not_found');
  });

  test('a RelayState of another connection does not work here', async () => {
    const other = await setupSamlConnection(t, { slug: 'globex' });
    const { requestId, relayState } = await startSamlSso(t, other.connectionId);
    const { base64 } = buildSignedResponse(validResponseOptions(t, setup, requestId, 'a@acme.test'));
    await expectRefused(await postAcs(t, setup.connectionId, base64, relayState), 'sso_request_not_found');
  });

  test('unsolicited responses are refused by default; allowed (and replay-protected) when the connection opts in', async () => {
    const unsolicited = () => buildSignedResponse(validResponseOptions(t, setup, null, 'idp@acme.test'));
    await expectRefused(await postAcs(t, setup.connectionId, unsolicited().base64), 'idp_initiated_auth_disabled', 403);
    expect(
      (await setConnection({ idp_initiated_auth_disabled: false })).body.connection.idp_initiated_auth_disabled,
    ).toBe(false);
    const once = unsolicited();
    const ok = await postAcs(t, setup.connectionId, once.base64);
    expect(ok.status).toBe(303);
    expect(new URL(ok.headers.get('location')!).origin).toBe('http://localhost:3000');
    await expectRefused(await postAcs(t, setup.connectionId, once.base64), 'saml_response_invalid', 400, /replay/);
  });

  test('SHA-1 is refused unless the connection opts in', async () => {
    await expectRefused(
      await samlSignIn(t, setup, 'a@acme.test', { algorithm: 'sha1' }),
      'saml_response_invalid',
      400,
      /SHA-1/,
    );
    await expectRefused(
      await samlSignIn(t, setup, 'a@acme.test', { digestAlgorithm: 'sha1' }),
      'saml_response_invalid',
      400,
      /SHA-1/,
    );
    await setConnection({ saml_allow_sha1: true });
    expect((await samlSignIn(t, setup, 'a@acme.test', { algorithm: 'sha1' })).status).toBe(303);
  });

  test('an expired pinned certificate verifies nothing', async () => {
    t.clock.advance(101 * 365 * 86_400_000);
    await expectRefused(
      await samlSignIn(t, setup, 'a@acme.test'),
      'saml_response_invalid',
      400,
      /no unexpired IdP signing certificate/,
    );
  });

  test('DTDs (XXE, entity expansion) are refused before parsing', async () => {
    const { requestId, relayState } = await startSamlSso(t, setup.connectionId);
    const { xml } = buildSignedResponse(validResponseOptions(t, setup, requestId, 'a@acme.test'));
    const evil = `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>${xml}`;
    await expectRefused(
      await postAcs(t, setup.connectionId, toBase64(evil), relayState),
      'saml_response_invalid',
      400,
      /DTD/,
    );
  });

  test('malformed XML and non-RSA signature algorithms are refused', async () => {
    const { requestId, relayState } = await startSamlSso(t, setup.connectionId);
    const { xml } = buildSignedResponse(validResponseOptions(t, setup, requestId, 'a@acme.test'));
    await expectRefused(
      await postAcs(t, setup.connectionId, toBase64(`${xml}<extra/>`), relayState),
      'saml_response_invalid',
      400,
      /well-formed/,
    );
    const hmac = xml.replace(
      'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
      'http://www.w3.org/2000/09/xmldsig#hmac-sha1',
    );
    await setConnection({ saml_allow_sha1: true });
    await expectRefused(
      await postAcs(t, setup.connectionId, toBase64(hmac), relayState),
      'saml_response_invalid',
      400,
      /algorithm that is not allowed/,
    );
  });

  test('an IdP error status becomes idp_error with a way back', async () => {
    const { requestId, relayState } = await startSamlSso(t, setup.connectionId);
    const { xml } = buildResponseXml({
      ...validResponseOptions(t, setup, requestId, 'a@acme.test'),
      statusCode: 'urn:oasis:names:tc:SAML:2.0:status:Responder',
    });
    const html = await expectRefused(await postAcs(t, setup.connectionId, toBase64(xml), relayState), 'idp_error', 401);
    expect(html).toContain('http://localhost:3000/?stytch_error=idp_error');
  });

  test('the refusal is in the event log with its error type and project', async () => {
    await samlSignIn(t, setup, 'a@acme.test', { audience: 'https://other-sp.test' });
    await t.server.flushEvents();
    const events = await t.server.db
      .selectFrom('events')
      .selectAll()
      .where('action', '=', 'SSOSAMLACS')
      .where('status', '=', 'error')
      .execute();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      error_type: 'saml_response_invalid',
      http_status: 400,
      project_id: t.server.project.project_id,
      route: '/v1/public/sso/saml/:connection_id/acs',
    });
  });
});

describe('ACS accepts well-formed variants and reads identity from the verified profile', () => {
  test('signature on the response only, or on both', async () => {
    expect((await samlSignIn(t, setup, 'r@acme.test', { signatureLocation: 'response' })).status).toBe(303);
    expect((await samlSignIn(t, setup, 'r@acme.test', { signatureLocation: 'both' })).status).toBe(303);
  });

  test('attribute mapping names the email and name attributes; NameID without an email needs one', async () => {
    await setConnection({ attribute_mapping: { email: 'workEmail', first_name: 'fn', last_name: 'ln' } });
    const persistent = {
      nameIdFormat: 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent',
      attributes: { workEmail: 'Grace@Acme.test', fn: 'Grace', ln: 'Hopper' },
    };
    const token = await ssoTokenOf(await samlSignIn(t, setup, '00u1abc', persistent, SDK_SSO_START));
    const session = await sdkSsoAuthenticate(t, token);
    expect(session.body.data.member).toMatchObject({ email_address: 'grace@acme.test', name: 'Grace Hopper' });
    await expectRefused(
      await samlSignIn(t, setup, '00u2xyz', { nameIdFormat: 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent' }),
      'sso_email_missing',
    );
  });

  test('a deleted member is never signed in again through their old link or their email', async () => {
    const token = await ssoTokenOf(await samlSignIn(t, setup, 'gone@acme.test', {}, SDK_SSO_START));
    const memberId = (await sdkSsoAuthenticate(t, token)).body.data.member_id;
    expect(
      (await t.api(`/organizations/${setup.organizationId}/members/${memberId}`, { method: 'DELETE' })).status,
    ).toBe(200);
    await expectRefused(
      await samlSignIn(t, setup, 'gone@acme.test'),
      'member_not_found',
      404,
      /removed from this organization/,
    );
  });

  test('a new subject cannot take over a member already linked to another subject of this connection', async () => {
    await ssoTokenOf(await samlSignIn(t, setup, 'sub-1', { attributes: { email: 'h@acme.test' } }));
    await expectRefused(
      await samlSignIn(t, setup, 'sub-2', { attributes: { email: 'h@acme.test' } }),
      'sso_identity_conflict',
      409,
    );
  });
});

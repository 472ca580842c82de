import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { verifyIdToken } from './oidc/id-token.js';
import { TEST_IDP_CERT } from './saml/testing/saml-fixtures.js';
import { snapshot } from '../testing/db-snapshot.js';
import { CookieJar } from './oidc/testing/oidc-flow.js';
import { startTestOp, type TestOp } from './oidc/testing/oidc-test-op.js';
import { createTestServer, type TestServer } from '../testing/test-server.js';

// docs/security.md O20: an org admin's IdP URL must not make this server reach loopback or private
// networks. Every IdP here listens on 127.0.0.1; with `allowPrivateIdpNetworks: false` (the real
// server's default) none of them may receive a single request.

const certBody = TEST_IDP_CERT.replace(/-----[A-Z ]+-----|\s/g, '');
const METADATA = `<?xml version="1.0"?>
<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" entityID="https://idp.egress.test/entity">
  <md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
    <md:KeyDescriptor use="signing"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>${certBody}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>
    <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="https://idp.egress.test/redirect"/>
  </md:IDPSSODescriptor>
</md:EntityDescriptor>`;

let metadataServer: Server;
let metadataUrl: string;
let metadataHits = 0;
beforeAll(async () => {
  metadataServer = createServer((_req, res) => {
    metadataHits += 1;
    res.writeHead(200, { 'content-type': 'application/xml' }).end(METADATA);
  });
  await new Promise<void>((resolve) => metadataServer.listen(0, '127.0.0.1', resolve));
  metadataUrl = `http://127.0.0.1:${(metadataServer.address() as AddressInfo).port}/metadata`;
});
afterAll(() => new Promise<void>((resolve) => metadataServer.close(() => resolve())));

let t: TestServer;
let op: TestOp;
let orgId: string;
let oidcId: string;
let samlId: string;
async function setUp(allowPrivateIdpNetworks: boolean): Promise<void> {
  t = await createTestServer({ allowPrivateIdpNetworks });
  op = await startTestOp(t.clock.now);
  metadataHits = 0;
  orgId = (await t.api('/organizations', { body: { organization_name: 'Egress Co', organization_slug: 'egress-co' } }))
    .body.organization.organization_id;
  oidcId = (await t.api(`/sso/oidc/${orgId}`, { body: { display_name: 'OP' } })).body.connection.connection_id;
  samlId = (await t.api(`/sso/saml/${orgId}`, { body: { display_name: 'IdP' } })).body.connection.connection_id;
}
afterEach(async () => {
  await op.close();
  await t.close();
});

const putOidc = (body: unknown) => t.api(`/sso/oidc/${orgId}/connections/${oidcId}`, { method: 'PUT', body });
const putMetadataUrl = (url: string) =>
  t.api(`/sso/saml/${orgId}/connections/${samlId}/url`, { method: 'PUT', body: { metadata_url: url } });

describe('O20: OIDC issuer discovery', () => {
  test('an issuer on 127.0.0.1 is refused (oidc_discovery_failed), the IdP sees no request and nothing is written', async () => {
    await setUp(false);
    const before = await snapshot(t.server.db);
    const res = await putOidc({ issuer: op.issuer, client_id: op.clientId, client_secret: op.clientSecret });
    expect(res.status).toBe(400);
    expect(res.body.error_type).toBe('oidc_discovery_failed');
    expect(res.body.error_message).toMatch(/resolves to a private or loopback address/);
    expect(op.requests).toEqual([]);
    expect(await snapshot(t.server.db)).toEqual(before);
  });

  test('the same issuer is discovered when allowPrivateIdpNetworks is on', async () => {
    await setUp(true);
    const res = await putOidc({ issuer: op.issuer, client_id: op.clientId, client_secret: op.clientSecret });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.connection).toMatchObject({ status: 'active', issuer: op.issuer, jwks_url: `${op.issuer}/jwks` });
    expect(op.requests).toEqual(['/op/.well-known/openid-configuration']);
  });

  test('server-fetched endpoints typed on private addresses are refused at configuration time (bad_request), nothing written', async () => {
    await setUp(false);
    const before = await snapshot(t.server.db);
    for (const [field, url] of [
      ['token_url', 'https://10.0.0.1/token'],
      ['userinfo_url', 'https://[::ffff:a9fe:a9fe]/userinfo'],
      ['jwks_url', 'https://169.254.169.254/jwks'],
    ]) {
      const res = await putOidc({
        issuer: 'https://op.egress.test',
        authorization_url: 'https://op.egress.test/a',
        token_url: 'https://op.egress.test/t',
        jwks_url: 'https://op.egress.test/k',
        [field!]: url,
      });
      expect(res.status, field).toBe(400);
      expect(res.body.error_type).toBe('bad_request');
      expect(res.body.error_message).toMatch(new RegExp(`^${field} refused: .*private or loopback`));
    }
    expect(await snapshot(t.server.db)).toEqual(before);
  });
});

describe('O20: OIDC sign-in fetches', () => {
  test('a connection whose stored endpoints now point at loopback: the code exchange is refused before the token endpoint is reached', async () => {
    await setUp(false);
    // Stored as if configured while the names were public (or before this rule): the check at sign-in is what holds.
    const put = await putOidc({
      issuer: 'https://op.egress.test/op',
      authorization_url: 'https://op.egress.test/a',
      token_url: 'https://op.egress.test/t',
      jwks_url: 'https://op.egress.test/k',
      client_id: op.clientId,
      client_secret: op.clientSecret,
    });
    expect(put.body.connection?.status, JSON.stringify(put.body)).toBe('active');
    await t.server.db
      .updateTable('sso_connections')
      .set({
        oidc_issuer: op.issuer,
        oidc_authorization_url: `${op.issuer}/authorize`,
        oidc_token_url: `${op.issuer}/token`,
        oidc_jwks_url: `${op.issuer}/jwks`,
        oidc_userinfo_url: `${op.issuer}/userinfo`,
      })
      .where('id', '=', oidcId)
      .execute();
    const jar = new CookieJar();
    const start = await t.http(
      `/v1/public/sso/start?${new URLSearchParams({ connection_id: oidcId, public_token: t.server.project.public_token })}`,
    );
    jar.take(start);
    expect(start.status).toBe(302);
    // The browser (this test) goes to the IdP; our server must not.
    const back = new URL(
      (await fetch(start.headers.get('location')!, { redirect: 'manual' })).headers.get('location')!,
    );
    const res = await t.http(`${back.pathname}${back.search}`, { headers: { cookie: jar.header() } });
    expect(res.status).toBe(400);
    expect(res.headers.get('x-orgauth-error-type')).toBe('oidc_response_invalid');
    expect(await res.text()).toMatch(/private or loopback/);
    expect(op.requests).toEqual(['/op/authorize']);
  });

  test('the ID token key set (JWKS) is fetched through the guard too', async () => {
    await setUp(false);
    const expectations = {
      issuer: op.issuer,
      clientId: op.clientId,
      jwksUrl: `${op.issuer}/jwks`,
      nonce: 'n',
      now: t.clock.now(),
      egress: { allowPrivate: false },
    };
    await expect(verifyIdToken('a.b.c', expectations)).rejects.toMatchObject({
      errorType: 'oidc_response_invalid',
      message: expect.stringMatching(/private or loopback/),
    });
    expect(op.requests).toEqual([]);
    await expect(verifyIdToken('a.b.c', { ...expectations, egress: { allowPrivate: true } })).rejects.toMatchObject({
      errorType: 'oidc_response_invalid',
    });
    expect(op.requests).toEqual(['/op/jwks']);
  });
});

describe('O20: SAML metadata URL', () => {
  test('a metadata URL on 127.0.0.1 is refused (invalid_metadata), never fetched, nothing written', async () => {
    await setUp(false);
    const before = await snapshot(t.server.db);
    // All loopback forms (http is allowed only for localhost names, so the mapped ones go over https).
    const https = metadataUrl.replace('http:', 'https:');
    for (const url of [
      metadataUrl,
      metadataUrl.replace('127.0.0.1', 'localhost'),
      https.replace('127.0.0.1', '[::ffff:127.0.0.1]'),
      https.replace('127.0.0.1', '0.0.0.0'),
    ]) {
      const res = await putMetadataUrl(url);
      expect(res.status, url).toBe(400);
      expect(res.body.error_type).toBe('invalid_metadata');
      expect(res.body.error_message).toMatch(/resolves to a private or loopback address/);
    }
    expect(metadataHits).toBe(0);
    expect(await snapshot(t.server.db)).toEqual(before);
  });

  test('the same URL is fetched when allowPrivateIdpNetworks is on', async () => {
    await setUp(true);
    const res = await putMetadataUrl(metadataUrl);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.connection).toMatchObject({ status: 'active', idp_entity_id: 'https://idp.egress.test/entity' });
    expect(metadataHits).toBe(1);
  });
});

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { TEST_IDP_CERT } from './testing/saml-fixtures.js';
import { createTestServer, type TestServer } from '../../testing/test-server.js';

const certBody = TEST_IDP_CERT.replace(/-----[A-Z ]+-----|\s/g, '');
const metadata = (extra = '') => `<?xml version="1.0"?>${extra}
<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" entityID="https://idp.meta.test/entity">
  <md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
    <md:KeyDescriptor use="encryption"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>bm90IGEgY2VydA==</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>
    <md:KeyDescriptor use="signing"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>${certBody}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>
    <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="https://idp.meta.test/post"/>
    <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="https://idp.meta.test/redirect"/>
  </md:IDPSSODescriptor>
</md:EntityDescriptor>`;

let http: Server;
let base: string;
beforeAll(async () => {
  http = createServer((req, res) => {
    if (req.url === '/good') return void res.writeHead(200, { 'content-type': 'application/xml' }).end(metadata());
    if (req.url === '/dtd') return void res.writeHead(200).end(metadata('<!DOCTYPE x [<!ENTITY a "aaaaaaaa">]>'));
    if (req.url === '/big') return void res.writeHead(200).end(`<x>${'a'.repeat(2 * 1024 * 1024)}</x>`);
    if (req.url === '/redirect') return void res.writeHead(302, { location: '/good' }).end();
    res.writeHead(404).end();
  });
  await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => http.close(() => r())));

let t: TestServer;
let path: string;
beforeEach(async () => {
  t = await createTestServer();
  const org = (await t.api('/organizations', { body: { organization_name: 'Acme', organization_slug: 'acme' } })).body
    .organization.organization_id;
  const id = (await t.api(`/sso/saml/${org}`, { body: { display_name: 'Meta' } })).body.connection.connection_id;
  path = `/sso/saml/${org}/connections/${id}/url`;
});
afterEach(async () => {
  await t.close();
});

describe('PUT …/connections/{id}/url', () => {
  test('fetches and parses the IdP metadata: entity id, redirect SSO URL, signing cert; the connection becomes active', async () => {
    const res = await t.api(path, { method: 'PUT', body: { metadata_url: `${base}/good` } });
    expect(res.status).toBe(200);
    expect(res.body.connection).toMatchObject({
      status: 'active',
      idp_entity_id: 'https://idp.meta.test/entity',
      idp_sso_url: 'https://idp.meta.test/redirect',
      idp_metadata_url: `${base}/good`,
      verification_certificates: [{ issuer: 'CN=OrgAuth test idp' }],
      acs_url: expect.stringMatching(/^http:\/\/localhost:3000\/v1\/public\/sso\/saml\/.+\/acs$/),
      sp_entity_id: expect.stringMatching(/\/metadata$/),
    });
    // Fetching again does not pile up the same certificate.
    const again = await t.api(path, { method: 'PUT', body: { metadata_url: `${base}/good` } });
    expect(again.body.connection.verification_certificates).toHaveLength(1);
  });

  test('refuses DTDs, oversized documents, redirects, non-https remote URLs and unreachable hosts', async () => {
    for (const [url, reason] of [
      [`${base}/dtd`, /DTD/],
      [`${base}/big`, /too large/],
      [`${base}/redirect`, /HTTP 302/],
      ['http://idp.remote.test/metadata', /https/],
      ['https://user:pw@idp.remote.test/metadata', /credentials/],
      [`${base}/missing`, /HTTP 404/],
    ] as const) {
      const res = await t.api(path, { method: 'PUT', body: { metadata_url: url } });
      expect({ url, status: res.status, type: res.body.error_type }).toEqual({
        url,
        status: 400,
        type: 'invalid_metadata',
      });
      expect(res.body.error_message).toMatch(reason);
    }
  });
});

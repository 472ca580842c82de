import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { snapshot } from '../testing/db-snapshot.js';
import { createTestServer, type TestServer } from '../testing/test-server.js';

// A self-signed P-256 certificate (CN=idp.acme.test, valid until 2126): public material only.
const CERT = `-----BEGIN CERTIFICATE-----
MIIBhjCCAS2gAwIBAgIUbbZ8jTLMMqMT/6156Ks87u1K4/QwCgYIKoZIzj0EAwIw
GDEWMBQGA1UEAwwNaWRwLmFjbWUudGVzdDAgFw0yNjExMjUxMDE2NTVaGA8yMTI2
MTEwMTEwMTY1NVowGDEWMBQGA1UEAwwNaWRwLmFjbWUudGVzdDBZMBMGByqGSM49
AgEGCCqGSM49AwEHA0IABEV0IBuvvlW1I8kcbHIM/mTVzsTVqRvEztqq6g8uNTLM
nKf3qYj4xV9fc4KJTL3n15conutvYvn+RHsuFYq1y5ajUzBRMB0GA1UdDgQWBBSq
upxJ6beYgdEzHGo80wE7LkIpIDAfBgNVHSMEGDAWgBSqupxJ6beYgdEzHGo80wE7
LkIpIDAPBgNVHRMBAf8EBTADAQH/MAoGCCqGSM49BAMCA0cAMEQCIC5TQrWRE803
0lmbQmqgdI6Vce5Lx/ShXnYoitcIzS14AiAnq/dxzZY1S1lYp163fqZKyUvBcoTw
herNxpI3fu24SQ==
-----END CERTIFICATE-----`;

let t: TestServer;
let orgId: string;
beforeEach(async () => {
  t = await createTestServer();
  orgId = (await t.api('/organizations', { body: { organization_name: 'Acme', organization_slug: 'acme' } })).body
    .organization.organization_id;
});
afterEach(async () => {
  await t.close();
});

describe('SSO connection records', () => {
  test('seed POST /sso/saml and SDK-path creates; both list shapes', async () => {
    const seed = await t.api('/sso/saml', {
      body: { organization_id: orgId, display_name: 'Okta', idp_metadata_url: 'https://idp.acme.test/metadata' },
    });
    expect(seed.status).toBe(200);
    expect(seed.body).toMatchObject({
      request_id: expect.any(String),
      status_code: 200,
      connection: {
        connection_id: expect.stringMatching(/^saml-connection-test-[0-9a-f-]{36}$/),
        organization_id: orgId,
        display_name: 'Okta',
        status: 'pending',
        identity_provider: 'generic',
        idp_metadata_url: 'https://idp.acme.test/metadata',
      },
    });
    t.clock.advance(1);
    const saml = await t.api('/sso/saml/acme', {
      body: { display_name: 'Entra', identity_provider: 'microsoft-entra' },
    });
    t.clock.advance(1);
    const oidc = await t.api(`/sso/oidc/${orgId}`, {
      body: { display_name: 'Google', identity_provider: 'google-workspace' },
    });
    expect(oidc.body.connection).toMatchObject({
      connection_id: expect.stringMatching(/^oidc-connection-test-/),
      status: 'pending',
      identity_provider: 'google-workspace',
    });
    const seedList = await t.api(`/sso/connections?organization_id=${orgId}`);
    expect(seedList.body.saml_connections.map((c: { connection_id: string }) => c.connection_id)).toEqual([
      seed.body.connection.connection_id,
      saml.body.connection.connection_id,
    ]);
    expect(seedList.body.oidc_connections).toEqual([oidc.body.connection]);
    const sdkList = await t.api('/sso/acme');
    expect(sdkList.body).toEqual({ ...seedList.body, request_id: sdkList.body.request_id, external_connections: [] });
    // Pending connections are not active ones.
    expect((await t.api(`/organizations/${orgId}`)).body.organization.sso_active_connections).toEqual([]);
  });

  test('a complete SAML record becomes active and shows in sso_active_connections; delete clears every reference', async () => {
    const id = (await t.api(`/sso/saml/${orgId}`, { body: { display_name: 'Okta', identity_provider: 'okta' } })).body
      .connection.connection_id;
    const updated = await t.api(`/sso/saml/${orgId}/connections/${id}`, {
      method: 'PUT',
      body: {
        idp_entity_id: 'https://idp.acme.test',
        idp_sso_url: 'https://idp.acme.test/sso',
        x509_certificate: CERT,
        attribute_mapping: { email: 'mail', full_name: 'name' },
      },
    });
    expect(updated.status).toBe(200);
    expect(updated.body.connection).toMatchObject({
      status: 'active',
      attribute_mapping: { email: 'mail', full_name: 'name' },
      verification_certificates: [{ issuer: 'CN=idp.acme.test', expires_at: expect.stringMatching(/^2126-/) }],
    });
    const set = await t.api(`/organizations/${orgId}`, {
      method: 'PUT',
      body: { sso_default_connection_id: id, sso_jit_provisioning_allowed_connections: [id] },
    });
    expect(set.body.organization).toMatchObject({
      sso_default_connection_id: id,
      sso_jit_provisioning_allowed_connections: [id],
      sso_active_connections: [{ connection_id: id, display_name: 'Okta', identity_provider: 'okta' }],
    });
    const del = await t.api(`/sso/${orgId}/connections/${id}`, { method: 'DELETE' });
    expect(del.body).toEqual({ request_id: expect.any(String), status_code: 200, connection_id: id });
    expect((await t.api(`/organizations/${orgId}`)).body.organization).toMatchObject({
      sso_default_connection_id: null,
      sso_jit_provisioning_allowed_connections: [],
      sso_active_connections: [],
    });
    expect((await t.api(`/sso/${orgId}/connections/${id}`, { method: 'DELETE' })).body.error_type).toBe(
      'connection_not_found',
    );
  });

  test("another organization's connection is unreachable; bad input is refused without writing", async () => {
    const other = (await t.api('/organizations', { body: { organization_name: 'Beta', organization_slug: 'beta' } }))
      .body.organization.organization_id;
    const theirs = (await t.api(`/sso/saml/${other}`, { body: { display_name: 'Theirs' } })).body.connection
      .connection_id;
    const before = await snapshot(t.server.db);
    const cases: [string, string, unknown, number, string][] = [
      ['DELETE', `/sso/${orgId}/connections/${theirs}`, undefined, 404, 'connection_not_found'],
      ['PUT', `/sso/saml/${orgId}/connections/${theirs}`, { display_name: 'x' }, 404, 'connection_not_found'],
      ['PUT', `/organizations/${orgId}`, { sso_default_connection_id: theirs }, 404, 'connection_not_found'],
      [
        'PUT',
        `/organizations/${orgId}`,
        { sso_jit_provisioning_allowed_connections: [theirs] },
        404,
        'connection_not_found',
      ],
      [
        'PUT',
        `/sso/saml/${other}/connections/${theirs}`,
        { x509_certificate: 'not a cert' },
        400,
        'invalid_x509_certificate',
      ],
      [
        'PUT',
        `/sso/saml/${other}/connections/${theirs}`,
        { x509_certificate: CERT.replace('MIIB', 'MIIC') },
        400,
        'invalid_x509_certificate',
      ],
      ['PUT', `/sso/saml/${other}/connections/${theirs}`, { idp_sso_url: 'javascript:alert(1)' }, 400, 'bad_request'],
      ['PUT', `/sso/saml/${other}/connections/${theirs}`, { attribute_mapping: { email: 1 } }, 400, 'bad_request'],
      ['POST', '/sso/saml', {}, 400, 'bad_request'],
      ['POST', '/sso/saml', { organization_id: 'organization-test-nope' }, 404, 'organization_not_found'],
      ['POST', `/sso/saml/${orgId}`, { identity_provider: 'myspace' }, 400, 'bad_request'],
      ['POST', `/sso/oidc/${orgId}`, { display_name: 7 }, 400, 'bad_request'],
      ['POST', `/sso/saml/${orgId}`, { idp_metadata_url: 'ftp://x' }, 400, 'bad_request'],
      ['GET', '/sso/connections', undefined, 400, 'bad_request'],
      ['GET', '/sso/organization-test-nope', undefined, 404, 'organization_not_found'],
    ];
    for (const [method, path, body, status, errorType] of cases) {
      const res = await t.api(path, { method, ...(body === undefined ? {} : { body }) });
      expect([res.status, res.body.error_type], `${method} ${path} ${JSON.stringify(body)}`).toEqual([
        status,
        errorType,
      ]);
    }
    expect(await snapshot(t.server.db)).toEqual(before);
  });
});

import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { setupSamlConnection } from './saml/testing/saml-flow.js';
import { createTestServer, type TestServer } from '../testing/test-server.js';

let t: TestServer;
beforeEach(async () => {
  t = await createTestServer();
});
afterEach(async () => {
  await t.close();
});

describe('SDK SSO helpers', () => {
  test('sso/discovery/connections lists active connections of orgs allowing the email domain', async () => {
    const setup = await setupSamlConnection(t);
    await t.api(`/organizations/${setup.organizationId}`, {
      method: 'PUT',
      body: { email_allowed_domains: ['acme.test'] },
    });
    await t.api(`/sso/saml/${setup.organizationId}`, { body: { display_name: 'Pending one' } });
    const found = await t.sdk(`/b2b/sso/discovery/connections?email_address=${encodeURIComponent('Ada@ACME.test')}`);
    expect(found.status).toBe(200);
    expect(found.body.data.connections).toEqual([
      { connection_id: setup.connectionId, display_name: 'Test IdP', identity_provider: 'generic' },
    ]);
    expect(
      (await t.sdk('/b2b/sso/discovery/connections?email_address=ada%40other.test')).body.data.connections,
    ).toEqual([]);
    expect((await t.sdk('/b2b/sso/discovery/connections?email_address=nope')).body.error_type).toBe('invalid_email');
  });

  test('organizations/search by slug returns the public login subset, or null', async () => {
    const setup = await setupSamlConnection(t);
    const res = await t.sdk('/b2b/organizations/search', { body: { organization_slug: 'acme' } });
    expect(res.status).toBe(200);
    expect(res.body.data.organization).toEqual({
      organization_id: setup.organizationId,
      organization_slug: 'acme',
      organization_name: 'acme',
      organization_logo_url: '',
      sso_active_connections: [
        { connection_id: setup.connectionId, display_name: 'Test IdP', identity_provider: 'generic' },
      ],
      sso_default_connection_id: null,
      email_jit_provisioning: expect.any(String),
      email_allowed_domains: [],
      oauth_tenant_jit_provisioning: 'NOT_ALLOWED',
      allowed_oauth_tenants: {},
      auth_methods: 'ALL_ALLOWED',
      allowed_auth_methods: [],
      mfa_policy: 'OPTIONAL',
    });
    expect(JSON.stringify(res.body)).not.toContain('trusted_metadata');
    expect(
      (await t.sdk('/b2b/organizations/search', { body: { organization_slug: 'nobody' } })).body.data.organization,
    ).toBeNull();
  });
});

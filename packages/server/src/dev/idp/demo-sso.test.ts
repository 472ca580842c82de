import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../testing/test-server.js';
import { seedDemoSso } from './demo-sso.js';

describe('seedDemoSso', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await createTestServer();
  });
  afterAll(() => t.close());
  const seed = (publicUrl: string) =>
    seedDemoSso({
      db: t.server.db,
      secretBox: t.server.secretBox,
      projectId: t.server.project.project_id,
      publicUrl,
      now: t.clock.now,
    });

  it('creates Demo SSO Co and Locked Co with active connections pointed at the test IdP', async () => {
    const { demo, locked } = await seed('http://localhost:3000');
    const org = await t.api(`/organizations/${demo.organization_id}`);
    expect(org.body.organization.organization_slug).toBe('demo-sso');
    expect(org.body.organization.email_allowed_domains).toEqual(['demo-sso.test']);
    expect(org.body.organization.sso_jit_provisioning).toBe('ALL_ALLOWED');
    expect(
      org.body.organization.sso_active_connections.map((c: { display_name: string }) => c.display_name).sort(),
    ).toEqual(['Demo OIDC IdP', 'Demo SAML IdP']);
    const conns = await t.api(`/sso/${demo.organization_id}`);
    expect(conns.body.saml_connections[0].idp_entity_id).toBe('http://localhost:3000/dev/idp/saml');
    expect(conns.body.saml_connections[0].idp_sso_url).toBe(
      `http://localhost:3000/dev/idp/saml/${demo.saml_connection_id}/sso`,
    );
    expect(conns.body.oidc_connections[0].issuer).toBe('http://localhost:3000/dev/idp/oidc');
    const lockedOrg = await t.api(`/organizations/${locked.organization_id}`);
    expect(lockedOrg.body.organization.sso_jit_provisioning).toBe('NOT_ALLOWED');
    expect(lockedOrg.body.organization.sso_active_connections).toHaveLength(1);
  });

  it('follows a new public URL without duplicating connections or certificates', async () => {
    const before = await seed('http://localhost:3000');
    const oldClient = (await t.api(`/sso/${before.demo.organization_id}`)).body.oidc_connections[0].client_id;
    const after = await seed('http://localhost:4000');
    expect(after).toEqual(before);
    const conns = await t.api(`/sso/${after.demo.organization_id}`);
    expect(conns.body.saml_connections).toHaveLength(1);
    expect(conns.body.saml_connections[0].verification_certificates).toHaveLength(1);
    expect(conns.body.saml_connections[0].idp_sso_url).toBe(
      `http://localhost:4000/dev/idp/saml/${after.demo.saml_connection_id}/sso`,
    );
    expect(conns.body.oidc_connections).toHaveLength(1);
    expect(conns.body.oidc_connections[0].issuer).toBe('http://localhost:4000/dev/idp/oidc');
    // The provider's client is registered for the redirect URI on the new origin: a new client.
    expect(conns.body.oidc_connections[0].client_id).not.toBe(oldClient);
  });
});

import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { startTestOp, type TestOp } from './testing/oidc-test-op.js';
import { createTestServer, type TestServer } from '../../testing/test-server.js';

let t: TestServer;
let op: TestOp;
let orgId: string;
let connId: string;
beforeEach(async () => {
  t = await createTestServer();
  op = await startTestOp(t.clock.now);
  const org = await t.api('/organizations', { body: { organization_name: 'Conf Co', organization_slug: 'conf-co' } });
  orgId = org.body.organization.organization_id;
  connId = (await t.api(`/sso/oidc/${orgId}`, { body: { display_name: 'OP' } })).body.connection.connection_id;
});
afterEach(async () => {
  await op.close();
  await t.close();
});

const put = (body: unknown) => t.api(`/sso/oidc/${orgId}/connections/${connId}`, { method: 'PUT', body });

describe('PUT /v1/b2b/sso/oidc/{organization_id}/connections/{connection_id}', () => {
  test('discovers the endpoints from the issuer, activates, and never returns the secret', async () => {
    const res = await put({
      issuer: op.issuer,
      client_id: op.clientId,
      client_secret: op.clientSecret,
      custom_scopes: 'groups  offline_access',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const c = res.body.connection;
    expect(c).toMatchObject({
      status: 'active',
      issuer: op.issuer,
      client_id: op.clientId,
      authorization_url: `${op.issuer}/authorize`,
      token_url: `${op.issuer}/token`,
      userinfo_url: `${op.issuer}/userinfo`,
      jwks_url: `${op.issuer}/jwks`,
      custom_scopes: 'groups offline_access',
      redirect_url: 'http://localhost:3000/v1/public/sso/oidc/callback',
    });
    expect(res.body.warning).toBe('');
    expect(JSON.stringify(res.body)).not.toContain(op.clientSecret);
    expect(c.client_secret).toBe('••••••••');
    const listed = await t.api(`/sso/${orgId}`);
    expect(JSON.stringify(listed.body)).not.toContain(op.clientSecret);
    expect(listed.body.oidc_connections[0].issuer).toBe(op.issuer);
    const org = await t.api(`/organizations/${orgId}`);
    expect(org.body.organization.sso_active_connections.map((x: { connection_id: string }) => x.connection_id)).toEqual(
      [connId],
    );
  });

  test('stays pending (with a warning) until the secret is set', async () => {
    const res = await put({ issuer: op.issuer, client_id: op.clientId });
    expect(res.body.connection.status).toBe('pending');
    expect(res.body.warning).toMatch(/client_secret/);
    expect((await put({ client_secret: op.clientSecret })).body.connection.status).toBe('active');
  });

  test('O6: a discovery document naming another issuer is refused', async () => {
    op.discovery = { issuer: 'https://evil.example' };
    const res = await put({ issuer: op.issuer, client_id: op.clientId, client_secret: 's' });
    expect(res.status).toBe(400);
    expect(res.body.error_type).toBe('oidc_discovery_failed');
  });

  test('an issuer differing only by a trailing slash is refused (ID token iss is compared exactly)', async () => {
    const res = await put({ issuer: `${op.issuer}/`, client_id: op.clientId, client_secret: 's' });
    expect(res.status).toBe(400);
    expect(res.body.error_type).toBe('oidc_discovery_failed');
  });

  test('an unreachable issuer fails with oidc_discovery_failed, not a 500', async () => {
    const res = await put({ issuer: 'http://127.0.0.1:1/nothing', client_id: 'x', client_secret: 's' });
    expect(res.status).toBe(400);
    expect(res.body.error_type).toBe('oidc_discovery_failed');
  });

  test('O20: non-https IdP URLs are refused unless loopback', async () => {
    for (const url of [
      'http://169.254.169.254/latest',
      'http://idp.example.com',
      'ftp://idp.example.com',
      'https://user:pw@idp.example.com',
    ]) {
      const res = await put({ issuer: url, authorization_url: url, token_url: url, jwks_url: url });
      expect(res.status, url).toBe(400);
      expect(res.body.error_type).toBe('bad_request');
    }
  });

  test('O20: a discovery document pointing endpoints at plain-http hosts is refused', async () => {
    op.discovery = { jwks_uri: 'http://169.254.169.254/keys' };
    const res = await put({ issuer: op.issuer, client_id: op.clientId, client_secret: 's' });
    expect(res.status).toBe(400);
    expect(res.body.error_message).toMatch(/discovered jwks_url/);
  });

  test('explicit endpoints skip discovery; the connection must be of type oidc', async () => {
    const res = await put({
      issuer: 'https://idp.example.com',
      client_id: 'c',
      client_secret: 's',
      authorization_url: 'https://idp.example.com/a',
      token_url: 'https://idp.example.com/t',
      jwks_url: 'https://idp.example.com/k',
    });
    expect(res.body.connection.status).toBe('active');
    const saml = (await t.api(`/sso/saml/${orgId}`, { body: {} })).body.connection.connection_id;
    const wrong = await t.api(`/sso/oidc/${orgId}/connections/${saml}`, { method: 'PUT', body: { client_id: 'c' } });
    expect(wrong.status).toBe(404);
  });
});

import { startTestOp, type TestOp } from './oidc-test-op.js';
import { createTestServer, type TestServer } from './test-server.js';

/** A test server with one organization and one active OIDC connection at a hand-written OP. */
export interface OidcFixture {
  t: TestServer;
  op: TestOp;
  organizationId: string;
  connectionId: string;
  /** `GET /v1/public/sso/start` for the connection → the OP authorize URL (throws unless 302). */
  start(extra?: Record<string, string>): Promise<URL>;
  /** Follows the OP's authorize URL → our callback URL with `code`, `state`, `iss`. */
  authorize(url: URL): Promise<URL>;
  /** Sends the browser to our callback: status, `Location`, body text, error type header. */
  callback(url: URL): Promise<{ status: number; location: string | null; text: string; errorType: string | null }>;
  /** start → authorize → callback. */
  signIn(): Promise<{ status: number; location: string | null; text: string; errorType: string | null }>;
  close(): Promise<void>;
}

/**
 * Builds the fixture: org `oidc-co` with `sso_jit_provisioning` = `jit` (default ALL_ALLOWED), an OIDC
 * connection configured through the backend API by issuer discovery.
 */
export async function createOidcFixture(jit = 'ALL_ALLOWED'): Promise<OidcFixture> {
  const t = await createTestServer();
  const op = await startTestOp(t.clock.now);
  const org = await t.api('/organizations', { body: { organization_name: 'Oidc Co', organization_slug: 'oidc-co', sso_jit_provisioning: jit } });
  if (org.status !== 200) throw new Error(`org: ${JSON.stringify(org.body)}`);
  const organizationId = org.body.organization.organization_id as string;
  const created = await t.api(`/sso/oidc/${organizationId}`, { body: { display_name: 'Test OP' } });
  const connectionId = created.body.connection.connection_id as string;
  const put = await t.api(`/sso/oidc/${organizationId}/connections/${connectionId}`, {
    method: 'PUT',
    body: { issuer: op.issuer, client_id: op.clientId, client_secret: op.clientSecret },
  });
  if (put.status !== 200 || put.body.connection.status !== 'active') throw new Error(`oidc put: ${JSON.stringify(put.body)}`);
  const fixture: OidcFixture = {
    t,
    op,
    organizationId,
    connectionId,
    async start(extra = {}) {
      const q = new URLSearchParams({ connection_id: connectionId, public_token: t.server.project.public_token, ...extra });
      const res = await t.server.app.fetch(new Request(`http://localhost/v1/public/sso/start?${q}`));
      const location = res.headers.get('location');
      if (res.status !== 302 || location === null) throw new Error(`start: ${res.status} ${await res.text()}`);
      return new URL(location);
    },
    async authorize(url) {
      const res = await fetch(url, { redirect: 'manual' });
      return new URL(res.headers.get('location') ?? '');
    },
    async callback(url) {
      const res = await t.server.app.fetch(new Request(`http://localhost${url.pathname}${url.search}`));
      return { status: res.status, location: res.headers.get('location'), text: await res.text(), errorType: res.headers.get('x-orgauth-error-type') };
    },
    async signIn() {
      return fixture.callback(await fixture.authorize(await fixture.start()));
    },
    async close() {
      await op.close();
      await t.close();
    },
  };
  return fixture;
}

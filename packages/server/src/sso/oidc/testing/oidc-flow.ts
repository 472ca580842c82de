import type { ServerOptions } from '../../../server.js';
import { startTestOp, type TestOp } from './oidc-test-op.js';
import { createTestServer, type TestServer } from '../../../testing/test-server.js';

/** What our callback answered. */
export interface CallbackResult {
  status: number;
  location: string | null;
  text: string;
  errorType: string | null;
  /** Raw `Set-Cookie` lines of the answer (the binding cookie's clearing). */
  setCookies: string[];
}

/**
 * The simulated browser's cookies on our origin: what `start` set (the OIDC browser-binding cookie)
 * is sent back at `callback`, as a browser would; a `Max-Age=0` line removes the cookie.
 */
export class CookieJar {
  readonly cookies = new Map<string, string>();
  /** Applies the `Set-Cookie` lines of an answer. */
  take(res: Response): string[] {
    const lines = res.headers.getSetCookie();
    for (const line of lines) {
      const [pair = ''] = line.split(';');
      const name = pair.slice(0, pair.indexOf('='));
      if (/;\s*max-age=0(;|$)/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, pair.slice(pair.indexOf('=') + 1));
    }
    return lines;
  }
  /** The `Cookie` header value ('' when empty). */
  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

/**
 * A test server with one organization and one active OIDC connection at a hand-written OP. `start`
 * and `callback` go over the test server's socket (`t.http`, the CLI's listener), so their
 * `Set-Cookie`, `Location` and other headers are what a browser receives.
 */
export interface OidcFixture {
  t: TestServer;
  op: TestOp;
  organizationId: string;
  connectionId: string;
  /** The browser's cookies on our origin (start stores into it, callback sends it). */
  jar: CookieJar;
  /** `GET /v1/public/sso/start` for the connection → the OP authorize URL (throws unless 302). */
  start(extra?: Record<string, string>): Promise<URL>;
  /** Follows the OP's authorize URL → our callback URL with `code`, `state`, `iss`. */
  authorize(url: URL): Promise<URL>;
  /**
   * Sends the browser to our callback with the jar's cookies (or exactly `cookie` when given, `''` =
   * no Cookie header: another browser): status, `Location`, body text, error type header, Set-Cookie.
   */
  callback(url: URL, cookie?: string): Promise<CallbackResult>;
  /** start → authorize → callback. */
  signIn(): Promise<CallbackResult>;
  close(): Promise<void>;
}

/**
 * Builds the fixture: org `oidc-co` with `sso_jit_provisioning` = `jit` (default ALL_ALLOWED), an OIDC
 * connection configured through the backend API by issuer discovery. `discovery` overrides fields of
 * the OP's discovery document before the connection is configured (it is read then, not at sign-in).
 */
export async function createOidcFixture(
  jit = 'ALL_ALLOWED',
  setup: { server?: Omit<ServerOptions, 'dataDir' | 'databaseUrl' | 'now'>; discovery?: Record<string, unknown> } = {},
): Promise<OidcFixture> {
  const t = await createTestServer(setup.server);
  const op = await startTestOp(t.clock.now);
  op.discovery = setup.discovery ?? {};
  const org = await t.api('/organizations', {
    body: { organization_name: 'Oidc Co', organization_slug: 'oidc-co', sso_jit_provisioning: jit },
  });
  if (org.status !== 200) throw new Error(`org: ${JSON.stringify(org.body)}`);
  const organizationId = org.body.organization.organization_id as string;
  const created = await t.api(`/sso/oidc/${organizationId}`, { body: { display_name: 'Test OP' } });
  const connectionId = created.body.connection.connection_id as string;
  const put = await t.api(`/sso/oidc/${organizationId}/connections/${connectionId}`, {
    method: 'PUT',
    body: { issuer: op.issuer, client_id: op.clientId, client_secret: op.clientSecret },
  });
  if (put.status !== 200 || put.body.connection.status !== 'active')
    throw new Error(`oidc put: ${JSON.stringify(put.body)}`);
  const fixture: OidcFixture = {
    t,
    op,
    organizationId,
    connectionId,
    jar: new CookieJar(),
    async start(extra = {}) {
      const q = new URLSearchParams({
        connection_id: connectionId,
        public_token: t.server.project.public_token,
        ...extra,
      });
      const res = await t.http(`/v1/public/sso/start?${q}`);
      fixture.jar.take(res);
      const location = res.headers.get('location');
      if (res.status !== 302 || location === null) throw new Error(`start: ${res.status} ${await res.text()}`);
      return new URL(location);
    },
    async authorize(url) {
      const res = await fetch(url, { redirect: 'manual' });
      return new URL(res.headers.get('location') ?? '');
    },
    async callback(url, cookie) {
      const header = cookie ?? fixture.jar.header();
      const res = await t.http(`${url.pathname}${url.search}`, { headers: header === '' ? {} : { cookie: header } });
      const setCookies = cookie === undefined ? fixture.jar.take(res) : res.headers.getSetCookie();
      return {
        status: res.status,
        location: res.headers.get('location'),
        text: await res.text(),
        errorType: res.headers.get('x-orgauth-error-type'),
        setCookies,
      };
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

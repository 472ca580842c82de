import type { OAuthProviderType } from '@orgauth/core/protocol';
import { loadSecretBox } from '../../lib/secret-box.js';
import type { ServerOptions } from '../../server.js';
import { createTestServer, type TestServer } from '../../testing/test-server.js';
import { type FakeProviders, startFakeProviders } from './fake-providers.js';

/** What our callback answered. */
export interface CallbackResult {
  status: number;
  location: string | null;
  text: string;
  errorType: string | null;
}

/**
 * A test server whose OAuth providers are one local fake (oauth/testing/fake-providers.ts), with a
 * browser cookie jar: `start` stores the binding cookie, `callback` sends it back, as a browser would.
 * Every request goes over the test server's socket (the CLI's listener).
 */
export interface OAuthFixture {
  t: TestServer;
  fake: FakeProviders;
  /** The browser's cookies on our origin. */
  cookies: Map<string, string>;
  /** Stores the project's client at `provider` (the fake's id and secret, sealed as the CLI does). */
  configure(provider: OAuthProviderType): Promise<void>;
  /** `GET /v1/b2b/public/oauth/{provider}[/discovery]/start` with `query`; the raw answer. */
  start(provider: OAuthProviderType, query: Record<string, string>, discovery?: boolean): Promise<Response>;
  /** start (must be 302) → the fake's authorize URL → our callback URL with `code` and `state`. */
  authorize(provider: OAuthProviderType, query: Record<string, string>, discovery?: boolean): Promise<URL>;
  /** Our callback with the jar's cookies, or exactly `cookie` (`''` = none: another browser). */
  callback(url: URL, cookie?: string): Promise<CallbackResult>;
  /** authorize → callback. */
  signIn(provider: OAuthProviderType, query: Record<string, string>, discovery?: boolean): Promise<CallbackResult>;
  close(): Promise<void>;
}

/** Builds the fixture; `server` options pass through (e.g. `dev`, `allowPrivateIdpNetworks`). */
export async function createOAuthFixture(
  server: Omit<ServerOptions, 'dataDir' | 'databaseUrl' | 'now'> = {},
): Promise<OAuthFixture> {
  const clock = { now: () => Date.parse('2030-01-01T00:00:00.000Z') };
  const fake = await startFakeProviders(() => clock.now());
  const t = await createTestServer({ ...server, oauthEndpoints: fake.endpoints });
  clock.now = t.clock.now;
  await t.server.projects.addRedirectUrl('https://app.example/auth');
  const box = loadSecretBox({ dataDir: t.dataDir, env: process.env });
  const cookies = new Map<string, string>();
  const take = (res: Response) => {
    for (const line of res.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const name = pair.slice(0, pair.indexOf('='));
      if (/;\s*max-age=0(;|$)/i.test(line)) cookies.delete(name);
      else cookies.set(name, pair.slice(pair.indexOf('=') + 1));
    }
  };
  const header = () => [...cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  const fixture: OAuthFixture = {
    t,
    fake,
    cookies,
    async configure(provider) {
      const now = t.clock.now();
      await t.server.db
        .insertInto('oauth_credentials')
        .values({
          project_id: t.server.project.project_id,
          provider,
          client_id: fake.clientId,
          client_secret: box.seal(fake.clientSecret),
          created_at: now,
          updated_at: now,
        })
        .onConflict((oc) => oc.doNothing())
        .execute();
    },
    async start(provider, query, discovery = false) {
      const q = new URLSearchParams({ public_token: t.server.project.public_token, ...query });
      const res = await t.http(`/v1/b2b/public/oauth/${provider}${discovery ? '/discovery' : ''}/start?${q}`);
      take(res);
      return res;
    },
    async authorize(provider, query, discovery) {
      const res = await fixture.start(provider, query, discovery);
      const location = res.headers.get('location');
      if (res.status !== 302 || location === null) throw new Error(`start: ${res.status} ${await res.text()}`);
      const back = await fetch(location, { redirect: 'manual' });
      return new URL(back.headers.get('location') ?? '');
    },
    async callback(url, cookie) {
      const sent = cookie ?? header();
      const res = await t.http(`${url.pathname}${url.search}`, { headers: sent === '' ? {} : { cookie: sent } });
      if (cookie === undefined) take(res);
      return {
        status: res.status,
        location: res.headers.get('location'),
        text: await res.text(),
        errorType: res.headers.get('x-orgauth-error-type'),
      };
    },
    async signIn(provider, query, discovery) {
      return fixture.callback(await fixture.authorize(provider, query, discovery));
    },
    async close() {
      await fake.close();
      await t.close();
    },
  };
  return fixture;
}

/** The `token` and `stytch_token_type` (or `stytch_error`) of a callback's redirect. */
export function redirected(result: CallbackResult): URLSearchParams {
  if (result.location === null) throw new Error(`no redirect: ${result.status} ${result.text}`);
  return new URL(result.location).searchParams;
}

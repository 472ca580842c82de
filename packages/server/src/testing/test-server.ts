import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { listen, type Listener } from '../http/listen.js';
import { createOrgAuthServer, type OrgAuthServer, type ServerOptions } from '../server.js';
import { acquireSchema, POOL_RUN_ID, recordFingerprint, releaseSchema } from './schema-pool.js';
import { copySqliteTemplate } from './sqlite-template.js';

/** A controllable clock for expiry tests. */
export interface TestClock {
  now(): number;
  advance(ms: number): void;
}

/** A parsed HTTP answer. */
export interface TestResponse {
  status: number;
  headers: Headers;
  // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary wire fields; the shape is asserted, not trusted.
  body: any;
}

/** Options of one SDK call. */
export interface SdkCallOptions {
  method?: string;
  body?: unknown;
  /** Raw body text (for malformed-JSON tests); wins over `body`. */
  rawBody?: string;
  /** Session token for the Basic password (default: the public token). */
  session?: string;
  /** Override the public token (`null` = no Authorization header). */
  publicToken?: string | null;
  origin?: string;
}

/** A server on a fresh database plus request helpers. */
export interface TestServer {
  server: OrgAuthServer;
  dataDir: string;
  clock: TestClock;
  /** `'sqlite'` or `'postgres'` (from `ORGAUTH_TEST_DATABASE_URL`). */
  dialect: 'sqlite' | 'postgres';
  /** An SDK call (`/sdk/v1<path>`, Basic public token) over the socket of {@link TestServer.http}. */
  sdk(path: string, options?: SdkCallOptions): Promise<TestResponse>;
  /** A backend call (`/v1/b2b<path>`, Basic project id and secret) over the socket of {@link TestServer.http}. */
  api(
    path: string,
    options?: { method?: string; body?: unknown; auth?: { user: string; password: string } | null },
  ): Promise<TestResponse>;
  /**
   * A request over a real socket, through the listener the CLI runs (http/listen.ts), started on first
   * use on 127.0.0.1. `sdk`, `api` and the SSO flow helpers (sso/oidc/testing/oidc-flow.ts,
   * sso/saml/testing/saml-flow.ts) go through here too, so every test about response headers (CORS,
   * security headers, Cache-Control, Set-Cookie) sees what the CLI sends: in-process `app.fetch` can
   * differ. The TCP peer (127.0.0.1) reaches the app as the client IP. Redirects are not followed.
   */
  http(path: string, init?: RequestInit): Promise<Response>;
  /** Closes and reopens the server on the same database (the same dataDir / schema). */
  restart(): Promise<void>;
  close(): Promise<void>;
}

const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

async function parse(res: Response): Promise<TestResponse> {
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // Non-JSON bodies (HTML) stay text.
  }
  return { status: res.status, headers: res.headers, body };
}

/** Options of {@link createTestServer}: the server's, plus where its database comes from. */
export type TestServerOptions = Omit<ServerOptions, 'dataDir' | 'databaseUrl' | 'now'> & {
  /**
   * A database this server creates and migrates itself: on PostgreSQL a new schema instead of an
   * emptied one of the run's pool (testing/schema-pool.ts), on SQLite an empty data dir instead of a
   * copy of the migrated template (testing/sqlite-template.ts). For tests about a first start.
   */
  freshDatabase?: boolean;
};

/**
 * Starts a test server in a temp data dir. With `ORGAUTH_TEST_DATABASE_URL` set, it uses PostgreSQL
 * in its own schema (`search_path` set through the connection's `options`): an emptied, already
 * migrated one of the run's pool (testing/schema-pool.ts), given back on close; a fresh one, dropped
 * on close, with `freshDatabase` or outside a run with the pool's global setup. On SQLite, the data
 * dir starts with a copy of a migrated template (testing/sqlite-template.ts) unless `freshDatabase`.
 */
export async function createTestServer({ freshDatabase, ...options }: TestServerOptions = {}): Promise<TestServer> {
  // ORGAUTH_TEST_FRESH_DATABASES=1: every server fresh, to compare or to rule the reuse out of a failure.
  const fresh = freshDatabase === true || process.env.ORGAUTH_TEST_FRESH_DATABASES === '1';
  const dataDir = mkdtempSync(join(tmpdir(), 'orgauth-test-'));
  let time = Date.parse('2030-01-01T00:00:00.000Z');
  const clock: TestClock = { now: () => time, advance: (ms) => void (time += ms) };
  const baseUrl = process.env.ORGAUTH_TEST_DATABASE_URL;
  let databaseUrl: string | undefined;
  let schema: string | undefined;
  let pooled: { runId: string; fresh: boolean } | undefined;
  if (baseUrl !== undefined && baseUrl !== '') {
    const runId = fresh ? undefined : inject(POOL_RUN_ID);
    if (runId !== undefined) {
      const acquired = await acquireSchema(baseUrl, runId);
      schema = acquired.schema;
      pooled = { runId, fresh: acquired.fresh };
    } else {
      schema = `orgauth_test_${randomBytes(6).toString('hex')}`;
      const admin = new pg.Client({ connectionString: baseUrl });
      await admin.connect();
      await admin.query(`CREATE SCHEMA ${schema}`);
      await admin.end();
    }
    const url = new URL(baseUrl);
    url.searchParams.set('options', `-c search_path=${schema}`);
    databaseUrl = url.href;
  } else if (!fresh) {
    await copySqliteTemplate(dataDir);
  }
  const dropSchema = async () => {
    if (schema === undefined || baseUrl === undefined) return;
    if (pooled !== undefined) return releaseSchema(baseUrl, pooled.runId, schema);
    const admin = new pg.Client({ connectionString: baseUrl });
    await admin.connect();
    await admin.query(`DROP SCHEMA ${schema} CASCADE`);
    await admin.end();
  };
  // Fake IdPs listen on 127.0.0.1: allowed here unless a test asks otherwise (the server's default is off).
  const allowPrivateIdpNetworks = options.allowPrivateIdpNetworks ?? true;
  const start = () =>
    createOrgAuthServer({
      ...options,
      allowPrivateIdpNetworks,
      // Production scrypt costs ~0.5 s a hash (passwords/hash.ts); tests prove behaviour, not cost.
      passwordHashCost: options.passwordHashCost ?? { ln: 4, r: 8, p: 1 },
      dataDir,
      now: clock.now,
      ...(databaseUrl ? { databaseUrl } : {}),
    });
  let server: OrgAuthServer;
  try {
    server = await start();
  } catch (error) {
    // A schema a failed start may have half migrated is never reused (no fingerprint: dropped).
    await dropSchema();
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  if (pooled?.fresh === true && schema !== undefined && baseUrl !== undefined)
    await recordFingerprint(baseUrl, pooled.runId, schema);
  let listener: Promise<Listener> | undefined;

  const test: TestServer = {
    get server() {
      return server;
    },
    dataDir,
    clock,
    dialect: databaseUrl ? 'postgres' : 'sqlite',
    async sdk(path, call = {}) {
      const headers = new Headers({ 'content-type': 'application/json' });
      const token = call.publicToken === undefined ? server.project.public_token : call.publicToken;
      if (token !== null) headers.set('authorization', basic(token, call.session ?? token));
      if (call.origin !== undefined) headers.set('origin', call.origin);
      const method = call.method ?? (call.body !== undefined || call.rawBody !== undefined ? 'POST' : 'GET');
      const body = call.rawBody ?? (call.body === undefined ? undefined : JSON.stringify(call.body));
      return parse(await test.http(`/sdk/v1${path}`, { method, headers, ...(body === undefined ? {} : { body }) }));
    },
    async api(path, call = {}) {
      const headers = new Headers({ 'content-type': 'application/json' });
      const auth =
        call.auth === undefined ? { user: server.project.project_id, password: server.project.secret } : call.auth;
      if (auth !== null) headers.set('authorization', basic(auth.user, auth.password));
      const method = call.method ?? (call.body === undefined ? 'GET' : 'POST');
      const body = call.body === undefined ? undefined : JSON.stringify(call.body);
      return parse(await test.http(`/v1/b2b${path}`, { method, headers, ...(body === undefined ? {} : { body }) }));
    },
    async http(path, init = {}) {
      // The handler reads `server` at call time, so the listener follows restart().
      listener ??= listen({ fetch: (request, env) => server.app.fetch(request, env), port: 0, hostname: '127.0.0.1' });
      const { origin } = await listener;
      return fetch(`${origin}${path}`, { redirect: 'manual', ...init });
    },
    async restart() {
      await server.close();
      server = await start();
    },
    async close() {
      if (listener !== undefined) await (await listener).close();
      await server.close();
      await dropSchema();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return test;
}

/** Pulls the `token` parameter out of the newest mail to `to` in the dev mailbox. */
export async function latestMagicLinkToken(
  server: OrgAuthServer,
  to: string,
): Promise<{ link: string; token: string }> {
  const mail = (await server.mailbox.list()).find((m) => m.to === to);
  const link = mail?.text.match(/https?:\/\/\S+/)?.[0];
  if (link === undefined) throw new Error(`No magic link mailed to ${to}.`);
  const token = new URL(link).searchParams.get('token');
  if (token === null) throw new Error('The magic link has no token.');
  return { link, token };
}

/** The six-digit code of the newest mail to `to` in the dev mailbox (mail/copy/en.ts `code_line` puts it on its own line, in English). */
export async function latestOtpCode(server: OrgAuthServer, to: string): Promise<string> {
  const mail = (await server.mailbox.list()).find((m) => m.to === to);
  const code = mail?.text.match(/^Your code: ([0-9]{6})$/m)?.[1];
  if (code === undefined) throw new Error(`No one-time code mailed to ${to}.`);
  return code;
}

/** The six-digit code of the newest text message to `to` (E.164) in the dev SMS outbox (sms/copy.ts). */
export async function latestSmsCode(server: OrgAuthServer, to: string): Promise<string> {
  const sms = (await server.smsOutbox.list()).find((m) => m.to === to);
  const code = sms?.body.match(/\b([0-9]{6})\b/)?.[1];
  if (code === undefined) throw new Error(`No SMS code sent to ${to}.`);
  return code;
}

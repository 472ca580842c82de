import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { TEST_PKCE } from '../testing/journey.js';
import type { TestResponse } from '../testing/test-server.js';
import { createFreshSchema, type FreshSchema } from './loopback.js';
import { buildServerCli, startServerProcess, type ServerProcess } from './server-process.js';

/**
 * Two real `orgauth-server` processes (the CLI, freshly built) on one
 * PostgreSQL schema, each with its own data dir and port. Sessions live in the database only, so a
 * session made through one must authenticate through the other, and a revoke must be seen at once.
 */
const pgBase = process.env.ORGAUTH_TEST_DATABASE_URL;
const enabled = pgBase !== undefined && pgBase !== '';
const suite = enabled ? describe.sequential : describe.skip;

if (!enabled) {
  test.skip('two servers on one PostgreSQL: skipped, ORGAUTH_TEST_DATABASE_URL is not set', () => {});
}

let schema: FreshSchema | undefined;
let build: { cli: string; remove(): void } | undefined;
const dataDirs: string[] = [];
let a: ServerProcess;
let b: ServerProcess;

const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

async function call(
  server: ServerProcess,
  path: string,
  init: { body?: unknown; auth: string; method?: string },
): Promise<{ status: number; body: TestResponse['body'] }> {
  const res = await fetch(`${server.origin}${path}`, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers: { 'content-type': 'application/json', authorization: init.auth },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    signal: AbortSignal.timeout(10_000),
  });
  const text = await res.text();
  try {
    return { status: res.status, body: JSON.parse(text) };
  } catch {
    return { status: res.status, body: text };
  }
}

const sdkAuth = (s: ServerProcess, session?: string) =>
  basic(s.project.public_token, session ?? s.project.public_token);
const secretAuth = (s: ServerProcess) => basic(s.project.project_id, s.project.secret);

suite('two server processes on one PostgreSQL', () => {
  const email = `multi-${Date.now()}@multi.example`;
  let sessionToken = '';
  let sessionJwt = '';

  beforeAll(async () => {
    schema = await createFreshSchema(pgBase as string);
    // Prove the `options=-c search_path=…` URL really selects the schema before trusting it.
    const probe = new pg.Client({ connectionString: schema.databaseUrl });
    await probe.connect();
    const shown = await probe.query<{ search_path: string }>('SHOW search_path');
    await probe.end();
    expect(shown.rows[0]?.search_path).toBe(schema.schema);

    build = buildServerCli();
    const env = { DATABASE_URL: schema.databaseUrl };
    const dirA = mkdtempSync(join(tmpdir(), 'orgauth-multi-a-'));
    const dirB = mkdtempSync(join(tmpdir(), 'orgauth-multi-b-'));
    dataDirs.push(dirA, dirB);
    // A creates the project; B gets A's project.json, as a deployment shares its credentials.
    // (B alone could not learn it: a shared database's secret is never rotated at start-up.)
    a = await startServerProcess(build.cli, dirA, env);
    copyFileSync(join(dirA, 'project.json'), join(dirB, 'project.json'));
    // …and its encryption key: sealed signing keys in the shared database open only with it.
    copyFileSync(join(dirA, 'encryption.key'), join(dirB, 'encryption.key'));
    b = await startServerProcess(build.cli, dirB, env);
  }, 90_000);

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await schema?.drop();
    build?.remove();
    for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
  }, 30_000);

  test('both processes serve the same project', () => {
    expect(b.project).toEqual(a.project);
    expect(a.origin).not.toBe(b.origin);
  });

  test('a discovery sign-up through A yields a session', async () => {
    const sent = await call(a, '/sdk/v1/b2b/magic_links/email/discovery/send', {
      auth: sdkAuth(a),
      body: { email_address: email, pkce_code_challenge: TEST_PKCE.challenge },
    });
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    // The mail is in the shared database, so B's dev mailbox shows it too.
    const mails = (await (
      await fetch(`${b.origin}/dev/mailbox.json?to=${encodeURIComponent(email)}`)
    ).json()) as Array<{ text: string }>;
    const link = mails[0]?.text.match(/https?:\/\/\S+/)?.[0];
    const token = link === undefined ? null : new URL(link).searchParams.get('token');
    expect(token, 'discovery mail with a token').not.toBeNull();
    const proved = await call(a, '/sdk/v1/b2b/magic_links/discovery/authenticate', {
      auth: sdkAuth(a),
      body: { discovery_magic_links_token: token, pkce_code_verifier: TEST_PKCE.verifier },
    });
    expect(proved.status, JSON.stringify(proved.body)).toBe(200);
    const created = await call(a, '/sdk/v1/b2b/discovery/organizations/create', {
      auth: sdkAuth(a),
      body: {
        intermediate_session_token: proved.body.data.intermediate_session_token,
        session_duration_minutes: 60,
        organization_name: 'Multi',
        organization_slug: `multi-${Date.now()}`,
      },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    sessionToken = created.body.data.session_token;
    sessionJwt = created.body.data.session_jwt;
    expect(sessionToken).not.toBe('');
  });

  test('the session authenticates through B (SDK and backend API, token and JWT)', async () => {
    const viaSdk = await call(b, '/sdk/v1/b2b/sessions/authenticate', { auth: sdkAuth(b, sessionToken), body: {} });
    expect(viaSdk.status, JSON.stringify(viaSdk.body)).toBe(200);
    expect(viaSdk.body.data.member.email_address).toBe(email);
    const byToken = await call(b, '/v1/b2b/sessions/authenticate', {
      auth: secretAuth(b),
      body: { session_token: sessionToken },
    });
    expect(byToken.status, JSON.stringify(byToken.body)).toBe(200);
    // A JWT signed by A's process verifies at B: the signing keys live in the shared database.
    const byJwt = await call(b, '/v1/b2b/sessions/authenticate', {
      auth: secretAuth(b),
      body: { session_jwt: sessionJwt },
    });
    expect(byJwt.status, JSON.stringify(byJwt.body)).toBe(200);
    expect(byJwt.body.member_session.member_session_id).toBe(byToken.body.member_session.member_session_id);
  });

  test('a revoke on B is seen by A immediately', async () => {
    const revoked = await call(b, '/sdk/v1/b2b/sessions/revoke', { auth: sdkAuth(b, sessionToken), body: {} });
    expect(revoked.status, JSON.stringify(revoked.body)).toBe(200);
    const viaSdk = await call(a, '/sdk/v1/b2b/sessions/authenticate', { auth: sdkAuth(a, sessionToken), body: {} });
    expect(viaSdk.status).toBeGreaterThanOrEqual(400);
    expect(viaSdk.status).toBeLessThan(500);
    // No cache anywhere: the still-unexpired JWT is refused by A's backend API too.
    const byJwt = await call(a, '/v1/b2b/sessions/authenticate', {
      auth: secretAuth(a),
      body: { session_jwt: sessionJwt },
    });
    expect(byJwt.status).toBeGreaterThanOrEqual(400);
    expect(byJwt.status).toBeLessThan(500);
  });
});

import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { listen } from '../http/listen.js';
import { createOrgAuthServer, type OrgAuthServer, type ServerOptions } from '../server.js';

/** A PostgreSQL schema created for one test run; `databaseUrl` selects it through `search_path`. */
export interface FreshSchema {
  schema: string;
  databaseUrl: string;
  /** `DROP SCHEMA … CASCADE`. */
  drop(): Promise<void>;
}

/**
 * Creates an empty schema in the database at `baseUrl` and returns a connection URL whose `options`
 * parameter (`-c search_path=<schema>`) makes every pooled connection use it — node-postgres passes
 * `options` to the server at startup, so it holds for every connection, not just the first.
 */
export async function createFreshSchema(baseUrl: string): Promise<FreshSchema> {
  const schema = `orgauth_conf_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE SCHEMA ${schema}`);
  } finally {
    await admin.end();
  }
  const url = new URL(baseUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return {
    schema,
    databaseUrl: url.href,
    async drop() {
      const client = new pg.Client({ connectionString: baseUrl });
      await client.connect();
      try {
        await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      } finally {
        await client.end();
      }
    },
  };
}

/** The real server listening on `127.0.0.1:<ephemeral port>`, with a log of the requests it saw. */
export interface LoopbackServer {
  server: OrgAuthServer;
  /** `http://127.0.0.1:<port>/` — what `B2BClient`'s `env` expects (trailing slash). */
  baseUrl: string;
  /** `METHOD /path` of every request received, in order. */
  requests: string[];
  close(): Promise<void>;
}

/**
 * Starts `createOrgAuthServer` (temp data dir, `dev: true`, real clock) behind `@hono/node-server`.
 * The listener starts first so the server's public URL is the address it listens on: the `--dev`
 * OAuth stand-ins are served at `<publicUrl>/dev/oauth/…` and the server fetches their tokens there.
 * Uses PostgreSQL in a fresh schema when `ORGAUTH_TEST_DATABASE_URL` is set, else SQLite.
 */
export async function startLoopbackServer(
  options: Pick<ServerOptions, 'passwordHashCost'> = {},
): Promise<LoopbackServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'orgauth-conformance-'));
  const pgBase = process.env.ORGAUTH_TEST_DATABASE_URL;
  const schema = pgBase !== undefined && pgBase !== '' ? await createFreshSchema(pgBase) : undefined;
  const requests: string[] = [];
  let server: OrgAuthServer | undefined;
  const listener = await listen({
    fetch: (request: Request) => {
      requests.push(`${request.method} ${new URL(request.url).pathname}`);
      return server === undefined ? new Response('Starting.', { status: 503 }) : server.app.fetch(request);
    },
    hostname: '127.0.0.1',
    port: 0,
  });
  const started = await createOrgAuthServer({
    dataDir,
    dev: true,
    publicUrl: listener.origin,
    ...options,
    ...(schema ? { databaseUrl: schema.databaseUrl } : {}),
  }).catch(async (error: unknown) => {
    await listener.close();
    throw error;
  });
  server = started;
  return {
    server: started,
    baseUrl: `${listener.origin}/`,
    requests,
    async close() {
      await listener.close();
      await started.close();
      await schema?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

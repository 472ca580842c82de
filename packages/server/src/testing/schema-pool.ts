import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * Already-migrated PostgreSQL schemas, reused by test servers. Creating and migrating a schema is most
 * of a test server's start on PostgreSQL; a reused one is emptied with TRUNCATE instead (no migration
 * inserts rows: db/migrations/ only moves existing data, so an empty schema equals a fresh one).
 *
 * The registry is a table in PostgreSQL, not memory: Vitest runs each test file in its own module
 * graph (and workers in their own processes), so only the database is shared by all of one run. A
 * schema is handed out by `FOR UPDATE SKIP LOCKED`, returned only after the server holding it closed,
 * and reused only when its structure still matches the fingerprint taken right after its migration
 * (tests that rename or drop a table to provoke a fault leave it dropped instead).
 * All of one run is named after its run id (schema-pool-setup.ts), so parallel runs never collide.
 */

/** The name `provide`d by the global setup and `inject`ed by test-server.ts. */
export const POOL_RUN_ID = 'orgauthSchemaPoolRunId';

const registryOf = (runId: string) => `orgauth_pool_${runId}`;
const safe = (runId: string) => {
  if (!/^[a-z0-9]+$/.test(runId)) throw new Error(`Bad schema pool run id: ${runId}`);
  return runId;
};

const SHARED = Symbol.for('orgauth.schemaPool.admin');
interface Admin {
  client: Promise<pg.Client>;
  /** Calls in flight: the socket holds the process open only while there are some. */
  busy: number;
}

/**
 * One admin connection per process, kept on `globalThis` so that every test file of a worker shares
 * it: opening a PostgreSQL connection costs a backend process each time, more than the pool's queries.
 * Its socket is unref'd between calls (never keeping a worker alive) and ref'd during them (an
 * unref'd socket alone lets Node exit in the middle of an await). A broken one is replaced on next use.
 */
async function withClient<T>(baseUrl: string, use: (client: pg.Client) => Promise<T>): Promise<T> {
  const scope = globalThis as Record<symbol, unknown>;
  const all = (scope[SHARED] ??= new Map<string, Admin>()) as Map<string, Admin>;
  let admin = all.get(baseUrl);
  if (admin === undefined) {
    const c = new pg.Client({ connectionString: baseUrl });
    const forget = () => all.delete(baseUrl);
    c.on('error', forget);
    c.on('end', forget);
    admin = { client: c.connect().then(() => c), busy: 0 };
    admin.client.catch(forget);
    all.set(baseUrl, admin);
  }
  const client = await admin.client;
  const socket = (client as unknown as { connection: { stream: { ref(): void; unref(): void } } }).connection.stream;
  admin.busy++;
  socket.ref();
  try {
    return await use(client);
  } finally {
    if (--admin.busy === 0) socket.unref();
  }
}

/** A connection of its own, for the global setup and teardown (main process). */
async function withOwnClient<T>(baseUrl: string, use: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: baseUrl });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}

/** A fresh run id and its (empty) registry. */
export async function createPool(baseUrl: string): Promise<string> {
  const runId = randomBytes(6).toString('hex');
  await withOwnClient(baseUrl, (c) =>
    c.query(`CREATE SCHEMA ${registryOf(runId)};
      CREATE TABLE ${registryOf(runId)}.schemas (name text PRIMARY KEY, busy boolean NOT NULL, fingerprint text)`),
  );
  return runId;
}

/** Drops every schema of the run and its registry. */
export async function dropPool(baseUrl: string, runId: string): Promise<void> {
  await withOwnClient(baseUrl, async (c) => {
    const { rows } = await c.query<{ name: string }>(`SELECT name FROM ${registryOf(safe(runId))}.schemas`);
    for (const { name } of rows) await c.query(`DROP SCHEMA IF EXISTS ${name} CASCADE`);
    await c.query(`DROP SCHEMA ${registryOf(runId)} CASCADE`);
  });
}

/**
 * A schema for one test server: a free, emptied one of the pool, else a new empty one (`fresh`: the
 * caller records its {@link fingerprint} once the server migrated it).
 */
export async function acquireSchema(baseUrl: string, runId: string): Promise<{ schema: string; fresh: boolean }> {
  const registry = registryOf(safe(runId));
  return withClient(baseUrl, async (c) => {
    const { rows } = await c.query<{ name: string }>(
      `UPDATE ${registry}.schemas SET busy = true WHERE name = (
        SELECT name FROM ${registry}.schemas WHERE NOT busy LIMIT 1 FOR UPDATE SKIP LOCKED) RETURNING name`,
    );
    if (rows[0] !== undefined) return { schema: rows[0].name, fresh: false };
    const schema = `orgauth_test_${runId}_${randomBytes(4).toString('hex')}`;
    await c.query(`CREATE SCHEMA ${schema}; INSERT INTO ${registry}.schemas VALUES ('${schema}', true, NULL)`);
    return { schema, fresh: true };
  });
}

// Everything a test could change in a schema's structure: relations and their columns (types,
// nullability, defaults), constraints, index definitions, triggers, functions; plus how many
// migrations are recorded.
const FINGERPRINT = `SELECT md5(string_agg(x, E'\\n' ORDER BY x)) AS fp FROM (
  SELECT c.relkind::text || ' ' || c.relname::text || ' ' || coalesce(a.attname::text || ' ' || format_type(a.atttypid, a.atttypmod)
    || ' ' || a.attnotnull::text || ' ' || coalesce(pg_get_expr(d.adbin, d.adrelid), ''), '') AS x
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
  LEFT JOIN pg_attrdef d ON d.adrelid = c.oid AND d.adnum = a.attnum
  WHERE n.nspname = $1
  UNION ALL SELECT 'constraint ' || c.relname || ' ' || k.conname || ' ' || pg_get_constraintdef(k.oid)
  FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE n.nspname = $1
  UNION ALL SELECT 'index ' || pg_get_indexdef(i.indexrelid)
  FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE n.nspname = $1
  UNION ALL SELECT 'trigger ' || c.relname || ' ' || t.tgname
  FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE n.nspname = $1 AND NOT t.tgisinternal
  UNION ALL SELECT 'function ' || p.proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
  WHERE n.nspname = $1
) parts`;

async function fingerprintWith(c: pg.Client, schema: string): Promise<string> {
  const structure = (await c.query<{ fp: string | null }>(FINGERPRINT, [schema])).rows[0]?.fp ?? '';
  const migrations = (await c.query<{ n: string }>(`SELECT count(*) AS n FROM ${schema}.kysely_migration`)).rows[0]?.n;
  return `${structure}:${migrations}`;
}

/** Records the structure of a just-migrated schema, which it must still have to be reused. */
export async function recordFingerprint(baseUrl: string, runId: string, schema: string): Promise<void> {
  await withClient(baseUrl, async (c) => {
    const fp = await fingerprintWith(c, schema);
    await c.query(`UPDATE ${registryOf(safe(runId))}.schemas SET fingerprint = $1 WHERE name = $2`, [fp, schema]);
  });
}

/**
 * Deletes every row. DELETE under `session_replication_role = replica` (foreign keys unchecked: every
 * table is emptied at once) took ~3 ms for the 35 tables where TRUNCATE took 55-90 ms: TRUNCATE makes
 * new files for every table and index. No table has a sequence today (ids are generated in code); with
 * one, or without the right to set the role (a non-superuser), it falls back to TRUNCATE … RESTART
 * IDENTITY CASCADE.
 */
async function empty(c: pg.Client, schema: string, tables: Array<{ relname: string; relkind: string }>) {
  const names = tables.filter((t) => t.relkind !== 'S').map((t) => `${schema}."${t.relname}"`);
  if (names.length === 0) return;
  const superuser = (await c.query<{ s: string }>(`SELECT current_setting('is_superuser') AS s`)).rows[0]?.s === 'on';
  if (superuser && !tables.some((t) => t.relkind === 'S')) {
    // One message, so the shared connection runs nothing else in between.
    await c.query(`BEGIN; SET LOCAL session_replication_role = replica;
      ${names.map((name) => `DELETE FROM ${name};`).join(' ')} COMMIT`);
    return;
  }
  await c.query(`TRUNCATE ${names.join(', ')} RESTART IDENTITY CASCADE`);
}

/**
 * Gives a schema back once no server uses it: emptied (TRUNCATE … RESTART IDENTITY CASCADE of every
 * table but Kysely's migration bookkeeping) and freed when its structure is unchanged, else dropped.
 */
export async function releaseSchema(baseUrl: string, runId: string, schema: string): Promise<void> {
  const registry = registryOf(safe(runId));
  await withClient(baseUrl, async (c) => {
    const { rows } = await c.query<{ fingerprint: string | null }>(
      `SELECT fingerprint FROM ${registry}.schemas WHERE name = $1`,
      [schema],
    );
    const expected = rows[0]?.fingerprint ?? null;
    let reusable = false;
    try {
      reusable = expected !== null && (await fingerprintWith(c, schema)) === expected;
    } catch {
      reusable = false; // e.g. kysely_migration itself was dropped
    }
    if (reusable) {
      const { rows: tables } = await c.query<{ relname: string; relkind: string }>(
        `SELECT c.relname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = $1 AND c.relkind IN ('r', 'p', 'S') AND c.relname NOT LIKE 'kysely\\_%'`,
        [schema],
      );
      await empty(c, schema, tables);
      await c.query(`UPDATE ${registry}.schemas SET busy = false WHERE name = $1`, [schema]);
    } else {
      await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await c.query(`DELETE FROM ${registry}.schemas WHERE name = $1`, [schema]);
    }
  });
}

import { PostgresAdapter, sql } from 'kysely';
import type { Db } from '../db/schema.js';
import { sha256Hex } from '../lib/crypto.js';
import { createProjectStore } from './store.js';
import type { ProjectEnv } from './redirect-urls.js';

/**
 * Key of the PostgreSQL advisory lock that serializes project bootstrap across every server of a
 * database. Arbitrary but fixed ("OrgAut" in ASCII, below 2^53 so it survives a JS number); distinct
 * from Kysely's migration lock. Advisory locks are per database, not per schema: deployments in
 * sibling schemas only ever wait on each other for the few milliseconds of a bootstrap.
 */
export const BOOTSTRAP_LOCK_KEY = 0x4f7267417574;

const DEFAULT_APP_URL = 'http://localhost:3000';
const PROJECT_NAME = 'OrgAuth project';

/**
 * Runs `work` in one transaction that no other bootstrap runs alongside. On PostgreSQL (several
 * servers, one database) it first takes a transaction-scoped advisory lock, so of two servers
 * starting together the second waits for the first to commit and then sees its projects. On SQLite
 * the transaction alone serializes: Kysely gives it the single better-sqlite3 connection exclusively
 * until it ends. `work` must use the transaction it is given, never the outer `db` (on SQLite that
 * would wait for the connection the transaction holds).
 */
export async function inBootstrapLock<T>(db: Db, work: (trx: Db) => Promise<T>): Promise<T> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return db.transaction().execute(work);
  // Read committed, whatever the server's default: under repeatable read the snapshot would be taken
  // by the lock statement itself, before the winner committed, and the loser would not see its rows.
  return db
    .transaction()
    .setIsolationLevel('read committed')
    .execute(async (trx) => {
      await sql`select pg_advisory_xact_lock(${String(BOOTSTRAP_LOCK_KEY)}::bigint)`.execute(trx);
      return work(trx);
    });
}

/**
 * Inserts the project of `env` with `credentials` (only the secret's hash is stored). The test
 * project gets `http://localhost:3000` as default redirect URL of every type and as authorized
 * origin, like Stytch's test environments; live starts empty. Call it inside
 * {@link inBootstrapLock}, with its transaction, after checking that `env` has no project yet.
 */
export async function insertEnvironmentProject(
  trx: Db,
  env: ProjectEnv,
  credentials: { project_id: string; secret: string; public_token: string },
  now: () => number,
): Promise<void> {
  const createdAt = now();
  await trx
    .insertInto('projects')
    .values({
      id: credentials.project_id,
      env,
      name: PROJECT_NAME,
      public_token: credentials.public_token,
      secret_hash: sha256Hex(credentials.secret),
      created_at: createdAt,
    })
    .execute();
  if (env !== 'test') return;
  const store = createProjectStore(trx, now);
  await store.addRedirectUrl(credentials.project_id, DEFAULT_APP_URL, undefined, true);
  await store.addAuthorizedOrigin(credentials.project_id, DEFAULT_APP_URL);
}

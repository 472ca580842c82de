import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../db/schema.js';
import { digestsEqual, newId, newSecret, sha256Hex } from '../lib/crypto.js';
import { inBootstrapLock, insertEnvironmentProject } from './create.js';
import type { ProjectEnv } from './redirect-urls.js';

/** One environment's credentials as handed to the operator. */
export interface EnvironmentCredentials {
  project_id: string;
  secret: string;
  public_token: string;
}

/**
 * `project.json`: the test environment's credentials at the top level (what the README, the demo and
 * the e2e tests read) plus the live environment's under `live`.
 */
export interface ProjectCredentials extends EnvironmentCredentials {
  live: EnvironmentCredentials;
}

function asCredentials(value: unknown): EnvironmentCredentials | undefined {
  const v = value as Partial<EnvironmentCredentials> | null | undefined;
  if (typeof v?.project_id === 'string' && typeof v.secret === 'string' && typeof v.public_token === 'string') {
    return { project_id: v.project_id, secret: v.secret, public_token: v.public_token };
  }
  return undefined;
}

/** The credentials stored in `<dataDir>/project.json`, per environment (missing or unreadable → none). */
export function readCredentials(dataDir: string | undefined): Partial<Record<ProjectEnv, EnvironmentCredentials>> {
  if (dataDir === undefined) return {};
  try {
    const parsed = JSON.parse(readFileSync(join(dataDir, 'project.json'), 'utf8')) as { live?: unknown };
    const test = asCredentials(parsed);
    const live = asCredentials(parsed.live);
    return { ...(test ? { test } : {}), ...(live ? { live } : {}) };
  } catch {
    return {};
  }
}

/** Writes `project.json` (0600: it holds the plaintext secrets). No-op without a data dir. */
export function writeCredentials(dataDir: string | undefined, credentials: ProjectCredentials): void {
  if (dataDir === undefined) return;
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = join(dataDir, 'project.json');
  const { live, ...test } = credentials;
  writeFileSync(file, `${JSON.stringify({ ...test, live }, null, 2)}\n`, { mode: 0o600 });
  // writeFileSync's mode only applies on creation; an existing file keeps its mode otherwise.
  chmodSync(file, 0o600);
}

/**
 * Replaces one environment's credentials in `project.json`, keeping the rest of the file (the other
 * environment's section). Used after a secret rotation.
 */
export function updateStoredCredentials(dataDir: string, env: ProjectEnv, credentials: EnvironmentCredentials): void {
  let file: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(readFileSync(join(dataDir, 'project.json'), 'utf8'));
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed))
      file = parsed as Record<string, unknown>;
  } catch {
    // Missing or unreadable: start a new file.
  }
  const next = env === 'test' ? { ...file, ...credentials } : { ...file, live: credentials };
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const path = join(dataDir, 'project.json');
  writeFileSync(path, `${JSON.stringify(next, null, 2)}\n`, { mode: 0o600 });
  chmodSync(path, 0o600);
}

/** The project row of `env` (the oldest, when several exist). */
export async function environmentRow(db: Db, env: ProjectEnv) {
  return db.selectFrom('projects').selectAll().where('env', '=', env).orderBy('created_at').executeTakeFirst();
}

/** Replaces the secret of `projectId` with a new one and returns it (the hash is all that is stored). */
export async function rotateSecret(db: Db, projectId: string, env: ProjectEnv): Promise<string> {
  const secret = newSecret(env);
  await db
    .updateTable('projects')
    .set({ secret_hash: sha256Hex(secret) })
    .where('id', '=', projectId)
    .execute();
  return secret;
}

/** Runs inside {@link inBootstrapLock}: `trx` is its transaction, so check and create are one step. */
async function ensureEnvironment(
  trx: Db,
  env: ProjectEnv,
  stored: EnvironmentCredentials | undefined,
  canRotate: boolean,
  now: () => number,
): Promise<{ credentials: EnvironmentCredentials; changed: boolean }> {
  const existing = await environmentRow(trx, env);
  if (existing === undefined) {
    const credentials = {
      project_id: newId('project', env),
      secret: newSecret(env),
      public_token: newId('public-token', env),
    };
    await insertEnvironmentProject(trx, env, credentials, now);
    return { credentials, changed: true };
  }
  if (
    stored !== undefined &&
    stored.project_id === existing.id &&
    digestsEqual(existing.secret_hash, sha256Hex(stored.secret))
  ) {
    return { credentials: { ...stored, public_token: existing.public_token }, changed: false };
  }
  // The loser of a start-up race on a shared database lands here too: the winner's secret is not ours to know.
  if (!canRotate)
    return {
      credentials: { project_id: existing.id, secret: '', public_token: existing.public_token },
      changed: false,
    };
  const secret = await rotateSecret(trx, existing.id, env);
  return { credentials: { project_id: existing.id, secret, public_token: existing.public_token }, changed: true };
}

/**
 * Returns both environments' credentials, creating the `test` and `live` projects on an empty
 * database (test gets `http://localhost:3000` as default redirect URL for every type and as
 * authorized origin). Plaintext secrets exist only in `<dataDir>/project.json`. With the embedded
 * database the data dir owns the data, so when that file is missing or stale its secret is rotated
 * and the file rewritten: the operator always holds working ones. A shared database (`shared`, i.e.
 * PostgreSQL) may serve other instances that use the secret, so it is never rotated as a side effect:
 * the secret is reported as `''` and `orgauth-server secret rotate` issues a new one on purpose.
 *
 * Safe to run from several servers starting at once: check and create run under one lock
 * ({@link inBootstrapLock}), so exactly one caller creates each environment's project and the others
 * find it.
 */
export async function ensureProjects(
  db: Db,
  dataDir: string | undefined,
  now: () => number,
  shared = false,
): Promise<ProjectCredentials> {
  const canRotate = dataDir !== undefined && !shared;
  return inBootstrapLock(db, async (trx) => {
    // Read under the lock: a concurrent bootstrap sharing this data dir has written the file by now.
    const stored = readCredentials(dataDir);
    const test = await ensureEnvironment(trx, 'test', stored.test, canRotate, now);
    const live = await ensureEnvironment(trx, 'live', stored.live, canRotate, now);
    const credentials: ProjectCredentials = { ...test.credentials, live: live.credentials };
    // Written before the commit, still under the lock, for the same reason. Should the commit then
    // fail, the file names rows that do not exist, and the next start treats it as any stale file.
    if (test.changed || live.changed) writeCredentials(dataDir, credentials);
    return credentials;
  });
}

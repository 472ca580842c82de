import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../db/schema.js';
import { digestsEqual, newId, newSecret, sha256Hex } from '../lib/crypto.js';
import type { ProjectStore } from './projects.js';

/** The test project's credentials as handed to the operator (`project.json`). */
export interface ProjectCredentials {
  project_id: string;
  secret: string;
  public_token: string;
}

const DEFAULT_APP_URL = 'http://localhost:3000';

function readCredentials(dataDir: string | undefined): ProjectCredentials | undefined {
  if (dataDir === undefined) return undefined;
  try {
    const parsed = JSON.parse(readFileSync(join(dataDir, 'project.json'), 'utf8')) as Partial<ProjectCredentials>;
    if (typeof parsed.project_id === 'string' && typeof parsed.secret === 'string' && typeof parsed.public_token === 'string') {
      return { project_id: parsed.project_id, secret: parsed.secret, public_token: parsed.public_token };
    }
  } catch {
    // Missing or unreadable: the caller decides whether to rotate.
  }
  return undefined;
}

function writeCredentials(dataDir: string | undefined, credentials: ProjectCredentials): void {
  if (dataDir === undefined) return;
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = join(dataDir, 'project.json');
  writeFileSync(file, `${JSON.stringify(credentials, null, 2)}\n`, { mode: 0o600 });
  // writeFileSync's mode only applies on creation; an existing file keeps its mode otherwise.
  chmodSync(file, 0o600);
}

/**
 * Returns the test project, creating it (with `http://localhost:3000` as default redirect URL for every
 * type and as authorized origin) on an empty database. The plaintext secret exists only in
 * `<dataDir>/project.json`; when that file is missing or stale, the secret is rotated and rewritten so
 * the operator always holds a working one. Without a `dataDir` the secret of an existing project
 * cannot be recovered and is returned as `''`.
 */
export async function ensureTestProject(db: Db, projects: ProjectStore, dataDir: string | undefined, now: () => number): Promise<ProjectCredentials> {
  const existing = await db.selectFrom('projects').selectAll().where('env', '=', 'test').orderBy('created_at').executeTakeFirst();
  if (existing === undefined) {
    const credentials: ProjectCredentials = { project_id: newId('project'), secret: newSecret(), public_token: newId('public-token') };
    await db
      .insertInto('projects')
      .values({
        id: credentials.project_id,
        env: 'test',
        name: 'OrgAuth test project',
        public_token: credentials.public_token,
        secret_hash: sha256Hex(credentials.secret),
        created_at: now(),
      })
      .execute();
    await projects.addRedirectUrl(credentials.project_id, DEFAULT_APP_URL, undefined, true);
    await projects.addAuthorizedOrigin(credentials.project_id, DEFAULT_APP_URL);
    writeCredentials(dataDir, credentials);
    return credentials;
  }
  const stored = readCredentials(dataDir);
  if (stored !== undefined && stored.project_id === existing.id && digestsEqual(existing.secret_hash, sha256Hex(stored.secret))) {
    return { project_id: existing.id, secret: stored.secret, public_token: existing.public_token };
  }
  if (dataDir === undefined) return { project_id: existing.id, secret: '', public_token: existing.public_token };
  const secret = newSecret();
  await db.updateTable('projects').set({ secret_hash: sha256Hex(secret) }).where('id', '=', existing.id).execute();
  const credentials = { project_id: existing.id, secret, public_token: existing.public_token };
  writeCredentials(dataDir, credentials);
  return credentials;
}

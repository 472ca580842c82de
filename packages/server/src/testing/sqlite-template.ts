import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../db/database.js';
import { migrateToLatest } from '../db/migrations/index.js';
import { inject } from 'vitest';

const KEY = Symbol.for('orgauth.sqliteTemplate');

/** The name `provide`d by the global setup (schema-pool-setup.ts) and `inject`ed here. */
export const SQLITE_TEMPLATE = 'orgauthSqliteTemplate';

/**
 * A migrated, empty SQLite file in a new temp dir. Made through db/database.ts like a server's own
 * file (WAL, checkpointed, closed), so a copy is what a first start would have left.
 */
export async function makeSqliteTemplate(): Promise<{ file: string; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'orgauth-template-'));
  const database = openDatabase({ dataDir: dir });
  try {
    await migrateToLatest(database.db as never);
    await database.checkpoint();
  } finally {
    await database.close();
  }
  return { file: join(dir, 'orgauth.db'), dir };
}

/**
 * The run's template (made once by the global setup), else one per process, kept on `globalThis` and
 * removed at exit. Running the migrations was most of a test server's start on SQLite; copying their
 * result is a file copy.
 */
async function template(): Promise<string> {
  const provided = inject(SQLITE_TEMPLATE);
  if (provided !== undefined) return provided;
  const scope = globalThis as Record<symbol, unknown>;
  let made = scope[KEY] as Promise<string> | undefined;
  if (made === undefined) {
    made = makeSqliteTemplate().then(({ file, dir }) => {
      process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
      return file;
    });
    made.catch(() => delete scope[KEY]);
    scope[KEY] = made;
  }
  return made;
}

/** Puts a copy of the migrated template at `<dataDir>/orgauth.db` (db/database.ts), for a server to open. */
export async function copySqliteTemplate(dataDir: string): Promise<void> {
  copyFileSync(await template(), join(dataDir, 'orgauth.db'));
}

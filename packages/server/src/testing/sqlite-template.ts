import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../db/database.js';
import { migrateToLatest } from '../db/migrations/index.js';

const KEY = Symbol.for('orgauth.sqliteTemplate');

/**
 * A migrated, empty SQLite file, made once per process (kept on `globalThis`, so every test file of
 * a worker shares it) and removed at exit. Running the migrations was most of a test server's start
 * on SQLite; copying their result is a file copy. The template is opened and closed through
 * db/database.ts like a server's own file (WAL, checkpointed on close), so the copy is what a first
 * start would have left.
 */
async function template(): Promise<string> {
  const scope = globalThis as Record<symbol, unknown>;
  let made = scope[KEY] as Promise<string> | undefined;
  if (made === undefined) {
    made = (async () => {
      const dir = mkdtempSync(join(tmpdir(), 'orgauth-template-'));
      process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
      const database = openDatabase({ dataDir: dir });
      try {
        await migrateToLatest(database.db as never);
        await database.checkpoint();
      } finally {
        await database.close();
      }
      return join(dir, 'orgauth.db');
    })();
    made.catch(() => delete scope[KEY]);
    scope[KEY] = made;
  }
  return made;
}

/** Puts a copy of the migrated template at `<dataDir>/orgauth.db` (db/database.ts), for a server to open. */
export async function copySqliteTemplate(dataDir: string): Promise<void> {
  copyFileSync(await template(), join(dataDir, 'orgauth.db'));
}

import { type OpenDatabase, openDatabase } from '../db/database.js';
import { migrateToLatest } from '../db/migrations/index.js';
import { ensureProjects, environmentRow, type ProjectEnv } from '../projects/index.js';
import type { CommandIo } from './project-commands.js';

/** The database an operator command works on, migrated, and the id of the environment's project. */
export interface CommandEnvironment {
  database: OpenDatabase;
  projectId: string;
}

/**
 * Opens the server's database (`DATABASE_URL`, else SQLite in `dataDir`), migrates it, and finds the
 * project of `env`. Only an empty database gets its projects created here; existing secrets are never
 * rotated as a side effect of a command that did not ask for it. The caller closes `database`; on a
 * failure here it is closed already.
 */
export async function openCommandEnvironment(
  dataDir: string,
  env: ProjectEnv,
  io: CommandIo,
  now: () => number,
): Promise<CommandEnvironment> {
  const databaseUrl = io.env.DATABASE_URL;
  const database = openDatabase({ dataDir, databaseUrl });
  try {
    await migrateToLatest(database.db as never);
    let row = await environmentRow(database.db, env);
    if (row === undefined) {
      await ensureProjects(database.db, dataDir, now, databaseUrl !== undefined && databaseUrl !== '');
      row = await environmentRow(database.db, env);
    }
    if (row === undefined) throw new Error(`No ${env} project.`);
    return { database, projectId: row.id };
  } catch (error) {
    await database.close();
    throw error;
  }
}

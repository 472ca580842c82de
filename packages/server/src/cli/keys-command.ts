import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '../db/database.js';
import { migrateToLatest } from '../db/migrations/index.js';
import { KEY_OVERLAP_MS, rotateSigningKey, type RotationResult } from '../sessions/index.js';
import { checkSecretBoxKey, loadSecretBox } from '../lib/secret-box.js';

/** `--help` text of `orgauth-server keys`. */
export const KEYS_USAGE = `Usage: orgauth-server keys rotate [options]

Rotates the session-JWT signing key: the published next key starts signing, a new next key is
published, and the old key stays in the JWKS for ${KEY_OVERLAP_MS / 60_000} minutes so JWTs it signed keep verifying.
Running servers pick the new key up at once (keys live in the database).

Options:
  --data-dir <dir>     SQLite database location (default ./.orgauth; ignored with DATABASE_URL)
  --project-id <id>    Rotate only this project (default: every project)
  --help               Show this help

Environment:
  DATABASE_URL         postgres://… to use PostgreSQL instead of SQLite
  ORGAUTH_ENCRYPTION_KEY  the servers' encryption key (default: <data-dir>/encryption.key)
`;

/** Where the command writes (injectable for tests). */
export interface KeysCommandIo {
  env: Record<string, string | undefined>;
  out(text: string): void;
  err(text: string): void;
}

/**
 * Runs `orgauth-server keys <subcommand>` (argv after `keys`).
 * @returns the process exit code: 0 done, 1 failure (e.g. unknown project), 2 usage error.
 */
export async function runKeysCommand(argv: string[], io: KeysCommandIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        'data-dir': { type: 'string', default: './.orgauth' },
        'project-id': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: true,
    });
  } catch (error) {
    io.err(`${(error as Error).message}\n\n${KEYS_USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.out(KEYS_USAGE);
    return 0;
  }
  if (positionals.length !== 1 || positionals[0] !== 'rotate') {
    io.err(`Unknown keys command "${positionals.join(' ')}".\n\n${KEYS_USAGE}`);
    return 2;
  }
  const database = openDatabase({ dataDir: resolve(values['data-dir']), databaseUrl: io.env.DATABASE_URL });
  try {
    await migrateToLatest(database.db as never);
    // New keys are sealed with the servers' key (same data dir / ORGAUTH_ENCRYPTION_KEY), checked first.
    let box;
    try {
      box = loadSecretBox({ env: io.env, dataDir: resolve(values['data-dir']) });
      await checkSecretBoxKey(database.db, box, Date.now());
    } catch (error) {
      io.err(`${(error as Error).message}\n`);
      return 1;
    }
    let query = database.db.selectFrom('projects').select('id').orderBy('id');
    if (values['project-id'] !== undefined) query = query.where('id', '=', values['project-id']);
    const projects = await query.execute();
    if (projects.length === 0) {
      io.err(
        values['project-id'] === undefined
          ? 'No projects in this database.\n'
          : `Unknown project ${values['project-id']}.\n`,
      );
      return 1;
    }
    const results: RotationResult[] = [];
    for (const { id } of projects) results.push(await rotateSigningKey(database.db, id, Date.now(), box));
    for (const r of results)
      io.out(`${r.projectId}: signing with ${r.kid}; retired ${r.retiredKid ?? '(none)'}; next ${r.nextKid}\n`);
    return 0;
  } finally {
    await database.close();
  }
}

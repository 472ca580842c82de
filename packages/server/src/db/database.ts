import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import {
  CompiledQuery,
  type DatabaseConnection,
  type Driver,
  Kysely,
  PostgresDialect,
  SqliteDialect,
  type SqliteDialectConfig,
  SqliteDriver,
  sql,
} from 'kysely';
import type pg from 'pg';
import { lazyRequire } from '../lib/lazy.js';
import type { Database, Db } from './schema.js';
import { withStatementCache } from './statement-cache.js';

/** Which engine backs the store. */
export type DialectName = 'sqlite' | 'postgres';

/** An open database: the query builder plus engine-specific housekeeping. */
export interface OpenDatabase {
  db: Db;
  dialect: DialectName;
  /** SQLite only: folds the WAL into the main file (used by tests that inspect the file bytes). */
  checkpoint(): Promise<void>;
  close(): Promise<void>;
}

/** Where the data lives. */
export interface DatabaseLocation {
  dataDir: string;
  databaseUrl?: string | undefined;
}

const INT8_OID = 20;
/** PostgreSQL's driver, loaded only when a `databaseUrl` asks for it (lib/lazy.ts). */
const loadPg = lazyRequire<typeof pg>('pg');

/**
 * Kysely's SQLite driver with `BEGIN IMMEDIATE` transactions. A plain `BEGIN` starts as a reader
 * and upgrades to a writer at its first write; when another process (a sibling server, a
 * `--workers` worker) wrote in between, SQLite refuses the upgrade at once with SQLITE_BUSY_SNAPSHOT,
 * whatever the busy timeout, and the request failed. Taking the write lock at BEGIN makes a second
 * writer wait its turn (`busy_timeout`) instead. Our transactions exist to write, so nothing is lost.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

/** {@link SqliteDialect} with {@link ImmediateSqliteDriver}. */
class ImmediateSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;
  constructor(config: SqliteDialectConfig) {
    super(config);
    this.#config = config;
  }
  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#config);
  }
}

/**
 * Opens SQLite (`<dataDir>/orgauth.db`, WAL) or, with a `postgres://` URL, a PostgreSQL pool.
 * @throws Error for an unsupported URL scheme.
 */
export function openDatabase(location: DatabaseLocation): OpenDatabase {
  const url = location.databaseUrl;
  if (url !== undefined && url !== '') {
    if (!/^postgres(ql)?:\/\//.test(url)) throw new Error('databaseUrl must be a postgres:// URL.');
    const { Pool, types } = loadPg();
    const pool = new Pool({
      connectionString: url,
      max: 10,
      // Timestamps are bigint columns; epoch milliseconds fit a double exactly, so read them as numbers.
      types: {
        getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
          oid === INT8_OID
            ? (value: string) => Number(value)
            : types.getTypeParser(oid, format)) as typeof types.getTypeParser,
      },
    });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, dialect: 'postgres', checkpoint: async () => {}, close: () => db.destroy() };
  }
  mkdirSync(location.dataDir, { recursive: true, mode: 0o700 });
  const file = new SqliteDatabase(join(location.dataDir, 'orgauth.db'));
  file.pragma('journal_mode = WAL');
  file.pragma('busy_timeout = 5000');
  file.pragma('synchronous = NORMAL');
  file.pragma('foreign_keys = ON');
  // Overwrite deleted rows (consumed mails, purged tokens) instead of leaving them in free pages.
  file.pragma('secure_delete = ON');
  const db = new Kysely<Database>({ dialect: new ImmediateSqliteDialect({ database: withStatementCache(file) }) });
  return {
    db,
    dialect: 'sqlite',
    checkpoint: async () => {
      await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(db);
    },
    close: () => db.destroy(),
  };
}

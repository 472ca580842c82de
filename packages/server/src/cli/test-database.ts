import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** Where a CLI test's commands and server keep their data, and how to throw it away. */
export interface CliTestDatabase {
  /** `DATABASE_URL` for the commands, on the PostgreSQL pass; absent for SQLite in the data dir. */
  databaseUrl?: string;
  /** Drops the schema (PostgreSQL); nothing for SQLite, whose file goes with the data dir. */
  drop(): Promise<void>;
}

async function run(connectionString: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/**
 * A database for one CLI test. With `ORGAUTH_TEST_DATABASE_URL` set, a schema of its own on that
 * server, reached through `search_path` as an operator's `DATABASE_URL` would be: the commands run
 * in child processes and through `createOrgAuthServer`, so the test servers' schema pool
 * (testing/test-server.ts) cannot hand them one.
 */
export async function cliTestDatabase(): Promise<CliTestDatabase> {
  const base = process.env.ORGAUTH_TEST_DATABASE_URL;
  if (!base) return { drop: async () => {} };
  const schema = `orgauth_cli_${randomBytes(6).toString('hex')}`;
  await run(base, `CREATE SCHEMA ${schema}`);
  const url = new URL(base);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return { databaseUrl: url.href, drop: () => run(base, `DROP SCHEMA ${schema} CASCADE`) };
}

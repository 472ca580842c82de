import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Migrator, PostgresAdapter, sql, type Kysely, type Migration } from 'kysely';
import { afterEach, describe, expect, test } from 'vitest';
import { createFreshSchema } from '../../conformance/loopback.js';
import { openDatabase, type OpenDatabase } from '../database.js';
import { MIGRATIONS, migrateToLatest } from './index.js';

/**
 * The names Kysely recorded in `kysely_migration` of every database migrated so far. Renaming one
 * makes Kysely refuse to start on those databases ("previously executed migration … is missing"), so
 * this list only ever grows at its end.
 */
const RECORDED_NAMES = [
  '0001_initial',
  '0100_organizations_members_sso',
  '0300_sessions_keys',
  '0400_projects_limits',
  '0500_event_logs',
  '0600_sso_saml',
  '0700_oidc_secret_box',
  '0800_dev_idp',
  '0900_member_roles_format',
  '1000_sso_browser_binding',
  '1100_mail_from',
  '1200_email_otps',
  '1300_oauth',
  '1310_oauth_discovery',
  '1330_sso_discovery',
  '1400_rbac_policies',
  '1500_email_customization',
  '1600_member_passwords',
];

const pgBase = process.env.ORGAUTH_TEST_DATABASE_URL;
const ENGINES: Array<'sqlite' | 'postgres'> = pgBase ? ['sqlite', 'postgres'] : ['sqlite'];
const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A fresh, empty database: SQLite in a temporary folder, or a fresh PostgreSQL schema. */
async function freshDatabase(engine: 'sqlite' | 'postgres'): Promise<OpenDatabase> {
  const dataDir = mkdtempSync(join(tmpdir(), 'orgauth-migrations-'));
  cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
  let databaseUrl: string | undefined;
  if (engine === 'postgres') {
    const schema = await createFreshSchema(pgBase as string);
    cleanups.push(() => schema.drop());
    databaseUrl = schema.databaseUrl;
  }
  const database = openDatabase({ dataDir, databaseUrl });
  cleanups.push(() => database.close());
  return database;
}

/**
 * Kysely's migrator pinned to the connection's own schema, as migrateToLatest (./index.ts) does: left
 * unpinned, it takes any other schema's `kysely_migration` (a parallel test server's) for its own.
 */
async function migrator(db: Kysely<unknown>, migrations: Record<string, Migration>): Promise<Migrator> {
  const schema =
    db.getExecutor().adapter instanceof PostgresAdapter
      ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(db)).rows[0]?.schema
      : undefined;
  return new Migrator({
    db,
    provider: { getMigrations: () => Promise.resolve(migrations) },
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
}

/** Runs only the first `count` migrations, under their recorded names: a database of an older release. */
async function migrateFirst(db: Kysely<unknown>, count: number): Promise<void> {
  const older: Record<string, Migration> = Object.fromEntries(Object.entries(MIGRATIONS).slice(0, count));
  const { error } = await (await migrator(db, older)).migrateToLatest();
  expect(error).toBeUndefined();
}

const recorded = async (db: Kysely<unknown>) =>
  (
    await (db as Kysely<{ kysely_migration: { name: string } }>)
      .selectFrom('kysely_migration')
      .select('name')
      .orderBy('name')
      .execute()
  ).map((r) => r.name);

describe('migrations', () => {
  test('keep the names existing databases recorded, in order, one file each named after its migration', () => {
    expect(Object.keys(MIGRATIONS).slice(0, RECORDED_NAMES.length)).toEqual(RECORDED_NAMES);
    const files = readdirSync(import.meta.dirname).filter((f) => /^\d{4}_.*\.ts$/.test(f) && !f.endsWith('.test.ts'));
    expect(files.map((f) => f.replace(/\.ts$/, '')).sort()).toEqual(Object.keys(MIGRATIONS).sort());
  });

  describe.each(ENGINES)('%s', (engine) => {
    test.each([1, 4, RECORDED_NAMES.length])(
      'a database migrated through the first %i recorded migrations migrates to the latest',
      async (count) => {
        const { db } = await freshDatabase(engine);
        await migrateFirst(db as Kysely<unknown>, count);
        expect(await recorded(db as Kysely<unknown>)).toEqual(RECORDED_NAMES.slice(0, count));
        await migrateToLatest(db as Kysely<unknown>);
        expect(await recorded(db as Kysely<unknown>)).toEqual(Object.keys(MIGRATIONS).sort());
        // The schema is usable: the latest migration's column is there.
        await db
          .insertInto('projects')
          .values({
            id: 'project-test-1',
            env: 'test',
            name: 'P',
            public_token: 'pt',
            secret_hash: 'h',
            created_at: 1,
          } as never)
          .execute();
        expect(await db.selectFrom('mails').select('from_address').execute()).toEqual([]);
        expect(await db.selectFrom('email_otps').select(['code_hash', 'attempts']).execute()).toEqual([]);
        // And a second start migrates nothing.
        await migrateToLatest(db as Kysely<unknown>);
        expect(await recorded(db as Kysely<unknown>)).toHaveLength(Object.keys(MIGRATIONS).length);
      },
    );

    test('a database that recorded a name this build does not know is refused, never half-migrated', async () => {
      const { db } = await freshDatabase(engine);
      const renamed = Object.fromEntries(
        Object.entries(MIGRATIONS).map(([name, m], i) => [i === 1 ? `${name}_renamed` : name, m]),
      );
      await (await migrator(db as Kysely<unknown>, renamed)).migrateToLatest();
      await expect(migrateToLatest(db as Kysely<unknown>)).rejects.toThrow(/Database migration failed/);
    });
  });
});

import { Migrator, PostgresAdapter, sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import { migration as m0001 } from './0001_initial.js';
import { migration as m0100 } from './0100_organizations_members_sso.js';
import { migration as m0300 } from './0300_sessions_keys.js';
import { migration as m0400 } from './0400_projects_limits.js';
import { migration as m0500 } from './0500_event_logs.js';
import { migration as m0600 } from './0600_sso_saml.js';
import { migration as m0700 } from './0700_oidc_secret_box.js';
import { migration as m0800 } from './0800_dev_idp.js';
import { migration as m0900 } from './0900_member_roles_format.js';
import { migration as m1000 } from './1000_sso_browser_binding.js';
import { migration as m1100 } from './1100_mail_from.js';
import { migration as m1200 } from './1200_email_otps.js';
import { migration as m1300 } from './1300_oauth.js';
import { migration as m1310 } from './1310_oauth_discovery.js';
import { migration as m1330 } from './1330_sso_discovery.js';
import { migration as m1400 } from './1400_rbac_policies.js';
import { migration as m1500 } from './1500_email_customization.js';
import { migration as m1600 } from './1600_member_passwords.js';
import { migration as m1610 } from './1610_password_resets.js';
import { migration as m1700 } from './1700_mfa.js';
import { migration as m1710 } from './1710_sms_otps.js';
import { migration as m1800 } from './1800_sso_mfa_trust.js';

/**
 * Every migration by the name recorded in `kysely_migration`, one file each, named after it. The names
 * are what existing databases hold: never rename one (migrations.test.ts pins them), only append.
 * One set for SQLite and PostgreSQL: only portable column types ('text', 'bigint', 'integer'); SQLite
 * gives 'bigint' INTEGER affinity, so timestamps are integers on both.
 */
export const MIGRATIONS: Readonly<Record<string, Migration>> = {
  '0001_initial': m0001,
  '0100_organizations_members_sso': m0100,
  '0300_sessions_keys': m0300,
  '0400_projects_limits': m0400,
  '0500_event_logs': m0500,
  '0600_sso_saml': m0600,
  '0700_oidc_secret_box': m0700,
  '0800_dev_idp': m0800,
  '0900_member_roles_format': m0900,
  '1000_sso_browser_binding': m1000,
  '1100_mail_from': m1100,
  '1200_email_otps': m1200,
  '1300_oauth': m1300,
  '1310_oauth_discovery': m1310,
  '1330_sso_discovery': m1330,
  '1400_rbac_policies': m1400,
  '1500_email_customization': m1500,
  '1600_member_passwords': m1600,
  '1610_password_resets': m1610,
  '1700_mfa': m1700,
  '1710_sms_otps': m1710,
  '1800_sso_mfa_trust': m1800,
};

const provider: MigrationProvider = { getMigrations: () => Promise.resolve({ ...MIGRATIONS }) };

/**
 * Brings the schema up to date. Kysely's migrator takes a lock, so several servers starting at once
 * against one PostgreSQL migrate exactly once.
 * @throws Error when a migration fails (the server must not start on a half-migrated schema).
 */
export async function migrateToLatest(db: Kysely<unknown>): Promise<void> {
  // Kysely looks for its bookkeeping tables in every schema unless told one: a `kysely_migration`
  // table in any other schema of the database (another app, a crashed test) would make it skip
  // creating ours and then fail. Pin it to the connection's own schema.
  const schema =
    db.getExecutor().adapter instanceof PostgresAdapter
      ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(db)).rows[0]?.schema
      : undefined;
  const migrator = new Migrator({ db, provider, ...(schema ? { migrationTableSchema: schema } : {}) });
  let { error, results } = await migrator.migrateToLatest();
  // Kysely's table check introspects every schema; one dropped meanwhile by someone else (parallel
  // test runs, another app) fails that query with 3F000/42P01 before any migration ran. Retry it.
  for (let attempt = 0; attempt < 5 && results === undefined && isVanishedRelation(error); attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 50 * (attempt + 1)));
    ({ error, results } = await migrator.migrateToLatest());
  }
  const failed = results?.find((r) => r.status === 'Error');
  if (error !== undefined || failed !== undefined) {
    throw new Error(`Database migration failed${failed ? ` at ${failed.migrationName}` : ''}.`, { cause: error });
  }
}

function isVanishedRelation(error: unknown): boolean {
  const code = (error as { code?: unknown } | undefined)?.code;
  return code === '3F000' || code === '42P01';
}

import { Migrator, PostgresAdapter, sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import { migration0100 } from './migration-0100.js';
import { migration0300 } from './migration-0300.js';
import { migration0400 } from './migration-0400.js';
import { eventLogsMigration } from './migration-0500.js';
import { ssoSamlMigration } from './migration-0600.js';
import { migration0700 } from './migration-0700.js';
import { devIdpMigration } from './migration-0800.js';
import { memberRolesFormatMigration } from './migration-0900.js';
import { ssoBrowserBindingMigration } from './migration-1000.js';
import { mailFromMigration } from './migration-1100.js';

// One set of migrations for SQLite and PostgreSQL: only portable column types ('text', 'bigint',
// 'integer'); SQLite gives 'bigint' INTEGER affinity, so timestamps are integers on both.
const initial: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('projects')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('env', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('public_token', 'text', (c) => c.notNull().unique())
      .addColumn('secret_hash', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('redirect_urls')
      .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id'))
      .addColumn('url', 'text', (c) => c.notNull())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('is_default', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('redirect_urls_pk', ['project_id', 'type', 'url'])
      .execute();
    await db.schema
      .createTable('authorized_origins')
      .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id'))
      .addColumn('origin', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('authorized_origins_pk', ['project_id', 'origin'])
      .execute();
    await db.schema
      .createTable('organizations')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('slug', 'text', (c) => c.notNull())
      .addColumn('logo_url', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('trusted_metadata', 'text', (c) => c.notNull().defaultTo('{}'))
      .addColumn('email_allowed_domains', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('email_jit_provisioning', 'text', (c) => c.notNull())
      .addColumn('email_invites', 'text', (c) => c.notNull())
      .addColumn('sso_jit_provisioning', 'text', (c) => c.notNull())
      .addColumn('auth_methods', 'text', (c) => c.notNull())
      .addColumn('allowed_auth_methods', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('mfa_policy', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .addUniqueConstraint('organizations_project_slug_uq', ['project_id', 'slug'])
      .execute();
    await db.schema
      .createTable('organization_domains')
      .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
      .addColumn('project_id', 'text', (c) => c.notNull())
      .addColumn('domain', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('organization_domains_pk', ['organization_id', 'domain'])
      .execute();
    await db.schema.createIndex('organization_domains_lookup').on('organization_domains').columns(['project_id', 'domain']).execute();
    await db.schema
      .createTable('members')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('project_id', 'text', (c) => c.notNull())
      .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
      .addColumn('email', 'text', (c) => c.notNull())
      .addColumn('email_id', 'text', (c) => c.notNull())
      .addColumn('email_verified', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('name', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('roles', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('trusted_metadata', 'text', (c) => c.notNull().defaultTo('{}'))
      .addColumn('untrusted_metadata', 'text', (c) => c.notNull().defaultTo('{}'))
      .addColumn('is_breakglass', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .addUniqueConstraint('members_org_email_uq', ['organization_id', 'email'])
      .execute();
    await db.schema.createIndex('members_by_email').on('members').columns(['project_id', 'email']).execute();
    await db.schema
      .createTable('one_time_tokens')
      .addColumn('hash', 'text', (c) => c.primaryKey())
      .addColumn('project_id', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('email', 'text', (c) => c.notNull())
      .addColumn('organization_id', 'text')
      .addColumn('pkce_challenge', 'text')
      .addColumn('redirect_url', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'bigint', (c) => c.notNull())
      .addColumn('used_at', 'bigint')
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('intermediate_sessions')
      .addColumn('hash', 'text', (c) => c.primaryKey())
      .addColumn('project_id', 'text', (c) => c.notNull())
      .addColumn('email', 'text', (c) => c.notNull())
      .addColumn('factors', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'bigint', (c) => c.notNull())
      .addColumn('used_at', 'bigint')
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('sessions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('project_id', 'text', (c) => c.notNull())
      .addColumn('token_hash', 'text', (c) => c.notNull().unique())
      .addColumn('member_id', 'text', (c) => c.notNull().references('members.id'))
      .addColumn('organization_id', 'text', (c) => c.notNull())
      .addColumn('started_at', 'bigint', (c) => c.notNull())
      .addColumn('last_accessed_at', 'bigint', (c) => c.notNull())
      .addColumn('expires_at', 'bigint', (c) => c.notNull())
      .addColumn('factors', 'text', (c) => c.notNull())
      .addColumn('revoked_at', 'bigint')
      .execute();
    await db.schema.createIndex('sessions_by_member').on('sessions').column('member_id').execute();
    await db.schema
      .createTable('signing_keys')
      .addColumn('kid', 'text', (c) => c.primaryKey())
      .addColumn('project_id', 'text', (c) => c.notNull().unique())
      .addColumn('alg', 'text', (c) => c.notNull())
      .addColumn('private_jwk', 'text', (c) => c.notNull())
      .addColumn('public_jwk', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('mails')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('project_id', 'text', (c) => c.notNull())
      .addColumn('to_address', 'text', (c) => c.notNull())
      .addColumn('subject', 'text', (c) => c.notNull())
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('html', 'text', (c) => c.notNull())
      .addColumn('sent_at', 'bigint', (c) => c.notNull())
      .addColumn('seq', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('mails_by_time').on('mails').column('sent_at').execute();
  },
};

const provider: MigrationProvider = {
  getMigrations: () => Promise.resolve({ '0001_initial': initial, '0100_organizations_members_sso': migration0100, '0300_sessions_keys': migration0300, '0400_projects_limits': migration0400, '0500_event_logs': eventLogsMigration, '0600_sso_saml': ssoSamlMigration, '0700_oidc_secret_box': migration0700, '0800_dev_idp': devIdpMigration, '0900_member_roles_format': memberRolesFormatMigration, '1000_sso_browser_binding': ssoBrowserBindingMigration, '1100_mail_from': mailFromMigration }),
};

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

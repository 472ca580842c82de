import type { Kysely, Migration } from 'kysely';

/**
 * `0001_initial`: projects, redirect URLs, authorized origins, organizations and their domains,
 * members, one-time tokens, intermediate sessions, sessions, signing keys and the dev mailbox.
 */
export const migration: Migration = {
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
    await db.schema
      .createIndex('organization_domains_lookup')
      .on('organization_domains')
      .columns(['project_id', 'domain'])
      .execute();
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

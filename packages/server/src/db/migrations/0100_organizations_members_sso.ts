import type { Kysely, Migration } from 'kysely';

/**
 * `0100_organizations_members_sso`: the organization and member fields of the backend API
 * beyond the skeleton, the member pagination index, and SSO connection records.
 *
 * Portable on purpose (SQLite and PostgreSQL): `ALTER TABLE … ADD COLUMN` with constant defaults,
 * text for JSON, integer 0/1 for booleans, bigint epoch-ms. Unique indexes on nullable external ids
 * rely on NULLs being distinct, which both engines guarantee.
 */
export const migration: Migration = {
  async up(db: Kysely<unknown>) {
    const orgColumns: [string, string][] = [
      ['sso_jit_provisioning_allowed_connections', '[]'],
      // Denormalised `{connection_id, display_name, identity_provider}[]` of the active connections,
      // rewritten in the same transaction as every connection change, so that serializing an
      // organization anywhere needs no extra query.
      ['sso_active_connections', '[]'],
      // Stored-and-returned settings that no flow of ours enforces yet (MFA methods, RBAC implicit
      // roles, OAuth tenants, claimed domains): one JSON object instead of ten columns.
      ['extra_settings', '{}'],
    ];
    for (const [name, fallback] of orgColumns) {
      await db.schema
        .alterTable('organizations')
        .addColumn(name, 'text', (c) => c.notNull().defaultTo(fallback))
        .execute();
    }
    await db.schema.alterTable('organizations').addColumn('external_id', 'text').execute();
    await db.schema.alterTable('organizations').addColumn('sso_default_connection_id', 'text').execute();
    await db.schema
      .createIndex('organizations_external_id_uq')
      .on('organizations')
      .columns(['project_id', 'external_id'])
      .unique()
      .execute();

    await db.schema.alterTable('members').addColumn('external_id', 'text').execute();
    await db.schema
      .alterTable('members')
      .addColumn('mfa_phone_number', 'text', (c) => c.notNull().defaultTo(''))
      .execute();
    await db.schema
      .alterTable('members')
      .addColumn('mfa_enrolled', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema
      .alterTable('members')
      .addColumn('default_mfa_method', 'text', (c) => c.notNull().defaultTo(''))
      .execute();
    await db.schema
      .createIndex('members_external_id_uq')
      .on('members')
      .columns(['organization_id', 'external_id'])
      .unique()
      .execute();
    // The listing order (created_at, id) of GET /organizations/{id}/members, served from the index.
    await db.schema
      .createIndex('members_by_org_created')
      .on('members')
      .columns(['organization_id', 'created_at', 'id'])
      .execute();

    await db.schema
      .createTable('sso_connections')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('project_id', 'text', (c) => c.notNull())
      .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('display_name', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('identity_provider', 'text', (c) => c.notNull().defaultTo('generic'))
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('idp_entity_id', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('idp_sso_url', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('idp_metadata_url', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('x509_certificates', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('attribute_mapping', 'text', (c) => c.notNull().defaultTo('{}'))
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('sso_connections_by_org')
      .on('sso_connections')
      .columns(['organization_id', 'created_at'])
      .execute();
  },
};

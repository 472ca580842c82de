import type { Kysely, Migration } from 'kysely';

/**
 * `1200_email_otps`: email one-time codes (otps/codes.ts). One row per project, organization (`''`
 * for discovery) and email, so a new send replaces the previous code in the same statement. Only a
 * keyed digest of the code is stored (`code_hash`, with its per-code `salt`); `attempts` counts the
 * tries against it.
 */
export const migration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('email_otps')
      .addColumn('project_id', 'text', (c) => c.notNull())
      .addColumn('organization_id', 'text', (c) => c.notNull())
      .addColumn('email', 'text', (c) => c.notNull())
      .addColumn('code_hash', 'text', (c) => c.notNull())
      .addColumn('salt', 'text', (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('expires_at', 'bigint', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('email_otps_pk', ['project_id', 'organization_id', 'email'])
      .execute();
  },
};

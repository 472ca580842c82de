import type { Kysely, Migration } from 'kysely';

/**
 * `0400_projects_limits`: per-environment IP allowlist for the backend API and the
 * database-backed rate-limit counters (servers are stateless, so counters live where every instance
 * sees them).
 */
export const migration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('project_ip_allowlist')
      .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id'))
      .addColumn('ip', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('project_ip_allowlist_pk', ['project_id', 'ip'])
      .execute();
    // One fixed-window counter per (project, bucket, key). `key_hash` is SHA-256 of the email / IP /
    // token, so the table holds no addresses or tokens in the clear.
    await db.schema
      .createTable('rate_limits')
      .addColumn('project_id', 'text', (c) => c.notNull())
      .addColumn('bucket', 'text', (c) => c.notNull())
      .addColumn('key_hash', 'text', (c) => c.notNull())
      .addColumn('window_start', 'bigint', (c) => c.notNull())
      .addColumn('count', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('rate_limits_pk', ['project_id', 'bucket', 'key_hash'])
      .execute();
    await db.schema.createIndex('rate_limits_by_window').on('rate_limits').column('window_start').execute();
  },
};

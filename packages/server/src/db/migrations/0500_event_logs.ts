import type { Kysely, Migration } from 'kysely';

/**
 * `0500_event_logs`: one row per request phase (`start`, then `success` or `error`), tied by
 * `request_id`. Portable types only; no column ever holds a body, header, token or secret.
 */
export const migration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('events')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('request_id', 'text', (c) => c.notNull())
      // Null when the request never authenticated (bad key, unknown path).
      .addColumn('project_id', 'text')
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('method', 'text', (c) => c.notNull())
      // The route pattern (`/v1/b2b/organizations/:organization_id`), never the concrete URL.
      .addColumn('route', 'text', (c) => c.notNull())
      .addColumn('http_status', 'integer')
      .addColumn('error_type', 'text')
      .addColumn('duration_ms', 'integer')
      .addColumn('ip_address', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('organization_id', 'text')
      .addColumn('member_id', 'text')
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      // Real-time microseconds: orders events written within one (possibly frozen) clock tick.
      .addColumn('seq', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('events_by_project')
      .on('events')
      .columns(['project_id', 'created_at', 'seq'])
      .execute();
    await db.schema.createIndex('events_by_request').on('events').column('request_id').execute();
    await db.schema.createIndex('events_by_time').on('events').column('created_at').execute();
  },
};

import type { Kysely, Migration } from 'kysely';

/**
 * `1610_password_resets`: the one-time tokens of password resets by email
 * (packages/server/src/passwords/reset-tokens.ts). Only the token's SHA-256 is stored (`hash`);
 * `organization_id` names the organization of an organization reset and is null for a discovery
 * reset; `code_challenge` is the SDK's PKCE challenge (null when the backend started the reset).
 * Spent once through `used_at` (db/consume-once.ts); `expires_at` from the start call's
 * `reset_password_expiration_minutes`.
 */
export const migration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('password_resets')
      .addColumn('hash', 'text', (c) => c.primaryKey())
      .addColumn('project_id', 'text', (c) => c.notNull())
      .addColumn('email', 'text', (c) => c.notNull())
      .addColumn('organization_id', 'text')
      .addColumn('code_challenge', 'text')
      .addColumn('expires_at', 'bigint', (c) => c.notNull())
      .addColumn('used_at', 'bigint')
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('password_resets_email')
      .on('password_resets')
      .columns(['project_id', 'email'])
      .execute();
  },
};

import type { Kysely, Migration } from 'kysely';

const OIDC_COLUMNS = [
  'oidc_issuer',
  'oidc_client_id',
  // Sealed with lib/secret-box.ts (`v1.…`), never plaintext.
  'oidc_client_secret',
  'oidc_authorization_url',
  'oidc_token_url',
  'oidc_userinfo_url',
  'oidc_jwks_url',
  'oidc_custom_scopes',
] as const;

/**
 * `0700_oidc_secret_box`: the OIDC settings of a connection (columns on
 * `sso_connections`, so deleting a connection deletes them), and the fingerprint of the encryption
 * key the database's sealed secrets were made with, so a server started with another key refuses to
 * start instead of failing at the first sign-in. Existing `session_signing_keys.private_jwk` rows are
 * not touched here (a migration cannot know the key): they are sealed on first read.
 */
export const migration: Migration = {
  async up(db: Kysely<unknown>) {
    for (const column of OIDC_COLUMNS) {
      await db.schema
        .alterTable('sso_connections')
        .addColumn(column, 'text', (c) => c.notNull().defaultTo(''))
        .execute();
    }
    await db.schema
      .createTable('secret_box_keys')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('fingerprint', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .execute();
  },
};

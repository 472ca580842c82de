import type { Kysely, Migration } from 'kysely';

/**
 * `0800_dev_idp`: the built-in test identity provider's state (`--dev` only, but the tables always
 * exist so a dev database can be reused). `dev_idp_keys`: one signing key pair per purpose (`saml`,
 * `oidc`), kept so restarts do not break the connections pinned to them. `dev_idp_clients`: the OIDC
 * provider's static clients (one per demo OIDC connection). Private keys and client secrets are
 * sealed with lib/secret-box.ts when the server has a key.
 */
export const migration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('dev_idp_keys')
      .addColumn('purpose', 'text', (c) => c.primaryKey())
      .addColumn('private_key', 'text', (c) => c.notNull())
      .addColumn('certificate', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('dev_idp_clients')
      .addColumn('client_id', 'text', (c) => c.primaryKey())
      .addColumn('client_secret', 'text', (c) => c.notNull())
      .addColumn('redirect_uri', 'text', (c) => c.notNull())
      // What the sign-in page says ("Sign in to <org_name>") and the demo people's domain.
      .addColumn('org_name', 'text', (c) => c.notNull())
      .addColumn('domain', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .execute();
  },
};

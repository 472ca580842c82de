import type { Kysely, Migration } from 'kysely';

/**
 * `1310_oauth_discovery`: an intermediate session proven by an OAuth provider remembers the
 * provider's tenants (`{"provider":"microsoft","tenants":["<tid>"]}`), so discovery can list, and the
 * exchange can join, organizations that admit that tenant (`allowed_oauth_tenants`,
 * packages/server/src/oauth/). Null for every other proof.
 */
export const migration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('intermediate_sessions').addColumn('oauth_tenants', 'text').execute();
  },
};

import type { Kysely, Migration } from 'kysely';

/**
 * `1330_sso_discovery` (docs/wire-protocol.md §2.3a): `sso_requests.discovery` marks an SSO start
 * made from the discovery flow (`GET /v1/public/sso/discovery/start`), whose end is a
 * `discovery_sso` token for an intermediate session instead of an `sso` token for one organization.
 * An integer flag with a default, so rows in flight during the upgrade stay ordinary sign-ins.
 */
export const migration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .alterTable('sso_requests')
      .addColumn('discovery', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
  },
};

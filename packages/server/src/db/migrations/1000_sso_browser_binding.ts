import type { Kysely, Migration } from 'kysely';

/**
 * `1000_sso_browser_binding` (docs/security.md O2, O7):
 * - `sso_requests.browser_binding_hash`: SHA-256 of the random secret the OIDC start puts in a cookie
 *   on our origin, so the callback accepts `code`+`state` only in the browser that began the flow.
 *   Nullable: SAML rows never have one, and OIDC rows from before this migration have none, which the
 *   callback refuses (an attempt in flight during the upgrade fails once; no legacy bypass).
 * - `sso_connections.oidc_iss_parameter_supported`: the IdP's discovery flag
 *   `authorization_response_iss_parameter_supported` (RFC 9207), so the callback can require `iss`.
 *   A column rather than a key in an existing JSON column: the only JSON column of an OIDC connection
 *   is the admin's `attribute_mapping`, which the API echoes and a PUT replaces wholesale.
 */
export const migration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('sso_requests').addColumn('browser_binding_hash', 'text').execute();
    await db.schema
      .alterTable('sso_connections')
      .addColumn('oidc_iss_parameter_supported', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
  },
};

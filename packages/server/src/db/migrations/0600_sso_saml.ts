import type { Kysely, Migration } from 'kysely';

/**
 * `0600_sso_saml`: SSO plumbing shared by SAML and OIDC.
 * - `sso_requests`: one row per SSO start, keyed by the SHA-256 of its random id (the id itself travels
 *   as SAML RelayState / OIDC `state`; a database leak must not let anyone finish someone's login).
 * - `sso_identities`: (connection, subject) → member; the only way an IdP identity finds a member.
 * - `saml_assertion_ids`: assertion ids seen, kept until their NotOnOrAfter (replay protection
 *   across restarts and instances).
 * - `sso_connections` gains `idp_initiated_auth_disabled` (default on = unsolicited responses refused)
 *   and `saml_allow_sha1` (default off = SHA-1 signatures/digests refused).
 */
export const migration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('sso_requests')
      .addColumn('id_hash', 'text', (c) => c.primaryKey())
      .addColumn('project_id', 'text', (c) => c.notNull())
      .addColumn('connection_id', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('saml_request_id', 'text')
      .addColumn('nonce', 'text')
      .addColumn('code_verifier', 'text')
      .addColumn('login_redirect_url', 'text', (c) => c.notNull())
      .addColumn('signup_redirect_url', 'text', (c) => c.notNull())
      .addColumn('pkce_code_challenge', 'text')
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('expires_at', 'bigint', (c) => c.notNull())
      .addColumn('used_at', 'bigint')
      .execute();
    await db.schema
      .createIndex('sso_requests_by_saml_id')
      .on('sso_requests')
      .columns(['connection_id', 'saml_request_id'])
      .execute();
    await db.schema.createIndex('sso_requests_by_expiry').on('sso_requests').column('expires_at').execute();
    await db.schema
      .createTable('sso_identities')
      .addColumn('connection_id', 'text', (c) => c.notNull())
      .addColumn('subject', 'text', (c) => c.notNull())
      .addColumn('project_id', 'text', (c) => c.notNull())
      .addColumn('organization_id', 'text', (c) => c.notNull())
      .addColumn('member_id', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('last_login_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('sso_identities_pk', ['connection_id', 'subject'])
      .execute();
    await db.schema.createIndex('sso_identities_by_member').on('sso_identities').column('member_id').execute();
    await db.schema
      .createTable('saml_assertion_ids')
      .addColumn('connection_id', 'text', (c) => c.notNull())
      .addColumn('assertion_id', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('saml_assertion_ids_pk', ['connection_id', 'assertion_id'])
      .execute();
    await db.schema
      .alterTable('sso_connections')
      .addColumn('idp_initiated_auth_disabled', 'integer', (c) => c.notNull().defaultTo(1))
      .execute();
    await db.schema
      .alterTable('sso_connections')
      .addColumn('saml_allow_sha1', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
  },
};

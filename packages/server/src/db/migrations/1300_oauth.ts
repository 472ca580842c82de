import type { Kysely, Migration } from 'kysely';

/**
 * `1300_oauth`: sign-in with Google, Microsoft, GitHub, Slack and HubSpot (packages/server/src/oauth/).
 * - `oauth_credentials`: the project's OAuth client at each provider (a project row is one
 *   environment, so TEST and LIVE have their own); the client secret sealed with lib/secret-box.
 * - `oauth_requests`: one row per started sign-in, keyed by SHA-256 of `state`; consumed once at the
 *   callback. Carries the provider-side PKCE verifier (sealed) and nonce, the hash of the
 *   browser-binding cookie (docs/security.md O2), the SDK's PKCE challenge for our own token, and the
 *   redirect URLs already checked against the allowlist. `organization_id` is null for discovery.
 * - `oauth_registrations`: a provider identity (provider, subject) linked to a member, with the
 *   provider's tokens sealed at rest (docs/security.md O21) for the backend to read.
 * - `oauth_tokens`: the one-time `oauth` / `discovery_oauth` token the callback hands to the redirect
 *   URL (SHA-256 only), single use, short-lived, bound to the SDK's PKCE challenge.
 */
export const migration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('oauth_credentials')
      .addColumn('project_id', 'text', (c) => c.notNull())
      .addColumn('provider', 'text', (c) => c.notNull())
      .addColumn('client_id', 'text', (c) => c.notNull())
      .addColumn('client_secret', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('oauth_credentials_pk', ['project_id', 'provider'])
      .execute();
    await db.schema
      .createTable('oauth_requests')
      .addColumn('id_hash', 'text', (c) => c.primaryKey())
      .addColumn('project_id', 'text', (c) => c.notNull())
      .addColumn('provider', 'text', (c) => c.notNull())
      .addColumn('organization_id', 'text')
      .addColumn('login_redirect_url', 'text', (c) => c.notNull())
      .addColumn('signup_redirect_url', 'text', (c) => c.notNull())
      .addColumn('discovery_redirect_url', 'text', (c) => c.notNull())
      .addColumn('custom_scopes', 'text', (c) => c.notNull())
      .addColumn('provider_params', 'text', (c) => c.notNull())
      .addColumn('pkce_code_challenge', 'text')
      .addColumn('code_verifier', 'text', (c) => c.notNull())
      .addColumn('nonce', 'text', (c) => c.notNull())
      .addColumn('browser_binding_hash', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('expires_at', 'bigint', (c) => c.notNull())
      .addColumn('used_at', 'bigint')
      .execute();
    await db.schema
      .createTable('oauth_registrations')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('project_id', 'text', (c) => c.notNull())
      .addColumn('organization_id', 'text', (c) => c.notNull())
      .addColumn('member_id', 'text', (c) => c.notNull())
      .addColumn('provider', 'text', (c) => c.notNull())
      .addColumn('provider_subject', 'text', (c) => c.notNull())
      .addColumn('provider_tenant_id', 'text')
      .addColumn('profile_picture_url', 'text')
      .addColumn('locale', 'text')
      .addColumn('access_token', 'text')
      .addColumn('refresh_token', 'text')
      .addColumn('id_token', 'text')
      .addColumn('scopes', 'text', (c) => c.notNull())
      .addColumn('access_token_expires_at', 'bigint')
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .addUniqueConstraint('oauth_registrations_identity', ['organization_id', 'provider', 'provider_subject'])
      .execute();
    await db.schema
      .createIndex('oauth_registrations_member')
      .on('oauth_registrations')
      .columns(['member_id', 'provider'])
      .execute();
    await db.schema
      .createTable('oauth_tokens')
      .addColumn('hash', 'text', (c) => c.primaryKey())
      .addColumn('project_id', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('provider', 'text', (c) => c.notNull())
      .addColumn('organization_id', 'text')
      .addColumn('member_id', 'text')
      .addColumn('registration_id', 'text')
      .addColumn('email', 'text', (c) => c.notNull())
      .addColumn('provider_subject', 'text', (c) => c.notNull())
      .addColumn('provider_tenant_id', 'text')
      .addColumn('provider_values', 'text', (c) => c.notNull())
      .addColumn('member_created', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('pkce_code_challenge', 'text')
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('expires_at', 'bigint', (c) => c.notNull())
      .addColumn('used_at', 'bigint')
      .execute();
  },
};

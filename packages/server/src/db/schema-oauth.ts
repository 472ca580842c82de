/** Tables of sign-in with OAuth providers (migration 1300_oauth; packages/server/src/oauth/). */

/** `oauth_credentials`: the project's (one environment's) OAuth client at one provider. */
export interface OAuthCredentialsTable {
  project_id: string;
  /** `google` | `microsoft` | `github` | `slack` | `hubspot`. */
  provider: string;
  client_id: string;
  /** Sealed with lib/secret-box; never returned by any API. */
  client_secret: string;
  created_at: number;
  updated_at: number;
}

/** `oauth_requests`: one started sign-in, found by SHA-256 of its `state`, consumed once at the callback. */
export interface OAuthRequestsTable {
  id_hash: string;
  project_id: string;
  provider: string;
  /** The organization signed in to; null for discovery. */
  organization_id: string | null;
  /** Checked against the allowlist at the start; `''` when the flow does not use it. */
  login_redirect_url: string;
  signup_redirect_url: string;
  discovery_redirect_url: string;
  /** Space-separated extra scopes asked of the provider. */
  custom_scopes: string;
  /** JSON object of the `provider_*` query parameters passed on to the provider. */
  provider_params: string;
  /** The SDK's PKCE challenge, bound to the `oauth` / `discovery_oauth` token issued at the end. */
  pkce_code_challenge: string | null;
  /** Our PKCE verifier towards the provider, sealed with lib/secret-box. */
  code_verifier: string;
  nonce: string;
  /** SHA-256 of the browser-binding secret set as a cookie at the start (docs/security.md O2). */
  browser_binding_hash: string;
  created_at: number;
  expires_at: number;
  used_at: number | null;
}

/** `oauth_registrations`: a provider identity linked to a member, with the provider's tokens sealed. */
export interface OAuthRegistrationsTable {
  /** `oauth-registration-…`, Stytch's `member_oauth_registration_id`. */
  id: string;
  project_id: string;
  organization_id: string;
  member_id: string;
  provider: string;
  /** The provider's stable subject (`sub`, GitHub user id, …): the only key an identity is found by. */
  provider_subject: string;
  /** Google `hd`, Microsoft `tid`, Slack team, HubSpot portal; GitHub: a JSON array of organization ids. */
  provider_tenant_id: string | null;
  profile_picture_url: string | null;
  locale: string | null;
  /** Sealed with lib/secret-box (docs/security.md O21). */
  access_token: string | null;
  refresh_token: string | null;
  id_token: string | null;
  /** JSON array of granted scopes. */
  scopes: string;
  access_token_expires_at: number | null;
  created_at: number;
  updated_at: number;
}

/** `oauth_tokens`: the one-time `oauth` / `discovery_oauth` token the callback hands to the redirect URL. */
export interface OAuthTokensTable {
  /** SHA-256 of the token; the token itself is never stored. */
  hash: string;
  project_id: string;
  /** `oauth` | `discovery_oauth`. */
  kind: string;
  provider: string;
  organization_id: string | null;
  member_id: string | null;
  registration_id: string | null;
  /** The verified email the provider vouched for. */
  email: string;
  provider_subject: string;
  /** Google `hd`, Microsoft `tid`, Slack team, HubSpot portal; for GitHub a JSON array of organization ids. */
  provider_tenant_id: string | null;
  /** Sealed JSON of Stytch's `provider_values` (access, id and refresh tokens, scopes, expiry). */
  provider_values: string;
  member_created: number;
  pkce_code_challenge: string | null;
  created_at: number;
  expires_at: number;
  used_at: number | null;
}

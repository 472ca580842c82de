/**
 * OAuth sign-in ("Continue with Google"): the providers and the request and response shapes of
 * Stytch's B2B OAuth endpoints (docs/wire-protocol.md §2.4), shared by the client and the server.
 */
import type { B2BAuthenticateResponse, DiscoveryAuthenticateResponse } from './types.js';

/**
 * Every OAuth provider. A login shows only those its `oauthOptions.providers` names, in that order,
 * as Stytch's UI does: a configuration with `oauth` but no providers shows no buttons.
 */
export const OAUTH_PROVIDERS = ['google', 'microsoft', 'github', 'slack', 'hubspot'] as const;

/** One of {@link OAUTH_PROVIDERS}. */
export type OAuthProviderType = (typeof OAUTH_PROVIDERS)[number];

/** The organization's `allowed_auth_methods` entry of a provider: `google` → `google_oauth`. */
export type OAuthAuthMethod = `${OAuthProviderType}_oauth`;

/** The provider's tokens, as the authenticate answer carries them (`provider_values`). */
export interface OAuthProviderValues {
  access_token: string;
  id_token: string;
  refresh_token: string;
  scopes: string[];
  /** ISO 8601; null when the provider gave no expiry. */
  expires_at: string | null;
}

/** Body of `POST /b2b/oauth/authenticate` (SDK) and `/v1/b2b/oauth/authenticate` (backend). */
export interface OAuthAuthenticateRequest {
  oauth_token: string;
  session_duration_minutes?: number;
  pkce_code_verifier?: string;
  locale?: string;
  intermediate_session_token?: string;
}

/** Answer of OAuth authenticate: a session, plus who the provider said the person is. */
export interface OAuthAuthenticateResponse extends B2BAuthenticateResponse {
  provider_subject: string;
  provider_type: OAuthProviderType;
  provider_values: OAuthProviderValues;
  reset_sessions: boolean;
}

/** Body of `POST /b2b/oauth/discovery/authenticate`. */
export interface OAuthDiscoveryAuthenticateRequest {
  discovery_oauth_token: string;
  pkce_code_verifier?: string;
  session_duration_minutes?: number;
}

/** Answer of OAuth discovery authenticate: an intermediate session and the organizations found. */
export interface OAuthDiscoveryAuthenticateResponse extends DiscoveryAuthenticateResponse {
  provider_type: OAuthProviderType;
  /**
   * The identity's tenant (Google `hd`, Microsoft `tid`, Slack team, HubSpot portal, a GitHub
   * organization id) when it has exactly one; `''` otherwise (Stytch's rule: read `provider_tenant_ids`).
   */
  provider_tenant_id: string;
  /** Every tenant the identity belongs to (GitHub: each organization's numeric id, as a string). */
  provider_tenant_ids: string[];
  full_name: string;
}

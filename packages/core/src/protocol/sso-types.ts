/**
 * Wire types of single sign-on and of the organization lookup by slug (docs/wire-protocol.md §2.3, §2.7). Shared by
 * the server (which produces them) and the client (which consumes them).
 */
import type { CommonResponse, Organization } from './types.js';

/** One SSO connection as the login UI needs it: what to start and what to call it. */
export interface SsoConnectionSummary {
  connection_id: string;
  display_name: string;
  identity_provider: string;
}

/** Response of `GET /b2b/sso/discovery/connections?email_address=`. */
export interface SsoDiscoveryConnectionsResponse extends CommonResponse {
  connections: SsoConnectionSummary[];
}

/** Body of `POST /b2b/sso/authenticate` (SDK and backend). */
export interface SsoAuthenticateRequest {
  sso_token: string;
  session_duration_minutes: number;
  pkce_code_verifier?: string;
  locale?: string;
}

/** The public part of an organization that `organizations/search` reveals to anyone holding its slug. */
export type OrganizationBySlug = Pick<
  Organization,
  | 'organization_id'
  | 'organization_slug'
  | 'organization_name'
  | 'organization_logo_url'
  | 'sso_active_connections'
  | 'sso_default_connection_id'
  | 'email_jit_provisioning'
  | 'email_allowed_domains'
  | 'auth_methods'
  | 'allowed_auth_methods'
  | 'mfa_policy'
> &
  Partial<Pick<Organization, 'oauth_tenant_jit_provisioning' | 'allowed_oauth_tenants'>>;

/** Response of `POST /b2b/organizations/search`: the organization, or null when no slug matches. */
export interface OrganizationSearchResponse extends CommonResponse {
  organization: OrganizationBySlug | null;
}

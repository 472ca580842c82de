/**
 * Wire types of the B2B API, spelled exactly as the protocol spells them. Shared by the server (which
 * produces them) and the client (which consumes them).
 */

import type { MfaRequired } from './mfa-required.js';

/** Just-in-time provisioning and invite policies. */
export type JitPolicy = 'ALL_ALLOWED' | 'RESTRICTED' | 'NOT_ALLOWED';

/** Every response carries these. */
export interface CommonResponse {
  request_id: string;
  status_code: number;
}

/** An organization (tenant). */
export interface Organization {
  organization_id: string;
  organization_name: string;
  organization_slug: string;
  organization_logo_url: string;
  trusted_metadata: Record<string, unknown>;
  /** Seed name of the allowed email domains; mirrors `email_allowed_domains`. */
  allowed_domains: string[];
  email_allowed_domains: string[];
  email_jit_provisioning: JitPolicy;
  email_invites: JitPolicy;
  sso_jit_provisioning: JitPolicy;
  sso_jit_provisioning_allowed_connections: string[];
  sso_default_connection_id: string | null;
  sso_active_connections: { connection_id: string; display_name: string; identity_provider: string }[];
  auth_methods: 'ALL_ALLOWED' | 'RESTRICTED';
  allowed_auth_methods: string[];
  mfa_policy: 'OPTIONAL' | 'REQUIRED_FOR_ALL';
  created_at: string;
  updated_at: string;
  // Backend-API settings (docs/wire-protocol.md §5.2): always sent by the server, optional for older fixtures.
  organization_external_id?: string | null;
  mfa_methods?: 'ALL_ALLOWED' | 'RESTRICTED';
  allowed_mfa_methods?: string[];
  rbac_email_implicit_role_assignments?: { domain: string; role_id: string }[];
  oauth_tenant_jit_provisioning?: 'RESTRICTED' | 'NOT_ALLOWED';
  allowed_oauth_tenants?: Record<string, string[]>;
  claimed_email_domains?: string[];
  // Declared required by Stytch's Node SDK types; constant until RBAC custom roles / connected apps exist.
  custom_roles?: { role_id: string; description: string }[];
  // Declared required (nullable) by Stytch's browser SDK types; null until SCIM exists.
  scim_active_connection?: { connection_id: string; display_name: string } | null;
  first_party_connected_apps_allowed_type?: 'ALL_ALLOWED' | 'RESTRICTED' | 'NOT_ALLOWED';
  allowed_first_party_connected_apps?: string[];
  third_party_connected_apps_allowed_type?: 'ALL_ALLOWED' | 'RESTRICTED' | 'NOT_ALLOWED';
  allowed_third_party_connected_apps?: string[];
}

/** Member lifecycle status. */
export type MemberStatus = 'active' | 'invited' | 'pending' | 'deleted';

/** A member of one organization. */
export interface Member {
  organization_id: string;
  member_id: string;
  email_address: string;
  email_address_verified: boolean;
  status: MemberStatus;
  name: string;
  roles: string[];
  trusted_metadata: Record<string, unknown>;
  untrusted_metadata: Record<string, unknown>;
  is_breakglass: boolean;
  mfa_enrolled: boolean;
  created_at: string;
  updated_at: string;
  // Backend-API fields (docs/wire-protocol.md §5.2): always sent by the server, optional for older fixtures.
  mfa_phone_number?: string;
  default_mfa_method?: string;
  external_id?: string | null;
  // Declared required by Stytch's Node SDK types; constant until SSO/OAuth/password/TOTP/locking exist.
  is_admin?: boolean;
  is_locked?: boolean;
  member_password_id?: string;
  totp_registration_id?: string;
  mfa_phone_number_verified?: boolean;
  sso_registrations?: { connection_id: string; external_id: string; registration_id: string }[];
  oauth_registrations?: {
    provider_type: string;
    provider_subject: string;
    member_oauth_registration_id: string;
    profile_picture_url?: string;
    locale?: string;
  }[];
  retired_email_addresses?: { email_id: string; email_address: string }[];
}

/** One proof of identity recorded on a session. */
export interface AuthenticationFactor {
  type: 'magic_link' | 'otp' | 'sso' | 'oauth' | 'password' | string;
  delivery_method: string;
  last_authenticated_at: string;
  sequence_order?: 'PRIMARY' | 'SECONDARY';
  email_factor?: { email_id: string; email_address: string };
  /** An SMS one-time code: the number it was sent to (E.164). */
  phone_number_factor?: { phone_id: string; phone_number: string };
}

/** A member's session. */
export interface MemberSession {
  member_session_id: string;
  member_id: string;
  organization_id: string;
  organization_slug: string;
  started_at: string;
  last_accessed_at: string;
  expires_at: string;
  authentication_factors: AuthenticationFactor[];
  roles: string[];
  custom_claims?: Record<string, unknown>;
}

/** A full authentication: the member is signed in to an organization. */
export interface B2BAuthenticateResponse extends CommonResponse {
  member_id: string;
  organization_id: string;
  member: Member;
  organization: Organization;
  member_session: MemberSession;
  session_token: string;
  session_jwt: string;
  member_authenticated: true;
  intermediate_session_token: '';
  mfa_required: null;
  primary_required: null;
}

/** How a person relates to a discovered organization. */
export type MembershipType =
  | 'active_member'
  | 'pending_member'
  | 'invited_member'
  | 'eligible_to_join_by_email_domain'
  | 'eligible_to_join_by_oauth_tenant';

/** An organization found for a verified email during discovery. */
export interface DiscoveredOrganization {
  organization: Organization;
  membership: {
    type: MembershipType;
    details: Record<string, unknown> | null;
    member: Member | null;
  };
  member_authenticated: boolean;
  primary_required: { allowed_auth_methods: string[] } | null;
  /**
   * Set where entering the organization would owe a second factor (its `mfa_policy` is
   * `REQUIRED_FOR_ALL`, or the member enrolled); never `secondary_auth_initiated`: listing sends no code.
   */
  mfa_required: MfaRequired | null;
}

/** Response of discovery authenticate calls: an intermediate session and the organizations found. */
export interface DiscoveryAuthenticateResponse extends CommonResponse {
  intermediate_session_token: string;
  email_address: string;
  discovered_organizations: DiscoveredOrganization[];
}

/** Response of `discovery/organizations`. */
export interface DiscoveryOrganizationsResponse extends CommonResponse {
  email_address: string;
  discovered_organizations: DiscoveredOrganization[];
  organization_id_hint: string | null;
}

/** A permission: actions (`*` = every action) on one resource. */
export interface RbacPermission {
  resource_id: string;
  actions: string[];
}

/** A resource of an RBAC policy and every action defined on it. */
export interface RbacPolicyResource {
  resource_id: string;
  description: string;
  actions: string[];
}

/** A role of an RBAC policy (`stytch_member`, `stytch_admin`, or a custom one). */
export interface RbacPolicyRole {
  role_id: string;
  description: string;
  permissions: RbacPermission[];
}

/** A project's RBAC policy as the bootstrap sends it (docs/wire-protocol.md §1.7). */
export interface RbacPolicy {
  roles: RbacPolicyRole[];
  resources: RbacPolicyResource[];
  scopes: { scope: string; description: string; permissions: RbacPermission[] }[];
}

/** Response of `GET /sdk/v1/projects/bootstrap/{public_token}`. */
export interface BootstrapResponse extends CommonResponse {
  project_name: string;
  disable_sdk_watermark: boolean;
  captcha_settings: { enabled: false } | { enabled: true; siteKey: string };
  cname_domain: string | null;
  email_domains: string[];
  pkce_required_for_email_magic_links: boolean;
  pkce_required_for_password_resets: boolean;
  pkce_required_for_oauth: boolean;
  pkce_required_for_sso: boolean;
  slug_pattern: string;
  create_organization_enabled: boolean;
  password_config: null | { luds_complexity: number; luds_minimum_count: number };
  dfp_protected_auth_enabled: boolean;
  dfp_protected_auth_mode: 'OBSERVATION' | 'DECISIONING';
  rbac_policy: RbacPolicy | null;
  siwe_required_for_crypto_wallets: boolean;
  vertical: 'B2B';
}

/** Body of `magic_links/email/discovery/send`. */
export interface DiscoverySendRequest {
  email_address: string;
  discovery_redirect_url?: string;
  login_template_id?: string;
  locale?: string;
  discovery_expiration_minutes?: number;
  pkce_code_challenge?: string;
}

/** Body of `magic_links/discovery/authenticate`. */
export interface DiscoveryMagicLinkAuthenticateRequest {
  discovery_magic_links_token: string;
  pkce_code_verifier?: string;
}

/** Body of `discovery/organizations/create`. */
export interface DiscoveryOrganizationCreateRequest {
  intermediate_session_token?: string;
  session_duration_minutes: number;
  organization_name?: string;
  organization_slug?: string;
  organization_logo_url?: string;
  email_allowed_domains?: string[];
  email_jit_provisioning?: JitPolicy;
  email_invites?: JitPolicy;
  sso_jit_provisioning?: JitPolicy;
}

/** Body of `discovery/intermediate_sessions/exchange`. */
export interface IntermediateSessionExchangeRequest {
  intermediate_session_token?: string;
  organization_id: string;
  session_duration_minutes: number;
  locale?: string;
}

/** Body of SDK `sessions/authenticate`. */
export interface SessionAuthenticateRequest {
  session_duration_minutes?: number;
}

/** Response of a SDK success: the payload is wrapped in `data`. */
export interface SdkEnvelope<T> {
  data: T;
}

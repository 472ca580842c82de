/**
 * Kysely table types. Portable on purpose: text ids, integer epoch-ms timestamps (`bigint` on
 * PostgreSQL, parsed back to `number`), booleans as 0/1 integers, JSON as text.
 */
import type { Generated, Kysely } from 'kysely';
import type {
  OAuthCredentialsTable,
  OAuthRegistrationsTable,
  OAuthRequestsTable,
  OAuthTokensTable,
} from './schema-oauth.js';
import type { PasswordResetsTable } from './schema-password-resets.js';
import type { MemberRecoveryCodesTable, MemberTotpsTable } from './schema-mfa.js';
import type { SmsOtpsTable, SmsOutboxTable } from './schema-sms.js';
import type { SamlAssertionIdsTable, SsoIdentitiesTable, SsoRequestsTable } from './schema-sso.js';

/** `projects`: one row per project environment. */
export interface ProjectsTable {
  id: string;
  env: string;
  name: string;
  public_token: string;
  secret_hash: string;
  created_at: number;
  /** `ids` | `objects`: how the backend API spells `Member.roles` (members/roles.ts). */
  member_roles_format: Generated<string>;
}

/** `redirect_urls`: the per-type redirect allowlist. */
export interface RedirectUrlsTable {
  project_id: string;
  url: string;
  type: string;
  is_default: number;
  created_at: number;
}

/** `authorized_origins`: browser origins allowed to call the SDK API. */
export interface AuthorizedOriginsTable {
  project_id: string;
  origin: string;
  created_at: number;
}

/** `organizations`: tenants. */
export interface OrganizationsTable {
  id: string;
  project_id: string;
  name: string;
  slug: string;
  logo_url: string;
  trusted_metadata: string;
  email_allowed_domains: string;
  email_jit_provisioning: string;
  email_invites: string;
  sso_jit_provisioning: string;
  auth_methods: string;
  allowed_auth_methods: string;
  mfa_policy: string;
  created_at: number;
  updated_at: number;
  // Added by migration 0100 (optional here because the database fills the defaults).
  external_id?: string | null | undefined;
  sso_default_connection_id?: string | null | undefined;
  /** JSON string[]. */
  sso_jit_provisioning_allowed_connections?: string | undefined;
  /** JSON `{connection_id, display_name, identity_provider}[]`, kept in sync by sso/connections.ts. */
  sso_active_connections?: string | undefined;
  /** JSON object of stored-only settings (see organizations/settings.ts). */
  extra_settings?: string | undefined;
}

/** `organization_domains`: index of `email_allowed_domains` for discovery by email domain. */
export interface OrganizationDomainsTable {
  organization_id: string;
  project_id: string;
  domain: string;
}

/** `members`: one person in one organization. */
export interface MembersTable {
  id: string;
  project_id: string;
  organization_id: string;
  email: string;
  email_id: string;
  email_verified: number;
  name: string;
  status: string;
  roles: string;
  trusted_metadata: string;
  untrusted_metadata: string;
  is_breakglass: number;
  created_at: number;
  updated_at: number;
  // Added by migration 0100 (optional here because the database fills the defaults).
  external_id?: string | null | undefined;
  mfa_phone_number?: string | undefined;
  mfa_enrolled?: number | undefined;
  default_mfa_method?: string | undefined;
  // Added by migration 1700 (mfa/).
  mfa_phone_number_verified?: number | undefined;
  totp_registration_id?: string | undefined;
}

/** `one_time_tokens`: magic-link style tokens, by SHA-256 hash. */
export interface OneTimeTokensTable {
  hash: string;
  project_id: string;
  kind: string;
  email: string;
  organization_id: string | null;
  pkce_challenge: string | null;
  redirect_url: string;
  expires_at: number;
  used_at: number | null;
  created_at: number;
  /** Migration 1800: the SSO connection an `sso` / `discovery_sso` token's sign-in came through. */
  connection_id?: string | null | undefined;
}

/** `email_otps`: the live email one-time code of one (project, organization or `''` for discovery, email). */
export interface EmailOtpsTable {
  project_id: string;
  organization_id: string;
  email: string;
  /** HMAC-SHA-256 of salt, binding and code under the server key (otps/codes.ts). */
  code_hash: string;
  salt: string;
  attempts: Generated<number>;
  expires_at: number;
  created_at: number;
}

/** `member_passwords`: the password of one (project, lowercased email), shared by its members (passwords/store.ts). */
export interface MemberPasswordsTable {
  /** `member-password-test-<uuid>`: every member with this email shows it as `member_password_id`. */
  id: string;
  project_id: string;
  email: string;
  /** PHC-style string with algorithm and parameters (passwords/hash.ts); never leaves the server. */
  hash: string;
  created_at: number;
  updated_at: number;
}

/** `intermediate_sessions`: proof of an email, not yet a session. */
export interface IntermediateSessionsTable {
  hash: string;
  project_id: string;
  email: string;
  factors: string;
  expires_at: number;
  used_at: number | null;
  created_at: number;
  /** JSON `{provider, tenants}` when an OAuth provider proved the email (migration 1310); else null. */
  oauth_tenants?: string | null;
  /** Set (migration 1700) when a primary factor was proven for this member and a second is pending. */
  organization_id?: string | null;
  member_id?: string | null;
}

/** `sessions`: member sessions (opaque token by hash). */
export interface SessionsTable {
  id: string;
  project_id: string;
  token_hash: string;
  member_id: string;
  organization_id: string;
  started_at: number;
  last_accessed_at: number;
  expires_at: number;
  factors: string;
  revoked_at: number | null;
  /** JSON object of `session_custom_claims` (migration 0300). */
  custom_claims: string;
}

/**
 * `session_signing_keys` (migration 0300, replaces `signing_keys`): ES256 session-JWT keys, one active
 * and one next key per project; retired keys stay in the JWKS for the rotation overlap.
 * `private_jwk` is sealed (lib/secret-box.ts); rows from before migration 0700 are sealed on first read.
 */
export interface SigningKeysTable {
  kid: string;
  project_id: string;
  alg: string;
  private_jwk: string;
  public_jwk: string;
  /** `next` (published ahead of use), `active` (signs), `retired` (published during the overlap). */
  state: 'next' | 'active' | 'retired';
  created_at: number;
  retired_at: number | null;
}

/** `mails`: the dev mailbox (never written when SMTP is configured). */
export interface MailsTable {
  id: string;
  project_id: string;
  to_address: string;
  /** The sender, as the dev mailbox shows it (`Name <addr>` or `addr`). */
  from_address: string;
  subject: string;
  text: string;
  html: string;
  sent_at: number;
  /** Real-time microseconds: orders mails sent within the same (possibly frozen) clock tick. */
  seq: number;
}

/** `sso_connections`: SAML / OIDC connection records (migration 0100; the protocol is the SSO issue). */
export interface SsoConnectionsTable {
  id: string;
  project_id: string;
  organization_id: string;
  type: 'saml' | 'oidc';
  display_name: string;
  identity_provider: string;
  status: string;
  idp_entity_id: string;
  idp_sso_url: string;
  idp_metadata_url: string;
  /** JSON `{certificate_id, certificate, issuer, created_at, expires_at}[]` (PEM, public only). */
  x509_certificates: string;
  /** JSON object. */
  attribute_mapping: string;
  created_at: number;
  updated_at: number;
  // Added by migration 0600 (defaults: unsolicited responses refused, SHA-1 refused).
  idp_initiated_auth_disabled?: number | undefined;
  saml_allow_sha1?: number | undefined;
  // Added by migration 0700 (`''` until set). `oidc_client_secret` is sealed (lib/secret-box.ts).
  oidc_issuer?: string | undefined;
  oidc_client_id?: string | undefined;
  oidc_client_secret?: string | undefined;
  oidc_authorization_url?: string | undefined;
  oidc_token_url?: string | undefined;
  oidc_userinfo_url?: string | undefined;
  oidc_jwks_url?: string | undefined;
  /** Space-separated scopes requested besides `openid email profile`. */
  oidc_custom_scopes?: string | undefined;
  /** Migration 1000: 1 when discovery advertised RFC 9207 `authorization_response_iss_parameter_supported`. */
  oidc_iss_parameter_supported?: number | undefined;
  /** Migration 1800: 1 when the operator trusts the IdP to enforce MFA (sso/mfa-trust.ts); default 0. */
  mfa_trusted?: number | undefined;
}

/** `secret_box_keys` (migration 0700): the fingerprint of the key sealed secrets were made with. */
export interface SecretBoxKeysTable {
  id: string;
  fingerprint: string;
  created_at: number;
}

/** `events`: the request event log (slice 0500). Never bodies, headers, tokens or secrets. */
export interface EventsTable {
  id: string;
  request_id: string;
  project_id: string | null;
  action: string;
  /** `start`, `success` or `error`. */
  status: string;
  method: string;
  route: string;
  http_status: number | null;
  error_type: string | null;
  duration_ms: number | null;
  ip_address: string;
  organization_id: string | null;
  member_id: string | null;
  created_at: number;
  seq: number;
}

/** `project_ip_allowlist`: backend API callers allowed per environment (none = all). */
export interface ProjectIpAllowlistTable {
  project_id: string;
  ip: string;
  created_at: number;
}

/** `rbac_policies`: a project environment's custom RBAC roles and resources (rbac/store.ts). */
export interface RbacPoliciesTable {
  project_id: string;
  /** JSON `{roles, resources}`: only what the operator added, never Stytch's defaults. */
  policy: string;
  updated_at: number;
}

/** `email_branding`: a project environment's mail branding (mail/branding.ts); null = built-in. */
export interface EmailBrandingTable {
  project_id: string;
  sender_name: string | null;
  logo_url: string | null;
  color_primary: string | null;
  color_background: string | null;
  color_text: string | null;
  updated_at: number;
}

/** `email_templates`: an operator's template of one mail in one locale (mail/custom-templates.ts). */
export interface EmailTemplatesTable {
  project_id: string;
  template: string;
  locale: string;
  subject: string;
  html: string;
  text: string;
  updated_at: number;
}

/** `rate_limits`: fixed-window counters keyed by (project, bucket, SHA-256 of the key). */
export interface RateLimitsTable {
  project_id: string;
  bucket: string;
  key_hash: string;
  window_start: number;
  count: number;
}

/** The whole database. */
export interface Database {
  projects: ProjectsTable;
  redirect_urls: RedirectUrlsTable;
  authorized_origins: AuthorizedOriginsTable;
  organizations: OrganizationsTable;
  organization_domains: OrganizationDomainsTable;
  members: MembersTable;
  one_time_tokens: OneTimeTokensTable;
  email_otps: EmailOtpsTable;
  member_passwords: MemberPasswordsTable;
  intermediate_sessions: IntermediateSessionsTable;
  sessions: SessionsTable;
  sso_connections: SsoConnectionsTable;
  sso_requests: SsoRequestsTable;
  sso_identities: SsoIdentitiesTable;
  saml_assertion_ids: SamlAssertionIdsTable;
  session_signing_keys: SigningKeysTable;
  mails: MailsTable;
  events: EventsTable;
  project_ip_allowlist: ProjectIpAllowlistTable;
  rate_limits: RateLimitsTable;
  rbac_policies: RbacPoliciesTable;
  email_branding: EmailBrandingTable;
  email_templates: EmailTemplatesTable;
  secret_box_keys: SecretBoxKeysTable;
  oauth_credentials: OAuthCredentialsTable;
  oauth_requests: OAuthRequestsTable;
  oauth_registrations: OAuthRegistrationsTable;
  oauth_tokens: OAuthTokensTable;
  password_resets: PasswordResetsTable;
  member_totps: MemberTotpsTable;
  member_recovery_codes: MemberRecoveryCodesTable;
  sms_otps: SmsOtpsTable;
  sms_outbox: SmsOutboxTable;
}

/** The query builder over {@link Database}. */
export type Db = Kysely<Database>;

/**
 * Kysely table types. Portable on purpose: text ids, integer epoch-ms timestamps (`bigint` on
 * PostgreSQL, parsed back to `number`), booleans as 0/1 integers, JSON as text.
 */
import type { Kysely } from 'kysely';

/** `projects`: one row per project environment. */
export interface ProjectsTable {
  id: string;
  env: string;
  name: string;
  public_token: string;
  secret_hash: string;
  created_at: number;
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
}

/** `signing_keys`: one ES256 key per project. TODO(#encrypt-keys): encrypt `private_jwk` at rest. */
export interface SigningKeysTable {
  kid: string;
  project_id: string;
  alg: string;
  private_jwk: string;
  public_jwk: string;
  created_at: number;
}

/** `mails`: the dev mailbox (never written when SMTP is configured). */
export interface MailsTable {
  id: string;
  project_id: string;
  to_address: string;
  subject: string;
  text: string;
  html: string;
  sent_at: number;
  /** Real-time microseconds: orders mails sent within the same (possibly frozen) clock tick. */
  seq: number;
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
  intermediate_sessions: IntermediateSessionsTable;
  sessions: SessionsTable;
  signing_keys: SigningKeysTable;
  mails: MailsTable;
}

/** The query builder over {@link Database}. */
export type Db = Kysely<Database>;

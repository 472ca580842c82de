import type { Member, MemberStatus, Organization, JitPolicy } from '@orgauth/core/protocol';
import type { MembersTable, OrganizationsTable } from '../db/schema.js';
import { extraSettings } from './organization-settings.js';

/** Epoch milliseconds → RFC 3339 string, as the protocol spells timestamps. */
export const iso = (ms: number): string => new Date(ms).toISOString();

function parseJson<T>(text: string, fallback: T): T {
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

/** An `organizations` row in wire shape. */
export function toOrganization(row: OrganizationsTable): Organization {
  const domains = parseJson<string[]>(row.email_allowed_domains, []);
  return {
    organization_id: row.id,
    organization_name: row.name,
    organization_slug: row.slug,
    organization_logo_url: row.logo_url,
    trusted_metadata: parseJson<Record<string, unknown>>(row.trusted_metadata, {}),
    allowed_domains: domains,
    email_allowed_domains: domains,
    email_jit_provisioning: row.email_jit_provisioning as JitPolicy,
    email_invites: row.email_invites as JitPolicy,
    sso_jit_provisioning: row.sso_jit_provisioning as JitPolicy,
    sso_jit_provisioning_allowed_connections: parseJson<string[]>(row.sso_jit_provisioning_allowed_connections ?? '[]', []),
    sso_default_connection_id: row.sso_default_connection_id ?? null,
    sso_active_connections: parseJson<Organization['sso_active_connections']>(row.sso_active_connections ?? '[]', []),
    auth_methods: row.auth_methods as Organization['auth_methods'],
    allowed_auth_methods: parseJson<string[]>(row.allowed_auth_methods, []),
    mfa_policy: row.mfa_policy as Organization['mfa_policy'],
    created_at: iso(row.created_at),
    updated_at: iso(row.updated_at),
    organization_external_id: row.external_id ?? null,
    ...extraSettings(row),
    custom_roles: [],
    // Required (nullable) in Stytch's browser SDK types; this server has no SCIM.
    scim_active_connection: null,
    first_party_connected_apps_allowed_type: 'ALL_ALLOWED',
    allowed_first_party_connected_apps: [],
    third_party_connected_apps_allowed_type: 'ALL_ALLOWED',
    allowed_third_party_connected_apps: [],
  };
}

/** A `members` row in wire shape. */
export function toMember(row: MembersTable): Member {
  return {
    organization_id: row.organization_id,
    member_id: row.id,
    email_address: row.email,
    email_address_verified: row.email_verified === 1,
    status: row.status as MemberStatus,
    name: row.name,
    roles: parseJson<string[]>(row.roles, []),
    trusted_metadata: parseJson<Record<string, unknown>>(row.trusted_metadata, {}),
    untrusted_metadata: parseJson<Record<string, unknown>>(row.untrusted_metadata, {}),
    is_breakglass: row.is_breakglass === 1,
    mfa_enrolled: row.mfa_enrolled === 1,
    created_at: iso(row.created_at),
    updated_at: iso(row.updated_at),
    mfa_phone_number: row.mfa_phone_number ?? '',
    default_mfa_method: row.default_mfa_method ?? '',
    external_id: row.external_id ?? null,
    is_admin: parseJson<string[]>(row.roles, []).includes('stytch_admin'),
    is_locked: false,
    member_password_id: '',
    totp_registration_id: '',
    mfa_phone_number_verified: false,
    sso_registrations: [],
    oauth_registrations: [],
    retired_email_addresses: [],
  };
}

/** JSON column helper that tolerates corrupt text (returns the fallback). */
export { parseJson };

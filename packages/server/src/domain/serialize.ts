import type { Member, MemberStatus, Organization, JitPolicy } from '@orgauth/core/protocol';
import type { MembersTable, OrganizationsTable } from '../db/schema.js';

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
    sso_jit_provisioning_allowed_connections: [],
    sso_default_connection_id: null,
    sso_active_connections: [],
    auth_methods: row.auth_methods as Organization['auth_methods'],
    allowed_auth_methods: parseJson<string[]>(row.allowed_auth_methods, []),
    mfa_policy: row.mfa_policy as Organization['mfa_policy'],
    created_at: iso(row.created_at),
    updated_at: iso(row.updated_at),
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
    mfa_enrolled: false,
    created_at: iso(row.created_at),
    updated_at: iso(row.updated_at),
  };
}

/** JSON column helper that tolerates corrupt text (returns the fallback). */
export { parseJson };

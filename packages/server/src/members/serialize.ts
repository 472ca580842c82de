import type { Member, MemberStatus } from '@orgauth/core/protocol';
import type { MembersTable, OrganizationsTable } from '../db/schema.js';
import { extraSettings } from '../organizations/index.js';
import { effectiveRoleIds } from './roles.js';
import { iso, parseJson } from '../lib/json.js';

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
    totp_registration_id: row.totp_registration_id ?? '',
    mfa_phone_number_verified: row.mfa_phone_number_verified === 1,
    sso_registrations: [],
    oauth_registrations: [],
    retired_email_addresses: [],
  };
}

/**
 * Every role id `row` holds in `organization`: `stytch_member`, its assigned roles, and those its
 * email domain gets from the organization's `rbac_email_implicit_role_assignments`.
 */
export function memberRoleIds(row: MembersTable, organization: Pick<OrganizationsTable, 'extra_settings'>): string[] {
  return effectiveRoleIds(
    parseJson<string[]>(row.roles, []),
    row.email,
    extraSettings(organization).rbac_email_implicit_role_assignments,
  );
}

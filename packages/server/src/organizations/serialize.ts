import type { Organization, JitPolicy } from '@orgauth/core/protocol';
import type { OrganizationsTable } from '../db/schema.js';
import { iso, parseJson } from '../lib/json.js';
import { extraSettings } from './settings.js';

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
    sso_jit_provisioning_allowed_connections: parseJson<string[]>(
      row.sso_jit_provisioning_allowed_connections ?? '[]',
      [],
    ),
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

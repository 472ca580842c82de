import type { Body } from '../lib/validate.js';
import type { Permission } from './authorize.js';

/**
 * Which permission each SDK call needs, in Stytch's resource and action names (rbac/default-policy.ts).
 * The field → action tables follow the checks of Stytch's own admin portal (`@stytch/vanilla-js`
 * 6.3.0 `adminPortal`, which asks `useRbac(resource, action)` before each edit), so a UI that shows a
 * control only when `isAuthorized` agrees is never refused by the server, and the reverse.
 */

/** `organization.update` body fields and the `stytch.organization` action each needs. */
export const ORGANIZATION_FIELD_ACTIONS: Readonly<Record<string, string>> = {
  organization_name: 'update.info.name',
  organization_slug: 'update.info.slug',
  organization_logo_url: 'update.info.logo-url',
  auth_methods: 'update.settings.allowed-auth-methods',
  allowed_auth_methods: 'update.settings.allowed-auth-methods',
  mfa_methods: 'update.settings.allowed-mfa-methods',
  allowed_mfa_methods: 'update.settings.allowed-mfa-methods',
  email_jit_provisioning: 'update.settings.email-jit-provisioning',
  email_invites: 'update.settings.email-invites',
  email_allowed_domains: 'update.settings.allowed-domains',
  sso_default_connection_id: 'update.settings.default-sso-connection',
  sso_jit_provisioning: 'update.settings.sso-jit-provisioning',
  sso_jit_provisioning_allowed_connections: 'update.settings.sso-jit-provisioning',
  mfa_policy: 'update.settings.mfa-policy',
  rbac_email_implicit_role_assignments: 'update.settings.implicit-roles',
  oauth_tenant_jit_provisioning: 'update.settings.oauth-tenant-jit-provisioning',
  allowed_oauth_tenants: 'update.settings.allowed-oauth-tenants',
};

/** `organization.members.update` body fields and the `stytch.member` action each needs. */
export const MEMBER_FIELD_ACTIONS: Readonly<Record<string, string>> = {
  name: 'update.info.name',
  untrusted_metadata: 'update.info.untrusted-metadata',
  email_address: 'update.info.email',
  mfa_phone_number: 'update.info.mfa-phone',
  is_breakglass: 'update.settings.is-breakglass',
  mfa_enrolled: 'update.settings.mfa-enrolled',
  default_mfa_method: 'update.settings.default-mfa-method',
  roles: 'update.settings.roles',
};

/** `self.update` body fields and the `stytch.self` action each needs. */
export const SELF_FIELD_ACTIONS: Readonly<Record<string, string>> = {
  name: 'update.info.name',
  untrusted_metadata: 'update.info.untrusted-metadata',
  mfa_phone_number: 'update.info.mfa-phone',
  mfa_enrolled: 'update.settings.mfa-enrolled',
  default_mfa_method: 'update.settings.default-mfa-method',
};

/** The fields of `body` that `table` knows, present (not `undefined`), with their permissions. */
export function fieldPermissions(body: Body, table: Readonly<Record<string, string>>, resource: string): Permission[] {
  const actions = Object.keys(table)
    .filter((field) => body[field] !== undefined)
    .map((field) => table[field] as string);
  return [...new Set(actions)].map((action) => ({ resource, action }));
}

/**
 * Only the fields of `table` (plus `keep`): the SDK may not set what the backend alone may
 * (`trusted_metadata`, external ids, claimed domains). Stytch's SDK endpoints ignore such fields,
 * and so do we, rather than let them through the backend's readers.
 */
export function pick(body: Body, table: Readonly<Record<string, string>>, keep: readonly string[] = []): Body {
  return Object.fromEntries(Object.entries(body).filter(([key]) => key in table || keep.includes(key)));
}

/** The permissions to grant `roles` to a member (Stytch: giving roles needs `update.settings.roles`). */
export function rolePermissions(roles: unknown): Permission[] {
  return Array.isArray(roles) && roles.length > 0
    ? [{ resource: 'stytch.member', action: 'update.settings.roles' }]
    : [];
}

import type { RbacPolicy, RbacPolicyResource, RbacPolicyRole } from '@orgauth/core/protocol';

/**
 * Stytch's default RBAC policy for B2B projects, as data: the four `stytch.*` resources with the
 * actions Stytch reserves for them, and the two default roles.
 *
 * Sources:
 * - Resources and role semantics: Stytch's guide "Stytch Resources and Roles"
 *   (https://stytch.com/docs/b2b/guides/rbac/stytch-default): `stytch_member` is held by every member
 *   and has every `stytch.self` permission; `stytch_admin` is given to the member who creates an
 *   organization through discovery and has every permission on the organization, its members and
 *   its SSO connections.
 * - Action names: the ones `@stytch/vanilla-js` 6.3.0 asks `rbac.isAuthorized()` about (its admin
 *   portal's `useRbac` action map), which extend the reserved lists documented on `PolicyResource` in
 *   the `stytch` 14.2.0 Node SDK types. The browser SDK compares action strings exactly, so its
 *   spelling wins. `stytch.scim` is left out: this server has no SCIM.
 *
 * The server's own RBAC checks (rbac/authorize.ts) read the same object, merged with the project's
 * custom roles and resources (rbac/policy.ts), so the SDK and the API agree.
 */

/** Every action Stytch reserves on `stytch.organization`. */
const ORGANIZATION_ACTIONS = [
  'update.info.name',
  'update.info.slug',
  'update.info.logo-url',
  'update.settings.allowed-auth-methods',
  'update.settings.allowed-mfa-methods',
  'update.settings.email-jit-provisioning',
  'update.settings.email-invites',
  'update.settings.allowed-domains',
  'update.settings.default-sso-connection',
  'update.settings.sso-jit-provisioning',
  'update.settings.mfa-policy',
  'update.settings.implicit-roles',
  'update.settings.oauth-tenant-jit-provisioning',
  'update.settings.allowed-oauth-tenants',
  'delete',
];

/** Every action Stytch reserves on `stytch.member` (other members of the caller's organization). */
const MEMBER_ACTIONS = [
  'create',
  'update.info.name',
  'update.info.email',
  'update.info.untrusted-metadata',
  'update.info.mfa-phone',
  'update.info.delete.mfa-phone',
  'update.info.delete.mfa-totp',
  'update.info.delete.password',
  'update.settings.is-breakglass',
  'update.settings.mfa-enrolled',
  'update.settings.default-mfa-method',
  'update.settings.roles',
  'search',
  'delete',
  'revoke-sessions',
];

/** Every action Stytch reserves on `stytch.sso`. */
const SSO_ACTIONS = ['create', 'get', 'update', 'delete'];

/** Every action Stytch reserves on `stytch.self` (the signed-in member's own record). */
const SELF_ACTIONS = [
  'update.info.name',
  'update.info.untrusted-metadata',
  'update.info.mfa-phone',
  'update.info.delete.mfa-phone',
  'update.info.delete.password',
  'update.info.delete.mfa-totp',
  'update.settings.mfa-enrolled',
  'update.settings.default-mfa-method',
  'delete',
  'revoke-sessions',
];

/** The four default resources. */
export const DEFAULT_RBAC_RESOURCES: readonly RbacPolicyResource[] = [
  {
    resource_id: 'stytch.organization',
    description: "The member's organization and its settings.",
    actions: ORGANIZATION_ACTIONS,
  },
  { resource_id: 'stytch.member', description: "The members of the member's organization.", actions: MEMBER_ACTIONS },
  { resource_id: 'stytch.sso', description: "The SSO connections of the member's organization.", actions: SSO_ACTIONS },
  { resource_id: 'stytch.self', description: "The signed-in member's own record.", actions: SELF_ACTIONS },
];

/** `stytch_member` (every member) and `stytch_admin` (an organization's creator, or granted). */
export const DEFAULT_RBAC_ROLES: readonly RbacPolicyRole[] = [
  {
    role_id: 'stytch_member',
    description: 'Granted to every member: manage your own member record.',
    permissions: [{ resource_id: 'stytch.self', actions: ['*'] }],
  },
  {
    role_id: 'stytch_admin',
    description: "Granted to an organization's creator: manage the organization, its members and its SSO connections.",
    permissions: DEFAULT_RBAC_RESOURCES.map(({ resource_id }) => ({ resource_id, actions: ['*'] })),
  },
];

/**
 * Stytch's default RBAC policy: the policy of a project whose operator set no custom roles. A fresh
 * copy each call: callers may extend it without touching the shared data.
 */
export function defaultRbacPolicy(): RbacPolicy {
  return {
    roles: DEFAULT_RBAC_ROLES.map((role) => ({
      ...role,
      permissions: role.permissions.map((p) => ({ ...p, actions: [...p.actions] })),
    })),
    resources: DEFAULT_RBAC_RESOURCES.map((resource) => ({ ...resource, actions: [...resource.actions] })),
    scopes: [],
  };
}

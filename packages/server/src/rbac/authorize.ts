import type { RbacPolicy } from '@orgauth/core/protocol';
import { apiError } from '../lib/api-error.js';

/**
 * The RBAC decision, Stytch's rule (its SDKs' `callerIsAuthorized` and the Node SDK's local
 * `authorization_check`): some role the member holds grants `action`, or `*`, on `resource`. Role
 * ids the policy does not define grant nothing.
 */
export function isAuthorized(
  policy: RbacPolicy,
  roleIds: readonly string[],
  resourceId: string,
  action: string,
): boolean {
  return policy.roles
    .filter((role) => roleIds.includes(role.role_id))
    .flatMap((role) => role.permissions)
    .some((p) => p.resource_id === resourceId && (p.actions.includes('*') || p.actions.includes(action)));
}

/** One permission a call needs: an action on a resource. */
export interface Permission {
  resource: string;
  action: string;
}

/**
 * Refuses the call unless every permission in `needed` is granted by `roleIds`.
 * @throws ApiError 403 `unauthorized_action` naming the first missing permission.
 */
export function authorize(policy: RbacPolicy, roleIds: readonly string[], needed: readonly Permission[]): void {
  const missing = needed.find(({ resource, action }) => !isAuthorized(policy, roleIds, resource, action));
  if (missing !== undefined) {
    throw apiError(
      'unauthorized_action',
      `Your roles do not grant the "${missing.action}" action on "${missing.resource}".`,
    );
  }
}

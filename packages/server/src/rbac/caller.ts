import type { RbacPolicy } from '@orgauth/core/protocol';
import type { AppContext, AppDeps } from '../http/index.js';
import { apiError, badRequest } from '../lib/api-error.js';
import { memberRoleIds } from '../members/index.js';
import { loadLiveSession, type LoadedSession } from '../sessions/index.js';
import { authorize, isAuthorized, type Permission } from './authorize.js';
import { loadRbacPolicy } from './store.js';

/** The signed-in member behind an SDK call, with what RBAC needs to judge it. */
export interface Caller extends LoadedSession {
  /** Every role the member holds (explicit, implicit by email domain, `stytch_member`). */
  roles: string[];
  /** The project environment's effective policy. */
  policy: RbacPolicy;
  /** True when the member's roles grant `action` on `resource`. */
  can(resource: string, action: string): boolean;
  /** Refuses the call unless the member's roles grant every permission (403 `unauthorized_action`). */
  require(needed: readonly Permission[]): void;
  /**
   * Refuses role ids the policy does not define: assigning one would grant nothing and hide a typo.
   * @throws ApiError 400 `bad_request`
   */
  assertKnownRoles(roles: unknown): void;
}

/**
 * The caller of a session-authenticated SDK route: the live session of the Basic password (as every
 * SDK call proves it, docs/wire-protocol.md §1.2). Read, not touched: a refused call writes nothing,
 * and the client's session refresh keeps `last_accessed_at` current.
 * @throws ApiError 401 `user_unauthenticated` without a session, 404 `session_not_found` for a dead one.
 */
export async function sessionCaller(c: AppContext, deps: AppDeps): Promise<Caller> {
  const token = c.get('sessionToken');
  if (token === undefined) throw apiError('user_unauthenticated', 'This call needs a signed-in member session.');
  const project = c.get('project');
  const loaded = await loadLiveSession(deps.db, project.id, { token }, deps.now());
  const roles = memberRoleIds(loaded.member, loaded.organization);
  const policy = await loadRbacPolicy(deps.db, project.id);
  return {
    ...loaded,
    roles,
    policy,
    can: (resource, action) => isAuthorized(policy, roles, resource, action),
    require: (needed) => authorize(policy, roles, needed),
    assertKnownRoles(value) {
      if (!Array.isArray(value)) return;
      const known = new Set(policy.roles.map((role) => role.role_id));
      const unknown = value.find((role) => typeof role === 'string' && !known.has(role));
      if (unknown !== undefined) throw badRequest(`roles: the project's RBAC policy has no role "${unknown}".`);
    },
  };
}

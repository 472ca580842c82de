import type { RbacPermission, RbacPolicy } from '../protocol/types.js';
import type { FlowDeps } from './deps.js';

/** What `rbac.allPermissions` answers: `{ [resource_id]: { [action]: allowed } }`. */
export type RbacPermissions = Record<string, Record<string, boolean>>;

/**
 * `rbac`: what the signed-in member may do, decided locally as Stytch's browser SDK decides it, from
 * the project's policy in the bootstrap (`rbac_policy`) and the session's `roles`. A role allows an
 * action on a resource when one of its permissions names the resource and the action or `*`; an
 * organization's `custom_roles` join the project's roles. No session, no policy or a failed bootstrap
 * load allow nothing. These answers only shape the UI: the server checks every call by itself.
 */
export function createRbacFlow({ bootstrap, store }: Pick<FlowDeps, 'bootstrap' | 'store'>) {
  let policy: RbacPolicy | null = null;
  // The bootstrap keeps its answer, so loading again costs nothing; a failed load is retried next time.
  const load = () =>
    bootstrap().then(
      (settings) => (policy = settings.rbac_policy ?? null),
      () => null,
    );
  const allowed = (from: RbacPolicy | null, resourceId: string, action: string): boolean => {
    const state = store.getState();
    if (!from || state.status !== 'signed-in') return false;
    const roles: { role_id: string; permissions?: RbacPermission[] }[] = [
      ...from.roles,
      ...(state.organization.custom_roles ?? []),
    ];
    return roles.some(
      (role) =>
        state.session.roles?.includes(role.role_id) &&
        role.permissions?.some(
          (p) => p.resource_id === resourceId && (p.actions.includes(action) || p.actions.includes('*')),
        ),
    );
  };
  return {
    /**
     * Whether the session's roles allow `action` on `resourceId`, by the policy loaded so far: false
     * until the bootstrap has loaded (the first call starts loading it).
     * @example
     * if (client.rbac.isAuthorizedSync('stytch.member', 'delete')) showRemoveButton();
     */
    isAuthorizedSync(resourceId: string, action: string): boolean {
      if (!policy) void load();
      return allowed(policy, resourceId, action);
    },
    /** As {@link isAuthorizedSync}, once the bootstrap has loaded. */
    isAuthorized: async (resourceId: string, action: string): Promise<boolean> =>
      allowed(await load(), resourceId, action),
    /** Every action of every resource of the policy, each with whether the session's roles allow it. */
    async allPermissions(): Promise<RbacPermissions> {
      const from = await load();
      return Object.fromEntries(
        (from?.resources ?? []).map(({ resource_id, actions }) => [
          resource_id,
          Object.fromEntries(actions.map((action) => [action, allowed(from, resource_id, action)])),
        ]),
      );
    },
  };
}

/** The RBAC flow. */
export type RbacFlow = ReturnType<typeof createRbacFlow>;

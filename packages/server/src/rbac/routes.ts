import { apiOk, type AppDeps, defineRoutes, type FeatureRoutes } from '../http/index.js';
import { getOrganization } from '../organizations/index.js';
import { sdkMemberRoutes } from './member-routes.js';
import { sdkOrganizationMeRoutes } from './organization-routes.js';
import { sdkSessionRevokeRoutes } from './session-routes.js';
import { loadRbacPolicy } from './store.js';

/**
 * RBAC: the project's policy for backends (`GET /v1/b2b/rbac/policy`, the Node SDK's
 * `rbac.policy()`, docs/wire-protocol.md §2.11) and an organization's own policy (no organization has
 * custom roles here, so it is always empty), plus the session-authenticated SDK routes it judges:
 * the member's organization, its own record, the member management calls and signing a member out.
 */
export function rbacRoutes(deps: AppDeps): FeatureRoutes {
  const api = defineRoutes();
  api.get('/rbac/policy', { action: 'RBACPolicy' }, async (c) =>
    apiOk(c, { policy: await loadRbacPolicy(deps.db, c.get('project').id) }),
  );
  api.get('/rbac/organizations/:organization_id', { action: 'RBACOrganizationsGetOrgPolicy' }, async (c) => {
    await getOrganization(deps.db, c.get('project').id, c.req.param('organization_id'));
    return apiOk(c, { org_policy: { roles: [] } });
  });

  const sdk = sdkOrganizationMeRoutes(deps);
  sdk.route('/', sdkMemberRoutes(deps));
  sdk.route('/', sdkSessionRevokeRoutes(deps));
  return { sdk, backend: api.app };
}

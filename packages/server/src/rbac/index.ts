/** RBAC: the project policy (Stytch's default plus custom roles), the decision, and the routes it guards. */
export { rolePermissions } from './actions.js';
export { authorize, isAuthorized, type Permission } from './authorize.js';
export { sessionCaller, type Caller } from './caller.js';
export {
  authorizationVerdict,
  readAuthorizationCheck,
  type AuthorizationCheck,
  type AuthorizationVerdict,
} from './check.js';
export { DEFAULT_RBAC_RESOURCES, DEFAULT_RBAC_ROLES, defaultRbacPolicy } from './default-policy.js';
export { mergePolicy, readCustomPolicy, type CustomRbacPolicy } from './policy.js';
export { rbacRoutes } from './routes.js';
export { loadCustomPolicy, loadRbacPolicy, saveRbacPolicy } from './store.js';

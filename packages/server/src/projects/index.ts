/** Projects: credentials, redirect URLs, SDK origins, IP allowlist, RBAC policy and the SDK bootstrap. */
export {
  ensureProjects,
  environmentRow,
  rotateSecret,
  updateStoredCredentials,
  type ProjectCredentials,
} from './bootstrap.js';
export { inBootstrapLock, insertEnvironmentProject } from './create.js';
export { addAllowedIp, isIpAllowed, listAllowedIps, removeAllowedIp } from './ip-allowlist.js';
export type { ProjectEnv } from './redirect-urls.js';
export { projectRoutes } from './routes.js';
export { createProjectStore, normalizeUrl, type Project, type ProjectStore } from './store.js';

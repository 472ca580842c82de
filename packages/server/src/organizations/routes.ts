import type { AppDeps, FeatureRoutes } from '../http/index.js';
import { backendOrganizationRoutes } from './backend-routes.js';
import { sdkOrganizationRoutes } from './sdk-routes.js';

/** The organizations feature's sub-apps: backend CRUD and search, and the SDK's getBySlug. */
export function organizationRoutes(deps: AppDeps): FeatureRoutes {
  return { sdk: sdkOrganizationRoutes(deps), backend: backendOrganizationRoutes(deps) };
}

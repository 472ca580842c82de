import type { AppDeps, FeatureRoutes } from '../http/index.js';
import { backendDiscoveryRoutes } from './backend-routes.js';
import { sdkDiscoveryRoutes } from './sdk-routes.js';

/** Discovery's sub-apps: the discovery magic link, organization listing, creation and IST exchange. */
export function discoveryRoutes(deps: AppDeps): FeatureRoutes {
  return { sdk: sdkDiscoveryRoutes(deps), backend: backendDiscoveryRoutes(deps) };
}

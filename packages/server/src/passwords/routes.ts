import type { AppDeps, FeatureRoutes } from '../http/index.js';
import { backendPasswordRoutes } from './backend-routes.js';
import { sdkPasswordRoutes } from './sdk-routes.js';

/** The passwords' sub-apps: authenticate, strength, resets and discovery on both APIs, migrate on the backend. */
export function passwordRoutes(deps: AppDeps): FeatureRoutes {
  return { sdk: sdkPasswordRoutes(deps), backend: backendPasswordRoutes(deps) };
}

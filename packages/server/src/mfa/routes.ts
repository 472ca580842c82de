import type { AppDeps, FeatureRoutes } from '../http/index.js';
import { backendMfaRoutes } from './backend-routes.js';
import { sdkMfaRoutes } from './sdk-routes.js';

/** Multi-factor's sub-apps: TOTP, recovery codes and the member's TOTP delete, on both APIs. */
export function mfaRoutes(deps: AppDeps): FeatureRoutes {
  return { sdk: sdkMfaRoutes(deps), backend: backendMfaRoutes(deps) };
}

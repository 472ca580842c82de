import type { AppDeps, FeatureRoutes } from '../http/index.js';
import { backendPasswordResetRoutes } from './reset-backend-routes.js';
import { sdkPasswordResetRoutes } from './reset-sdk-routes.js';

/** Password resets by email, organization and discovery, on both APIs. */
export function passwordResetRoutes(deps: AppDeps): FeatureRoutes {
  return { sdk: sdkPasswordResetRoutes(deps), backend: backendPasswordResetRoutes(deps) };
}

import type { AppDeps, FeatureRoutes } from '../http/index.js';
import { backendOtpRoutes } from './backend-routes.js';
import { sdkOtpRoutes } from './sdk-routes.js';

/** The email one-time codes' sub-apps: organization and discovery send and authenticate, on both APIs. */
export function otpRoutes(deps: AppDeps): FeatureRoutes {
  return { sdk: sdkOtpRoutes(deps), backend: backendOtpRoutes(deps) };
}

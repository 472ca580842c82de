import type { AppDeps, FeatureRoutes } from '../http/index.js';
import { backendMagicLinkRoutes } from './backend-routes.js';
import { sdkMagicLinkRoutes } from './sdk-routes.js';

/** The organization magic links' sub-apps: send, invite and authenticate, on both APIs. */
export function magicLinkRoutes(deps: AppDeps): FeatureRoutes {
  return { sdk: sdkMagicLinkRoutes(deps), backend: backendMagicLinkRoutes(deps) };
}

import type { AppDeps, FeatureRoutes } from '../http/index.js';
import { backendSessionRoutes } from './backend-routes.js';
import { jwksRoutes } from './jwks.js';
import { sdkSessionRoutes } from './sdk-routes.js';

/** The sessions feature's sub-apps; the JWKS answers without credentials, like Stytch's. */
export function sessionRoutes(deps: AppDeps): FeatureRoutes {
  return { sdk: sdkSessionRoutes(deps), backend: backendSessionRoutes(deps), backendOpen: jwksRoutes(deps) };
}

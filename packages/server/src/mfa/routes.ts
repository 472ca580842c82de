import { Hono } from 'hono';
import type { AppDeps, AppEnv, FeatureRoutes } from '../http/index.js';
import { backendMfaRoutes } from './backend-routes.js';
import { phoneDeleteRoutes } from './phone-delete.js';
import { sdkMfaRoutes } from './sdk-routes.js';
import { sdkTotpDeleteRoute } from './totp-delete-route.js';

/**
 * Multi-factor's sub-apps, on both APIs: TOTP (with the backend's migrate), recovery codes, and the
 * deletes of a member's TOTP and MFA phone number.
 */
export function mfaRoutes(deps: AppDeps): FeatureRoutes {
  const phones = phoneDeleteRoutes(deps);
  const sdk = new Hono<AppEnv>()
    .route('/', sdkMfaRoutes(deps))
    .route('/', sdkTotpDeleteRoute(deps))
    .route('/', phones.sdk);
  const backend = new Hono<AppEnv>().route('/', backendMfaRoutes(deps)).route('/', phones.backend);
  return { sdk, backend };
}

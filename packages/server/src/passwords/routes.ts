import type { AppDeps, FeatureRoutes } from '../http/index.js';
import { Hono } from 'hono';
import type { AppEnv } from '../http/index.js';
import { backendPasswordRoutes } from './backend-routes.js';
import { memberPasswordRoutes } from './member-routes.js';
import { sdkPasswordRoutes } from './sdk-routes.js';

/**
 * The passwords' sub-apps: authenticate, strength, resets and discovery on both APIs, migrate on the
 * backend, and deleting a member's password on both.
 */
export function passwordRoutes(deps: AppDeps): FeatureRoutes {
  const members = memberPasswordRoutes(deps);
  const sdk = new Hono<AppEnv>().route('/', sdkPasswordRoutes(deps)).route('/', members.sdk);
  const backend = new Hono<AppEnv>().route('/', backendPasswordRoutes(deps)).route('/', members.backend);
  return { sdk, backend };
}

/**
 * What feature folders may use of the HTTP layer: the request context, the response helpers, the
 * route declaration helper and the few guards a feature calls itself. The app's own middleware
 * (authentication, CORS, event log, rate-limit table) is composed in app.ts and stays internal
 * (boundaries.test.ts).
 */
export type { AppContext, AppDeps, AppEnv } from './context.js';
export { apiOk, errorEnvelope, readBody, sdkOk } from './responses.js';
export {
  authenticateLimit,
  cpuLimit,
  defineRoutes,
  sendLimit,
  type FeatureRoutes,
  type RouteFacts,
  type RouteLimit,
  type Routes,
} from './routes.js';
export { limitSmsRecipient, limitSsoStart } from './rate-limit-checks.js';
export { clearEmailFailures } from './auth-failures.js';
export { assertOriginAllowed } from './sdk-middleware.js';
export { canonicalIp } from './client-ip.js';
export { isDevHostAllowed, misdirectedRequest } from './dev-guards.js';

import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { ApiError } from '../lib/api-error.js';
import { newId } from '../lib/crypto.js';
import { registerBackendOrganizationRoutes } from '../routes/backend-organizations.js';
import { registerDevMailboxRoutes } from '../routes/dev-mailbox.js';
import { registerJwksRoutes } from '../routes/jwks.js';
import { registerSdkBootstrapRoutes } from '../routes/sdk-bootstrap.js';
import { registerSdkDiscoveryRoutes } from '../routes/sdk-discovery.js';
import { registerSdkMagicLinkRoutes } from '../routes/sdk-magic-links.js';
import { registerSdkSessionRoutes } from '../routes/sdk-sessions.js';
import type { AppDeps, AppEnv } from './context.js';
import { errorEnvelope } from './responses.js';
import { backendAuth, sdkAuth, sdkCors } from './sdk-middleware.js';

/**
 * Builds the Hono app: SDK API under `/sdk/v1` (public token, CORS, `{data}` envelope), backend API
 * under `/v1/b2b` (project secret), JWKS, and the dev mailbox when `deps.dev`. Every failure leaves
 * as the JSON error envelope; only genuine bugs become 500.
 */
export function createApp(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.use('*', async (c, next) => {
    c.set('requestId', newId('request-id'));
    await next();
    c.res.headers.set('X-Content-Type-Options', 'nosniff');
    c.res.headers.set('Referrer-Policy', 'no-referrer');
    const path = c.req.path;
    // API answers may carry tokens or per-user data: never cache them (SES-12). JWKS sets its own.
    if ((path.startsWith('/sdk/') || path.startsWith('/v1/b2b/')) && !c.res.headers.has('Cache-Control')) {
      c.res.headers.set('Cache-Control', 'no-store');
    }
  });

  const sdk = new Hono<AppEnv>();
  sdk.use('*', sdkCors(deps));
  sdk.use('/b2b/*', sdkAuth(deps));
  registerSdkBootstrapRoutes(sdk, deps);
  registerSdkMagicLinkRoutes(sdk, deps);
  registerSdkDiscoveryRoutes(sdk, deps);
  registerSdkSessionRoutes(sdk, deps);
  sdk.all('*', () => {
    throw new ApiError(404, 'not_found', 'No SDK endpoint at this path.');
  });
  app.route('/sdk/v1', sdk);

  const api = new Hono<AppEnv>();
  registerJwksRoutes(api, deps);
  api.use('*', backendAuth(deps));
  registerBackendOrganizationRoutes(api, deps);
  app.route('/v1/b2b', api);

  if (deps.dev) {
    const dev = new Hono<AppEnv>();
    registerDevMailboxRoutes(dev, deps);
    app.route('/dev', dev);
  }

  app.notFound((c) => errorEnvelope(c, new ApiError(404, 'not_found', `No endpoint ${c.req.method} ${c.req.path}.`)));
  app.onError((error, c) => {
    if (error instanceof ApiError) return errorEnvelope(c, error);
    if (error instanceof HTTPException && error.status < 500) {
      return errorEnvelope(c, new ApiError(400, 'bad_request', error.message || 'Bad request.'));
    }
    console.error(`[orgauth] ${c.get('requestId') ?? ''} ${c.req.method} ${c.req.path}:`, error);
    return errorEnvelope(c, new ApiError(500, 'internal_server_error', 'Internal server error.'));
  });
  return app;
}

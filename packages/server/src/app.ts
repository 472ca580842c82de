import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { ApiError } from './lib/api-error.js';
import { newId } from './lib/crypto.js';
import { registerBackendDiscoveryRoutes } from './discovery/backend-routes.js';
import { registerBackendMagicLinkRoutes } from './magic-links/backend-routes.js';
import { registerBackendMemberRoutes } from './members/routes.js';
import { registerBackendOrganizationRoutes } from './organizations/routes.js';
import { registerBackendSessionRoutes } from './sessions/backend-routes.js';
import { registerBackendSsoRoutes } from './sso/connection-routes.js';
import { registerDevIdpRoutes } from './dev/idp/dev-idp-routes.js';
import { registerDevMailboxRoutes } from './dev/mailbox.js';
import { registerDevEventRoutes, registerEventRoutes } from './events/routes.js';
import { registerJwksRoutes } from './sessions/jwks.js';
import { registerSdkBootstrapRoutes } from './projects/routes.js';
import { registerSdkDiscoveryRoutes } from './discovery/sdk-routes.js';
import { registerSdkEventRoutes } from './events/telemetry.js';
import { registerSdkMagicLinkRoutes } from './magic-links/sdk-routes.js';
import { registerSdkSessionRoutes } from './sessions/sdk-routes.js';
import { registerBackendSsoAuthenticateRoutes, registerSdkSsoAuthenticateRoutes } from './sso/authenticate-routes.js';
import { registerSdkSsoRoutes } from './sso/sdk-routes.js';
import { registerBackendSamlMetadataRoutes } from './sso/saml/metadata-routes.js';
import { registerSsoPublicRoutes } from './sso/public-routes.js';
import { registerOidcCallbackRoute } from './sso/oidc/callback-routes.js';
import { registerOidcConnectionRoutes } from './sso/oidc/connection-routes.js';
import type { AppDeps, AppEnv } from './http/context.js';
import { devFrameHeaders, devHostCheck } from './http/dev-guards.js';
import { eventLog } from './http/event-log.js';
import { rateLimitRoutes } from './http/rate-limit-routes.js';
import { errorEnvelope } from './http/responses.js';
import { registerScriptBundleRoutes } from './http/script-bundle.js';
import { backendAuth, sdkAuth, sdkCors } from './http/sdk-middleware.js';

/**
 * Builds the Hono app: SDK API under `/sdk/v1` (public token, CORS, `{data}` envelope), backend API
 * under `/v1/b2b` (project secret), JWKS, the script-tag bundle at `/orgauth.global.js`, and the dev
 * mailbox when `deps.dev`. Every failure leaves as the JSON error envelope; only genuine bugs become 500.
 */
export function createApp(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  // HSTS (WEB-05, at least a year) only when the server is reached over https, as its public URL
  // says: over plain http browsers ignore it, and a dev server must never pin localhost to https.
  const hsts = new URL(deps.publicUrl).protocol === 'https:';

  app.use('*', async (c, next) => {
    c.set('requestId', newId('request-id'));
    c.set('clientIp', deps.clientIp(c));
    c.set('rateLimiter', deps.rateLimiter);
    await next();
    c.res.headers.set('X-Content-Type-Options', 'nosniff');
    c.res.headers.set('Referrer-Policy', 'no-referrer');
    if (hsts) c.res.headers.set('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    const path = c.req.path;
    // API answers may carry tokens or per-user data: never cache them (SES-12). JWKS sets its own.
    if ((path.startsWith('/sdk/') || path.startsWith('/v1/b2b/')) && !c.res.headers.has('Cache-Control')) {
      c.res.headers.set('Cache-Control', 'no-store');
    }
  });
  // A dev server answers only its own names (DNS rebinding, http/dev-guards.ts); its pages refuse framing.
  if (deps.dev) {
    app.use('*', devHostCheck(deps.publicUrl));
    app.use('/dev/*', devFrameHeaders());
  }
  // CORS first, so that every SDK answer carries it, refusals by later middleware included.
  app.use('/sdk/*', sdkCors(deps));
  // Event log (start, then success/error) for every /sdk and /v1/b2b request; never fails one.
  app.use('*', eventLog(deps));
  // NUL (%00) in a path or query is never meaningful and PostgreSQL text cannot hold it: refuse it
  // here rather than let a lookup fail as a 500. (`%2500` is a literal "%00" and passes.)
  app.use('*', async (c, next) => {
    if (/%00/i.test(c.req.url)) throw new ApiError(400, 'bad_request', 'The request URL must not contain NUL (%00) characters.');
    await next();
  });

  const sdk = new Hono<AppEnv>();
  sdk.use('/b2b/*', sdkAuth(deps));
  sdk.use('/b2b/*', rateLimitRoutes());
  registerSdkBootstrapRoutes(sdk, deps);
  registerSdkMagicLinkRoutes(sdk, deps);
  registerSdkDiscoveryRoutes(sdk, deps);
  registerSdkSessionRoutes(sdk, deps);
  registerSdkSsoRoutes(sdk, deps);
  registerSdkSsoAuthenticateRoutes(sdk, deps);
  registerSdkEventRoutes(sdk);
  sdk.all('*', () => {
    throw new ApiError(404, 'not_found', 'No SDK endpoint at this path.');
  });
  app.route('/sdk/v1', sdk);

  const api = new Hono<AppEnv>();
  registerJwksRoutes(api, deps);
  api.use('*', backendAuth(deps));
  api.use('*', rateLimitRoutes());
  registerBackendOrganizationRoutes(api, deps);
  registerBackendMemberRoutes(api, deps);
  registerBackendSsoRoutes(api, deps);
  registerOidcConnectionRoutes(api, deps);
  registerBackendSsoAuthenticateRoutes(api, deps);
  registerBackendSamlMetadataRoutes(api, deps);
  registerBackendMagicLinkRoutes(api, deps);
  registerBackendDiscoveryRoutes(api, deps);
  registerBackendSessionRoutes(api, deps);
  registerEventRoutes(api, deps);
  app.route('/v1/b2b', api);

  // Browser-facing SSO endpoints (start, SAML ACS, SP metadata, OIDC callback): no API key, the
  // browser arrives by redirect or IdP form POST. Errors at IdP callbacks are HTML pages.
  const pub = new Hono<AppEnv>();
  registerSsoPublicRoutes(pub, deps);
  registerOidcCallbackRoute(pub, deps);
  app.route('/v1/public', pub);

  if (deps.dev) {
    const dev = new Hono<AppEnv>();
    registerDevMailboxRoutes(dev, deps);
    registerDevEventRoutes(dev, deps);
    registerDevIdpRoutes(dev, deps);
    app.route('/dev', dev);
  }

  // The script-tag bundle at the README's `<script src="https://auth.example.com/orgauth.global.js">`.
  registerScriptBundleRoutes(app, deps.scriptBundleDirs);

  app.notFound((c) => errorEnvelope(c, new ApiError(404, 'not_found', `No endpoint ${c.req.method} ${c.req.path}.`)));
  app.onError((error, c) => {
    if (error instanceof ApiError) return errorEnvelope(c, error);
    if (error instanceof HTTPException && error.status < 500) {
      return errorEnvelope(c, new ApiError(400, 'bad_request', error.message || 'Bad request.'));
    }
    // c.req.path is percent-DECODED: re-encode control characters so a crafted path (`%0D%0A…`)
    // cannot start a forged line in the server log (LOG-03).
    const path = c.req.path.replace(/[\u0000-\u001f\u007f\u0085\u2028\u2029]/g, encodeURIComponent);
    console.error(`[orgauth] ${c.get('requestId') ?? ''} ${c.req.method} ${path}:`, error);
    return errorEnvelope(c, new ApiError(500, 'internal_server_error', 'Internal server error.'));
  });
  return app;
}

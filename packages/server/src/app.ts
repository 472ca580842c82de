import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { devRoutes } from './dev/index.js';
import { discoveryRoutes } from './discovery/index.js';
import { eventRoutes } from './events/index.js';
import type { AppDeps, AppEnv } from './http/context.js';
import { devFrameHeaders, devHostCheck } from './http/dev-guards.js';
import { eventLog } from './http/event-log.js';
import { rateLimitRoutes } from './http/rate-limit-routes.js';
import { errorEnvelope } from './http/responses.js';
import { createRouteTable, type RouteTable } from './http/route-table.js';
import { declaredRoutes, type FeatureRoutes } from './http/routes.js';
import { registerScriptBundleRoutes } from './http/script-bundle.js';
import { backendAuth, sdkAuth, sdkCors } from './http/sdk-middleware.js';
import { ApiError, apiError } from './lib/api-error.js';
import { newId } from './lib/crypto.js';
import { magicLinkRoutes } from './magic-links/index.js';
import { memberRoutes } from './members/index.js';
import { mfaRoutes } from './mfa/index.js';
import { organizationRoutes } from './organizations/index.js';
import { oauthProviderTokenRoutes, oauthRoutes } from './oauth/index.js';
import { passwordResetRoutes, passwordRoutes } from './passwords/index.js';
import { otpRoutes, smsOtpRoutes } from './otps/index.js';
import { SmsDeliveryError } from './sms/index.js';
import { projectRoutes } from './projects/index.js';
import { rbacRoutes } from './rbac/index.js';
import { sessionRoutes } from './sessions/index.js';
import { ssoRoutes } from './sso/index.js';

/** Every feature's routes, in mounting order; each feature folder builds its own sub-apps. */
const FEATURES = [
  projectRoutes,
  organizationRoutes,
  // Before RBAC's member routes: the SDK's DELETE /b2b/organizations/members/deleteTOTP and
  // …/deletePhoneNumber must win over DELETE /b2b/organizations/members/:member_id.
  mfaRoutes,
  rbacRoutes,
  memberRoutes,
  magicLinkRoutes,
  discoveryRoutes,
  otpRoutes,
  passwordRoutes,
  passwordResetRoutes,
  smsOtpRoutes,
  sessionRoutes,
  ssoRoutes,
  oauthRoutes,
  oauthProviderTokenRoutes,
  eventRoutes,
];

/**
 * Builds the Hono app: SDK API under `/sdk/v1` (public token, CORS, `{data}` envelope), backend API
 * under `/v1/b2b` (project secret), browser-facing SSO under `/v1/public`, the script-tag bundles at
 * `/orgauth.global.js` and `/orgauth-account.global.js`, and the dev pages when `deps.dev`. Each feature folder's sub-apps are mounted
 * here with `app.route()`; the event log's actions and the rate limits come from the routes' own
 * declarations (http/routes.ts). Every failure leaves as the JSON error envelope; only genuine bugs
 * become 500.
 */
export function createApp(deps: AppDeps): Hono<AppEnv> {
  let table: RouteTable | undefined;
  const routes = (): RouteTable => {
    if (table === undefined) throw new Error('createApp: a request arrived before the routes were mounted.');
    return table;
  };
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
  app.use('*', eventLog(deps, routes));
  // NUL (%00) in a path or query is never meaningful and PostgreSQL text cannot hold it: refuse it
  // here rather than let a lookup fail as a 500. (`%2500` is a literal "%00" and passes.)
  app.use('*', async (c, next) => {
    if (/%00/i.test(c.req.url)) throw apiError('bad_request', 'The request URL must not contain NUL (%00) characters.');
    await next();
  });

  const features: FeatureRoutes[] = [
    ...FEATURES.map((feature) => feature(deps)),
    ...(deps.dev ? [devRoutes(deps)] : []),
  ];
  const mount = (parent: Hono<AppEnv>, surface: keyof FeatureRoutes) => {
    for (const feature of features) {
      const sub = feature[surface];
      if (sub !== undefined) parent.route('/', sub);
    }
  };

  const sdk = new Hono<AppEnv>();
  sdk.use('/b2b/*', sdkAuth(deps));
  sdk.use('/b2b/*', rateLimitRoutes(routes));
  mount(sdk, 'sdk');
  sdk.all('*', () => {
    throw apiError('not_found', 'No SDK endpoint at this path.');
  });
  app.route('/sdk/v1', sdk);

  const api = new Hono<AppEnv>();
  mount(api, 'backendOpen');
  api.use('*', backendAuth(deps));
  api.use('*', rateLimitRoutes(routes));
  mount(api, 'backend');
  app.route('/v1/b2b', api);

  // Browser-facing SSO endpoints (start, SAML ACS, SP metadata, OIDC callback): no API key, the
  // browser arrives by redirect or IdP form POST. Errors at IdP callbacks are HTML pages.
  const pub = new Hono<AppEnv>();
  mount(pub, 'public');
  app.route('/v1/public', pub);

  if (deps.dev) {
    const dev = new Hono<AppEnv>();
    mount(dev, 'dev');
    app.route('/dev', dev);
  }

  // The script-tag bundles at the README's `<script src="https://auth.example.com/orgauth.global.js">`
  // and `/orgauth-account.global.js`.
  registerScriptBundleRoutes(app, deps.scriptBundleDirs);

  app.notFound((c) => errorEnvelope(c, apiError('not_found', `No endpoint ${c.req.method} ${c.req.path}.`)));
  app.onError((error, c) => {
    // The caller gets the type's fixed words; the operator's log gets what the provider said.
    if (error instanceof SmsDeliveryError) console.error(`[orgauth] ${c.get('requestId') ?? ''} ${error.detail}`);
    if (error instanceof ApiError) return errorEnvelope(c, error);
    if (error instanceof HTTPException && error.status < 500) {
      return errorEnvelope(c, apiError('bad_request', error.message || 'Bad request.'));
    }
    // c.req.path is percent-DECODED: re-encode control characters so a crafted path (`%0D%0A…`)
    // cannot start a forged line in the server log (LOG-03).
    // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
    const path = c.req.path.replace(/[\u0000-\u001f\u007f\u0085\u2028\u2029]/g, encodeURIComponent);
    console.error(`[orgauth] ${c.get('requestId') ?? ''} ${c.req.method} ${path}:`, error);
    return errorEnvelope(c, apiError('internal_server_error', 'Internal server error.'));
  });
  // Known once every sub-app is mounted; the middleware above reads it per request.
  table = createRouteTable(declaredRoutes(app));
  return app;
}

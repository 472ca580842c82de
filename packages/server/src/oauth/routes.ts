import type { Hono } from 'hono';
import {
  type AppContext,
  type AppDeps,
  type AppEnv,
  apiOk,
  authenticateLimit,
  defineRoutes,
  type FeatureRoutes,
  limitSsoStart,
  readBody,
  sdkOk,
} from '../http/index.js';
import { ApiError } from '../lib/api-error.js';
import { readHeldSessionCredentials } from '../sessions/index.js';
import { readBindingCookie, setBindingCookie, ssoErrorPage, withBindingCookieCleared } from '../sso/index.js';
import { authenticateDiscoveryOAuth, authenticateOAuth } from './authenticate.js';
import { finishOAuth } from './callback.js';
import { parseProvider } from './providers.js';
import { peekOAuthRequest } from './requests.js';
import { startOAuth } from './start.js';

/**
 * Browser routes under `/v1/b2b` without an API key (docs/wire-protocol.md §2.4): the two starts
 * answer refusals as the JSON envelope (the SDK opened them, the page can show it); the callback, where
 * the provider brings the browser back, answers a refusal by sending the browser to the app's
 * redirect URL with `stytch_error=<type>` when the attempt is known, else with a page in words. The
 * flow's browser-binding cookie is cleared either way (the attempt is spent).
 */
function publicRoutes(deps: AppDeps): Hono<AppEnv> {
  const pub = defineRoutes();
  const start = (discovery: boolean) => async (c: AppContext) => {
    const provider = parseProvider(c.req.param('provider'));
    const { url, state, bindingSecret } = await startOAuth(deps, provider, c.req.query(), discovery, (projectId) =>
      limitSsoStart(c, projectId),
    );
    setBindingCookie(c, deps.publicUrl, state, bindingSecret);
    return c.redirect(url, 302);
  };
  pub.get('/public/oauth/:provider/start', { action: 'OAuthStart' }, start(false));
  pub.get('/public/oauth/:provider/discovery/start', { action: 'OAuthDiscoveryStart' }, start(true));
  pub.get('/public/oauth/callback', { action: 'OAuthCallback' }, async (c) => {
    const params = new URL(c.req.url).searchParams;
    const state = params.get('state') ?? '';
    const pending = await peekOAuthRequest(deps.db, state);
    if (pending !== undefined) {
      const project = await deps.projects.byId(pending.project_id);
      if (project !== undefined) c.set('project', project);
    }
    let res: Response;
    try {
      res = c.redirect(await finishOAuth(deps, params, readBindingCookie(c, deps.publicUrl, state), pending), 303);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      const back = pending?.organization_id === null ? pending.discovery_redirect_url : pending?.login_redirect_url;
      if (back === undefined || back === '') {
        res = ssoErrorPage(c, error, undefined, 'Sign-in failed');
      } else {
        c.set('outcome', { errorType: error.errorType });
        const url = new URL(back);
        url.searchParams.set('stytch_error', error.errorType);
        url.searchParams.set('stytch_error_description', error.message);
        res = c.redirect(url.href, 303);
        res.headers.set('X-OrgAuth-Error-Type', error.errorType);
      }
    }
    res.headers.set('Cache-Control', 'no-store');
    return withBindingCookieCleared(c, deps.publicUrl, state, res);
  });
  return pub.app;
}

/** `POST /sdk/v1/b2b/oauth/authenticate` and `…/discovery/authenticate`: PKCE-bound tokens only (CSRF-02). */
function sdkRoutes(deps: AppDeps): Hono<AppEnv> {
  const sdk = defineRoutes();
  sdk.post(
    '/b2b/oauth/authenticate',
    { action: 'OAuthAuthenticate', limit: authenticateLimit('oauth_token') },
    async (c) =>
      sdkOk(
        c,
        await authenticateOAuth(
          deps,
          c.get('project'),
          await readBody(c),
          { credentials: { token: c.get('sessionToken') }, mode: 'ambient' },
          true,
        ),
      ),
  );
  sdk.post(
    '/b2b/oauth/discovery/authenticate',
    { action: 'OAuthDiscoveryAuthenticate', limit: authenticateLimit('discovery_oauth_token') },
    async (c) => sdkOk(c, await authenticateDiscoveryOAuth(deps, c.get('project'), await readBody(c), true)),
  );
  return sdk.app;
}

/** `POST /v1/b2b/oauth/authenticate` and `…/discovery/authenticate`: any token (the secret proves the backend). */
function backendRoutes(deps: AppDeps): Hono<AppEnv> {
  const api = defineRoutes();
  api.post(
    '/oauth/authenticate',
    { action: 'OAuthAuthenticate', limit: authenticateLimit('oauth_token') },
    async (c) => {
      const body = await readBody(c);
      const held = { credentials: readHeldSessionCredentials(body), mode: 'explicit' as const };
      return apiOk(c, await authenticateOAuth(deps, c.get('project'), body, held, false));
    },
  );
  api.post(
    '/oauth/discovery/authenticate',
    { action: 'OAuthDiscoveryAuthenticate', limit: authenticateLimit('discovery_oauth_token') },
    async (c) => apiOk(c, await authenticateDiscoveryOAuth(deps, c.get('project'), await readBody(c), false)),
  );
  return api.app;
}

/** Sign-in with OAuth providers: browser start and callback, SDK and backend token redemption. */
export function oauthRoutes(deps: AppDeps): FeatureRoutes {
  return { sdk: sdkRoutes(deps), backend: backendRoutes(deps), backendOpen: publicRoutes(deps) };
}

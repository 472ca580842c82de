import type { Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { finishOidcLogin, peekOidcRequest } from './callback.js';
import { bindingCookieSuffix } from './start.js';
import { SSO_REQUEST_TTL_MS } from '../requests.js';
import { type AppContext, type AppDeps, type AppEnv, defineRoutes } from '../../http/index.js';
import { ApiError } from '../../lib/api-error.js';
import { ssoErrorPage } from '../error-page.js';

// The OIDC browser-binding cookie (docs/security.md O2, sso/oidc/start.ts). On an https public URL it is a
// `__Host-` cookie: Secure, Path=/, no Domain, so neither a sibling subdomain nor plain http can set
// or overwrite it. On http (local dev, tests, e2e on http://localhost) the prefix and Secure are
// dropped: browsers other than Chrome refuse Secure cookies on http, and the flow would never finish.
// SameSite=Lax: the IdP brings the browser back with a top-level GET, which Lax cookies accompany;
// cross-site subresource requests and POSTs do not carry it.

type CookieOptions = NonNullable<Parameters<typeof setCookie>[3]>;

const NAME = 'orgauth_oidc_';
const MAX_STATE = 512;

function options(publicUrl: string): CookieOptions {
  const https = new URL(publicUrl).protocol === 'https:';
  const base = { path: '/', httpOnly: true, sameSite: 'Lax' } as const;
  return https ? { ...base, secure: true, prefix: 'host' } : base;
}

/** The cookie's name without the `__Host-` prefix Hono adds (`prefix: 'host'`). */
const nameFor = (state: string) => `${NAME}${bindingCookieSuffix(state)}`;

/** Sets the binding cookie of the flow whose `state` is given; it lives as long as the SSO request. */
export function setBindingCookie(c: AppContext, publicUrl: string, state: string, secret: string): void {
  setCookie(c, nameFor(state), secret, { ...options(publicUrl), maxAge: Math.floor(SSO_REQUEST_TTL_MS / 1000) });
}

/** The binding secret this browser holds for `state`, if any. */
export function readBindingCookie(c: AppContext, publicUrl: string, state: string): string | undefined {
  if (state === '' || state.length > MAX_STATE) return undefined;
  return getCookie(c, nameFor(state), options(publicUrl).prefix);
}

/**
 * Returns `res` with the flow's binding cookie expired (success or refusal: the attempt is spent
 * either way). Goes through `c.res` so Hono's cookie helper applies to a Response built elsewhere
 * (the SSO error page is a plain Response).
 */
export function withBindingCookieCleared(c: AppContext, publicUrl: string, state: string, res: Response): Response {
  c.res = res;
  if (state !== '' && state.length <= MAX_STATE) deleteCookie(c, nameFor(state), options(publicUrl));
  return c.res;
}

/**
 * `GET /sso/oidc/callback` under `/v1/public` (the redirect URI every OIDC IdP is given). Success: 303
 * to the login/signup redirect URL with the `sso` token. Refusal: the SSO error page (the browser came
 * from the IdP, a JSON envelope would strand it), linking back to the login URL when the attempt is known.
 * Either way the flow's browser-binding cookie is cleared: the attempt is spent.
 */
export function oidcCallbackRoutes(deps: AppDeps): Hono<AppEnv> {
  const pub = defineRoutes();
  pub.get('/sso/oidc/callback', { action: 'SSOOIDCCallback' }, async (c) => {
    const params = new URL(c.req.url).searchParams;
    const state = params.get('state') ?? '';
    const pending = await peekOidcRequest(deps, state);
    if (pending !== undefined) {
      const project = await deps.projects.byId(pending.project_id);
      if (project !== undefined) c.set('project', project);
    }
    let res: Response;
    try {
      const redirect = await finishOidcLogin(deps, params, readBindingCookie(c, deps.publicUrl, state), pending);
      res = c.redirect(redirect, 303);
      res.headers.set('Cache-Control', 'no-store');
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      res = ssoErrorPage(c, error, pending?.login_redirect_url);
    }
    return withBindingCookieCleared(c, deps.publicUrl, state, res);
  });
  return pub.app;
}

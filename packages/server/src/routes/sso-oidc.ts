import type { Hono } from 'hono';
import { finishOidcLogin, peekOidcRequest } from '../domain/oidc-callback.js';
import type { AppDeps, AppEnv } from '../http/context.js';
import { ApiError } from '../lib/api-error.js';
import { ssoErrorPage } from './sso-error-page.js';

/**
 * `GET /sso/oidc/callback` under `/v1/public` (the redirect URI every OIDC IdP is given). Success: 303
 * to the login/signup redirect URL with the `sso` token. Refusal: the SSO error page (the browser came
 * from the IdP, a JSON envelope would strand it), linking back to the login URL when the attempt is known.
 */
export function registerOidcCallbackRoute(pub: Hono<AppEnv>, deps: AppDeps): void {
  pub.get('/sso/oidc/callback', async (c) => {
    const params = new URL(c.req.url).searchParams;
    const pending = await peekOidcRequest(deps, params.get('state') ?? '');
    if (pending !== undefined) {
      const project = await deps.projects.byId(pending.project_id);
      if (project !== undefined) c.set('project', project);
    }
    try {
      const redirect = await finishOidcLogin(deps, params);
      const res = c.redirect(redirect, 303);
      res.headers.set('Cache-Control', 'no-store');
      return res;
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      return ssoErrorPage(c, error, pending?.login_redirect_url);
    }
  });
}

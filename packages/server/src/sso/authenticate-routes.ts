import type { Hono } from 'hono';
import { authenticateSsoToken } from './authenticate.js';
import type { Project } from '../projects/index.js';
import { primaryAuthResponse } from '../mfa/index.js';
import { type HeldSession, proveHeldSession, readHeldSessionCredentials } from '../sessions/index.js';
import { apiOk, type AppDeps, type AppEnv, authenticateLimit, defineRoutes, readBody, sdkOk } from '../http/index.js';
import { optionalString, requiredString, sessionDuration, type Body } from '../lib/validate.js';

/**
 * `sso/authenticate` (docs/wire-protocol.md §2.3 / §5.2), shared by the SDK and backend routes. The held session is
 * proven before the token is redeemed, so a refusal leaves the single-use token usable. `requirePkce`:
 * the SDK route redeems only tokens whose start carried a PKCE challenge (sso/authenticate.ts).
 */
async function authenticate(deps: AppDeps, project: Project, body: Body, held: HeldSession, requirePkce: boolean) {
  const token = requiredString(body, 'sso_token', { max: 512 });
  const verifier = optionalString(body, 'pkce_code_verifier', { max: 256 });
  const durationMinutes = sessionDuration(body);
  const locale = optionalString(body, 'locale', { max: 16 });
  const now = deps.now();
  const existing = await proveHeldSession(deps.db, deps.keys, project.id, held, body, durationMinutes, now);
  const outcome = await authenticateSsoToken(
    deps.db,
    {
      projectId: project.id,
      token,
      pkceVerifier: verifier === '' ? undefined : verifier,
      requirePkce,
      durationMinutes,
      existing,
      intermediateSessionToken: optionalString(body, 'intermediate_session_token', { max: 512 }),
    },
    now,
  );
  return { ...(await primaryAuthResponse(deps, outcome, now, locale)), reset_sessions: false };
}

/**
 * `POST /sdk/v1/b2b/sso/authenticate`: only tokens from a start with `pkce_code_challenge` (400
 * `pkce_required` otherwise, token left unspent), so a token an attacker obtained for themself cannot
 * be planted in a victim's browser (login CSRF). Bootstrap says `pkce_required_for_sso: true`.
 */
export function sdkSsoAuthenticateRoutes(deps: AppDeps): Hono<AppEnv> {
  const sdk = defineRoutes();
  // The session is the Basic password (docs/wire-protocol.md §1.2), whatever cookie the browser holds: ambient.
  sdk.post('/b2b/sso/authenticate', { action: 'SSOAuthenticate', limit: authenticateLimit('sso_token') }, async (c) =>
    sdkOk(
      c,
      await authenticate(
        deps,
        c.get('project'),
        await readBody(c),
        { credentials: { token: c.get('sessionToken') }, mode: 'ambient' },
        true,
      ),
    ),
  );
  return sdk.app;
}

/**
 * `POST /v1/b2b/sso/authenticate`: any token, with or without a PKCE challenge (the project secret
 * proves the caller is the application's backend): backend-only integrations and IdP-initiated SAML
 * sign-ins, whose tokens never have a challenge, redeem here.
 */
export function backendSsoAuthenticateRoutes(deps: AppDeps): Hono<AppEnv> {
  const api = defineRoutes();
  api.post('/sso/authenticate', { action: 'SSOAuthenticate', limit: authenticateLimit('sso_token') }, async (c) => {
    const body = await readBody(c);
    return apiOk(
      c,
      await authenticate(
        deps,
        c.get('project'),
        body,
        { credentials: readHeldSessionCredentials(body), mode: 'explicit' },
        false,
      ),
    );
  });
  return api.app;
}

import type { Hono } from 'hono';
import { authenticateSsoToken } from '../domain/sso-authenticate.js';
import type { Project } from '../domain/projects.js';
import { authenticateResponse } from '../domain/sessions.js';
import type { AppDeps, AppEnv } from '../http/context.js';
import { apiOk, readBody, sdkOk } from '../http/responses.js';
import { optionalString, requiredString, sessionDuration, type Body } from '../lib/validate.js';

/** `sso/authenticate` (WIRE §2.3 / §5.2), shared by the SDK and backend routes. */
async function authenticate(deps: AppDeps, project: Project, body: Body) {
  const token = requiredString(body, 'sso_token', { max: 512 });
  const verifier = optionalString(body, 'pkce_code_verifier', { max: 256 });
  const durationMinutes = sessionDuration(body);
  optionalString(body, 'locale', { max: 16 });
  const now = deps.now();
  const { loaded, token: sessionToken } = await authenticateSsoToken(
    deps.db,
    { projectId: project.id, token, pkceVerifier: verifier === '' ? undefined : verifier, durationMinutes },
    now,
  );
  return { ...(await authenticateResponse(deps.keys, loaded, sessionToken, now)), reset_sessions: false };
}

/** `POST /sdk/v1/b2b/sso/authenticate`. */
export function registerSdkSsoAuthenticateRoutes(sdk: Hono<AppEnv>, deps: AppDeps): void {
  sdk.post('/b2b/sso/authenticate', async (c) => sdkOk(c, await authenticate(deps, c.get('project'), await readBody(c))));
}

/** `POST /v1/b2b/sso/authenticate`. */
export function registerBackendSsoAuthenticateRoutes(api: Hono<AppEnv>, deps: AppDeps): void {
  api.post('/sso/authenticate', async (c) => apiOk(c, await authenticate(deps, c.get('project'), await readBody(c))));
}

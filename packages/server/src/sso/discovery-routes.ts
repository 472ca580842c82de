import type { Hono } from 'hono';
import type { Project } from '../projects/index.js';
import { apiOk, type AppDeps, type AppEnv, authenticateLimit, defineRoutes, readBody, sdkOk } from '../http/index.js';
import { optionalString, requiredString, type Body } from '../lib/validate.js';
import { authenticateDiscoverySsoToken } from './discovery.js';

/** `sso/discovery/authenticate` (docs/wire-protocol.md §2.3a), shared by the SDK and backend routes. */
async function authenticate(deps: AppDeps, project: Project, body: Body, requirePkce: boolean) {
  const token = requiredString(body, 'discovery_sso_token', { max: 512 });
  const verifier = optionalString(body, 'pkce_code_verifier', { max: 256 });
  optionalString(body, 'locale', { max: 16 });
  return authenticateDiscoverySsoToken(
    deps.db,
    { projectId: project.id, token, pkceVerifier: verifier === '' ? undefined : verifier, requirePkce },
    deps.now(),
  );
}

/**
 * `POST /sdk/v1/b2b/sso/discovery/authenticate`: as `sso/authenticate`, only tokens whose start
 * carried a PKCE challenge (400 `pkce_required` otherwise, token left unspent), so a token minted for
 * someone else cannot be planted in a victim's browser.
 */
export function sdkSsoDiscoveryRoutes(deps: AppDeps): Hono<AppEnv> {
  const sdk = defineRoutes();
  sdk.post(
    '/b2b/sso/discovery/authenticate',
    { action: 'SSODiscoveryAuthenticate', limit: authenticateLimit('discovery_sso_token') },
    async (c) => {
      c.header('Cache-Control', 'no-store');
      return sdkOk(c, await authenticate(deps, c.get('project'), await readBody(c), true));
    },
  );
  return sdk.app;
}

/** `POST /v1/b2b/sso/discovery/authenticate`: any token; the project secret proves the caller is the backend. */
export function backendSsoDiscoveryRoutes(deps: AppDeps): Hono<AppEnv> {
  const api = defineRoutes();
  api.post(
    '/sso/discovery/authenticate',
    { action: 'SSODiscoveryAuthenticate', limit: authenticateLimit('discovery_sso_token') },
    async (c) => {
      c.header('Cache-Control', 'no-store');
      return apiOk(c, await authenticate(deps, c.get('project'), await readBody(c), false));
    },
  );
  return api.app;
}

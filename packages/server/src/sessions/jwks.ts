import type { Hono } from 'hono';
import { type AppDeps, type AppEnv, defineRoutes } from '../http/index.js';
import { apiError } from '../lib/api-error.js';

/**
 * `GET /v1/b2b/sessions/jwks/{project_id}`: public keys for offline session-JWT verification. No
 * authentication, like Stytch's (jose's remote JWKS fetch sends none).
 */
export function jwksRoutes(deps: AppDeps): Hono<AppEnv> {
  const api = defineRoutes();
  api.get('/sessions/jwks/:project_id', { action: 'SessionsJwks' }, async (c) => {
    const project = await deps.projects.byId(c.req.param('project_id'));
    if (project === undefined) throw apiError('not_found', 'Unknown project_id.');
    c.header('Cache-Control', 'public, max-age=300');
    return c.json(await deps.keys.jwks(project.id));
  });
  return api.app;
}

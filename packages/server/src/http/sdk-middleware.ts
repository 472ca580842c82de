import type { MiddlewareHandler } from 'hono';
import { ApiError } from '../lib/api-error.js';
import { isIpAllowed } from '../domain/ip-allowlist.js';
import type { Project } from '../domain/projects.js';
import type { AppContext, AppDeps, AppEnv } from './context.js';
import { basicCredentials, errorEnvelope } from './responses.js';

const ALLOW_HEADERS = 'Authorization, Content-Type, X-SDK-Client, X-SDK-Parent-Host';
const ALLOW_METHODS = 'GET, POST, PUT, DELETE, OPTIONS';

/**
 * CORS for the SDK API. Origins come from the project's authorized-origin allowlist and are echoed
 * only when listed, never reflected blindly (SECURITY.md WEB-06); credentials are allowed because
 * the SDK fetches with `credentials: 'include'`. Preflights carry no credentials, so they are
 * answered for an origin any project lists; the real request is then checked per project.
 */
export function sdkCors(deps: AppDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const origin = c.req.header('origin');
    if (c.req.method === 'OPTIONS') {
      if (origin === undefined || !(await deps.projects.isOriginAllowedAnywhere(origin))) {
        return errorEnvelope(c, new ApiError(403, 'origin_not_allowed', 'This origin is not an authorized origin of any project.'));
      }
      return c.body(null, 204, {
        'Access-Control-Allow-Origin': origin,
        'Access-Control-Allow-Credentials': 'true',
        'Access-Control-Allow-Methods': ALLOW_METHODS,
        'Access-Control-Allow-Headers': ALLOW_HEADERS,
        'Access-Control-Max-Age': '600',
        Vary: 'Origin',
      });
    }
    await next();
    c.res.headers.append('Vary', 'Origin');
    if (origin === undefined) return;
    const project = c.get('project') as Project | undefined;
    const allowed = project ? await deps.projects.isOriginAllowed(project.id, origin) : await deps.projects.isOriginAllowedAnywhere(origin);
    if (allowed) {
      c.res.headers.set('Access-Control-Allow-Origin', origin);
      c.res.headers.set('Access-Control-Allow-Credentials', 'true');
    }
  };
}

/**
 * Refuses a browser call from an origin the project has not authorized. Calls without `Origin`
 * (server-to-server, tests) pass: CORS exists to protect browsers, and those callers have no
 * ambient cookies to abuse.
 * @throws ApiError 403 `origin_not_allowed`
 */
export async function assertOriginAllowed(c: AppContext, deps: AppDeps, project: Project): Promise<void> {
  const origin = c.req.header('origin');
  if (origin !== undefined && !(await deps.projects.isOriginAllowed(project.id, origin))) {
    throw new ApiError(403, 'origin_not_allowed', `The origin ${origin} is not an authorized origin of this project.`);
  }
}

/**
 * SDK authentication: `Authorization: Basic base64(public_token:session_token|public_token)`. Sets
 * `project` and, when the password is not the public token, `sessionToken`.
 * @throws ApiError 401 `invalid_public_token`, 403 `origin_not_allowed`
 */
export function sdkAuth(deps: AppDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const credentials = basicCredentials(c.req.header('authorization'));
    const project = credentials && (await deps.projects.byPublicToken(credentials.user));
    if (credentials === undefined || project === undefined) {
      throw new ApiError(401, 'invalid_public_token', 'The Authorization header must carry a valid public token (Basic public_token:token).');
    }
    c.set('project', project);
    await assertOriginAllowed(c, deps, project);
    const password = credentials.password;
    c.set('sessionToken', password === '' || password === credentials.user ? undefined : password);
    await next();
  };
}

/**
 * Backend authentication: `Authorization: Basic base64(project_id:secret)`. The environment's IP
 * allowlist is checked first, so a caller outside it learns nothing about the secret it sent.
 * Each environment (test / live) has its own row and secret: another environment's secret fails.
 * @throws ApiError 403 `ip_not_allowed`, 401 `unauthorized_credentials`
 */
export function backendAuth(deps: AppDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const credentials = basicCredentials(c.req.header('authorization'));
    if (credentials !== undefined && !(await isIpAllowed(deps.db, credentials.user, c.get('clientIp')))) {
      throw new ApiError(403, 'ip_not_allowed', 'This IP address is not on the IP allowlist of this project environment.');
    }
    const project = credentials && (await deps.projects.verifySecret(credentials.user, credentials.password));
    if (project === undefined) {
      throw new ApiError(401, 'unauthorized_credentials', 'The Authorization header must carry Basic project_id:secret of a project.');
    }
    c.set('project', project);
    await next();
  };
}

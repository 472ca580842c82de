import type { MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import { apiError } from '../lib/api-error.js';
import { isIpAllowed, type Project } from '../projects/index.js';
import type { AppContext, AppDeps, AppEnv } from './context.js';
import { basicCredentials, errorEnvelope } from './responses.js';

const ALLOW_HEADERS = ['Authorization', 'Content-Type', 'X-SDK-Client', 'X-SDK-Parent-Host'];
const ALLOW_METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'OPTIONS'];
const BOOTSTRAP_PATH = /^\/sdk\/v1\/projects\/bootstrap\/([^/]+)$/;

/**
 * The project an SDK request names: the public token of its Basic credentials, or of the bootstrap
 * path. Looked up once per request (CORS and `sdkAuth` both ask).
 */
export function sdkProject(c: AppContext, deps: AppDeps): Promise<Project | undefined> {
  let found = c.get('sdkProject');
  if (found === undefined) {
    const fromPath = BOOTSTRAP_PATH.exec(c.req.path)?.[1];
    const publicToken =
      basicCredentials(c.req.header('authorization'))?.user ??
      (fromPath === undefined ? undefined : safeDecode(fromPath));
    found =
      publicToken === undefined || publicToken.length > 256
        ? Promise.resolve(undefined)
        : deps.projects.byPublicToken(publicToken);
    c.set('sdkProject', found);
  }
  return found;
}

const safeDecode = (segment: string): string | undefined => {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
};

/**
 * CORS for the SDK API, by `hono/cors`. An origin is echoed only when the project the request names
 * lists it (a preflight names none: then when any project lists it), never reflected blindly
 * (docs/security.md WEB-06); credentials are allowed because the SDK fetches with `credentials: 'include'`.
 * The headers are set before the handler runs, so every answer carries them, errors included: the
 * browser can read the error envelope. A foreign origin gets no CORS headers, and its preflight a 403.
 */
export function sdkCors(deps: AppDeps): MiddlewareHandler<AppEnv> {
  const allow = cors({
    origin: (origin) => origin,
    credentials: true,
    allowMethods: ALLOW_METHODS,
    allowHeaders: ALLOW_HEADERS,
    maxAge: 600,
  });
  const allowed = async (c: AppContext, origin: string) => {
    const project = await sdkProject(c, deps);
    if (project === undefined) return deps.projects.isOriginAllowedAnywhere(origin);
    const ok = await deps.projects.isOriginAllowed(project.id, origin);
    if (ok) c.set('originAllowedFor', project.id);
    return ok;
  };
  return async (c, next) => {
    const origin = c.req.header('origin');
    if (origin !== undefined && (await allowed(c, origin))) return allow(c, next);
    if (c.req.method === 'OPTIONS') {
      return errorEnvelope(
        c,
        apiError('origin_not_allowed', 'This origin is not an authorized origin of any project.'),
      );
    }
    c.header('Vary', 'Origin', { append: true });
    await next();
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
  if (origin === undefined || c.get('originAllowedFor') === project.id) return;
  if (!(await deps.projects.isOriginAllowed(project.id, origin))) {
    throw apiError('origin_not_allowed', `The origin ${origin} is not an authorized origin of this project.`);
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
    const project = credentials && (await sdkProject(c, deps));
    if (credentials === undefined || project === undefined) {
      throw apiError(
        'invalid_public_token',
        'The Authorization header must carry a valid public token (Basic public_token:token).',
      );
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
      throw apiError('ip_not_allowed', 'This IP address is not on the IP allowlist of this project environment.');
    }
    const project = credentials && (await deps.projects.verifySecret(credentials.user, credentials.password));
    if (project === undefined) {
      throw apiError(
        'unauthorized_credentials',
        'The Authorization header must carry Basic project_id:secret of a project.',
      );
    }
    c.set('project', project);
    await next();
  };
}

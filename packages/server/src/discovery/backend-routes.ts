import type { AuthenticationFactor } from '@orgauth/core/protocol';
import type { Hono } from 'hono';
import { type OAuthTenants, readIntermediateSession } from './intermediate-sessions.js';
import { authMethodOf } from '../members/index.js';
import { authenticateSessionToken, verifySessionJwt } from '../sessions/index.js';
import {
  apiOk,
  type AppDeps,
  type AppEnv,
  authenticateLimit,
  defineRoutes,
  readBody,
  sendLimit,
} from '../http/index.js';
import { apiError } from '../lib/api-error.js';
import type { Body } from '../lib/validate.js';
import {
  authenticateDiscoveryMagicLink,
  createOrganizationFromIst,
  exchangeIntermediateSession,
  listDiscoveredOrganizations,
  sendDiscoveryMagicLink,
} from './service.js';
import { optionalToken } from './sdk-routes.js';

/**
 * The verified email behind exactly one of `intermediate_session_token`, `session_token` or
 * `session_jwt`. A JWT counts only while its session is still live: a revoked session's JWT, though
 * validly signed for a few more minutes, discovers nothing.
 * @throws ApiError 400 when none or several are sent; 404 / 401 when the credential is not live.
 */
async function provenEmail(
  deps: AppDeps,
  projectId: string,
  body: Body,
): Promise<{
  email: string;
  methods?: string[];
  oauthTenants?: OAuthTenants | null;
  factors?: AuthenticationFactor[];
}> {
  const ist = optionalToken(body.intermediate_session_token);
  const sessionToken = optionalToken(body.session_token, 'session_token');
  const jwt =
    body.session_jwt === undefined || body.session_jwt === null || body.session_jwt === ''
      ? undefined
      : body.session_jwt;
  if (jwt !== undefined && typeof jwt !== 'string') throw apiError('bad_request', 'session_jwt must be a string.');
  const sent = [ist, sessionToken, jwt].filter((v) => v !== undefined).length;
  if (sent !== 1)
    throw apiError('bad_request', 'Send exactly one of intermediate_session_token, session_token or session_jwt.');
  const now = deps.now();
  if (ist !== undefined) {
    const read = await readIntermediateSession(deps.db, projectId, ist, now);
    return {
      email: read.email,
      methods: read.factors.map(authMethodOf),
      oauthTenants: read.oauthTenants,
      factors: read.factors,
    };
  }
  if (sessionToken !== undefined)
    return { email: (await authenticateSessionToken(deps.db, projectId, sessionToken, undefined, now)).member.email };
  const { sessionId } = await verifySessionJwt(deps.db, projectId, jwt as string, now);
  const row = await deps.db
    .selectFrom('sessions')
    .innerJoin('members', 'members.id', 'sessions.member_id')
    .select(['members.email', 'members.status'])
    .where('sessions.id', '=', sessionId)
    .where('sessions.project_id', '=', projectId)
    .where('sessions.revoked_at', 'is', null)
    .where('sessions.expires_at', '>', now)
    .executeTakeFirst();
  if (row === undefined || row.status !== 'active')
    throw apiError('session_not_found', 'The session is unknown, revoked, or expired.');
  return { email: row.email };
}

/**
 * Backend discovery (`/v1/b2b/discovery…` and the discovery magic link; seed discoverOrganizations +
 * docs/wire-protocol.md §5.2).
 */
export function backendDiscoveryRoutes(deps: AppDeps): Hono<AppEnv> {
  const api = defineRoutes();
  api.post(
    '/magic_links/email/discovery/send',
    { action: 'MagicLinksEmailDiscoverySend', limit: sendLimit('email_address') },
    async (c) => {
      return apiOk(c, await sendDiscoveryMagicLink(deps, c.get('project'), await readBody(c)));
    },
  );

  api.post(
    '/magic_links/discovery/authenticate',
    { action: 'MagicLinksDiscoveryAuthenticate', limit: authenticateLimit('discovery_magic_links_token') },
    async (c) => {
      return apiOk(c, await authenticateDiscoveryMagicLink(deps, c.get('project'), await readBody(c)));
    },
  );
  api.post('/discovery/organizations', { action: 'DiscoveryOrganizationsList' }, async (c) => {
    const project = c.get('project');
    const { email, methods, oauthTenants, factors } = await provenEmail(deps, project.id, await readBody(c));
    return apiOk(c, await listDiscoveredOrganizations(deps, project, email, methods, oauthTenants ?? null, factors));
  });

  api.post(
    '/discovery/organizations/create',
    { action: 'DiscoveryOrganizationsCreate', limit: authenticateLimit('intermediate_session_token') },
    async (c) => {
      return apiOk(
        c,
        await createOrganizationFromIst(deps, c.get('project'), await readBody(c), { allowTrustedMetadata: true }),
      );
    },
  );

  api.post(
    '/discovery/intermediate_sessions/exchange',
    { action: 'DiscoveryIntermediateSessionsExchange', limit: authenticateLimit('intermediate_session_token') },
    async (c) => {
      return apiOk(c, await exchangeIntermediateSession(deps, c.get('project'), await readBody(c)));
    },
  );
  return api.app;
}

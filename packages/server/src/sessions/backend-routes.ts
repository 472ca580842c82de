import type { Hono } from 'hono';
import { getMember } from '../members/index.js';
import { getOrganization } from '../organizations/index.js';
import { authorizationVerdict, readAuthorizationCheck } from '../rbac/index.js';
import { readCustomClaims } from './claims.js';
import { exchangeSession } from './exchange.js';
import { refusingIntermediateTokens } from './not-a-session.js';
import { proveSession, readSessionCredentials } from './proof.js';
import { listActiveSessions, revokeSessionById, revokeSessionsForMember } from './revocation.js';
import { authenticateResponse, revokeSessionToken, touchSession } from './store.js';
import { apiOk, type AppDeps, type AppEnv, defineRoutes, readBody } from '../http/index.js';
import { apiError, badRequest } from '../lib/api-error.js';
import { optionalString, requiredString, sessionDuration, type Body } from '../lib/validate.js';

const REVOKE_KEYS = ['member_session_id', 'session_id', 'session_token', 'session_jwt', 'member_id'] as const;

/** `session_duration_minutes` when sent (validated), else `undefined`: authenticate only extends on request. */
function optionalDuration(body: Body): number | undefined {
  return body.session_duration_minutes === undefined || body.session_duration_minutes === null
    ? undefined
    : sessionDuration(body);
}

function requiredQuery(value: string | undefined, name: string): string {
  if (value === undefined || value === '') throw badRequest(`${name} is required.`);
  if (value.length > 256) throw badRequest(`${name} must be at most 256 characters.`);
  return value;
}

/**
 * Backend sessions (`/v1/b2b/sessions…`, seed authenticateB2BSession / revokeB2BSession and docs/wire-protocol.md
 * §5.2): authenticate by token or JWT, revoke by id, token, JWT or member, list, exchange.
 */
export function backendSessionRoutes(deps: AppDeps): Hono<AppEnv> {
  const api = defineRoutes();
  api.post('/sessions/authenticate', { action: 'MultiTenantSessionsAuthenticate' }, async (c) => {
    const body = await readBody(c);
    const credentials = readSessionCredentials(body);
    const touch = { extendMinutes: optionalDuration(body), customClaims: readCustomClaims(body) };
    const check = readAuthorizationCheck(body);
    const now = deps.now();
    const projectId = c.get('project').id;
    // SES-15: an intermediate session token is refused as a credential (401), not as unknown (404).
    const proven = await refusingIntermediateTokens(deps.db, projectId, credentials.token, () =>
      proveSession(deps.db, deps.keys, projectId, credentials, now),
    );
    // Judged before the session is touched: a refused check extends nothing (rbac/check.ts).
    const verdict = check === undefined ? undefined : await authorizationVerdict(deps.db, proven.loaded, check);
    const loaded = await touchSession(deps.db, proven.loaded, touch, now);
    const response = await authenticateResponse(deps.keys, loaded, proven.token, now);
    return apiOk(c, verdict === undefined ? response : { ...response, verdict });
  });

  api.post('/sessions/revoke', { action: 'SessionsRevoke' }, async (c) => {
    const body = await readBody(c);
    const sent = REVOKE_KEYS.filter((key) => body[key] !== undefined && body[key] !== null && body[key] !== '');
    if (sent.length !== 1)
      throw badRequest('Send exactly one of member_session_id, session_token, session_jwt, member_id.');
    const key = sent[0] as (typeof REVOKE_KEYS)[number];
    const value = requiredString(body, key, { max: 16 * 1024 });
    const projectId = c.get('project').id;
    const now = deps.now();
    if (key === 'member_session_id' || key === 'session_id') await revokeSessionById(deps.db, projectId, value, now);
    else if (key === 'session_token') await revokeSessionToken(deps.db, projectId, value, now);
    else if (key === 'session_jwt') {
      const { loaded } = await proveSession(deps.db, deps.keys, projectId, { jwt: value }, now, { allowExpired: true });
      await revokeSessionById(deps.db, projectId, loaded.session.id, now);
    } else {
      const member = await deps.db
        .selectFrom('members')
        .select('id')
        .where('id', '=', value)
        .where('project_id', '=', projectId)
        .executeTakeFirst();
      if (member === undefined) throw apiError('member_not_found', 'No member matches that member_id.');
      await revokeSessionsForMember(deps.db, projectId, member.id, now);
    }
    return apiOk(c, {});
  });

  api.get('/sessions', { action: 'SessionsGet' }, async (c) => {
    const projectId = c.get('project').id;
    const organization = await getOrganization(
      deps.db,
      projectId,
      requiredQuery(c.req.query('organization_id'), 'organization_id'),
    );
    const member = await getMember(deps.db, organization.id, requiredQuery(c.req.query('member_id'), 'member_id'));
    return apiOk(c, { member_sessions: await listActiveSessions(deps.db, projectId, member.id, deps.now()) });
  });

  api.post('/sessions/exchange', { action: 'SessionsExchange' }, async (c) => {
    const body = await readBody(c);
    const credentials = readSessionCredentials(body);
    const organizationId = requiredString(body, 'organization_id', { max: 256 });
    const durationMinutes = sessionDuration(body);
    const customClaims = readCustomClaims(body);
    optionalString(body, 'locale', { max: 16 });
    const now = deps.now();
    const { loaded } = await proveSession(deps.db, deps.keys, c.get('project').id, credentials, now);
    return apiOk(
      c,
      await exchangeSession(deps.db, deps, loaded, { organizationId, durationMinutes, customClaims }, now),
    );
  });
  return api.app;
}

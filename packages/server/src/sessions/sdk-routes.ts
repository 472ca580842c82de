import type { Hono } from 'hono';
import { exchangeSession } from './exchange.js';
import { refusingIntermediateTokens } from './not-a-session.js';
import { authenticateResponse, authenticateSessionToken, loadLiveSession, revokeSessionToken } from './store.js';
import { type AppDeps, type AppEnv, defineRoutes, readBody, sdkOk } from '../http/index.js';
import { apiError } from '../lib/api-error.js';
import { optionalString, requiredString, sessionDuration } from '../lib/validate.js';

function requireSessionToken(token: string | undefined): string {
  if (token === undefined)
    throw apiError('session_not_found', 'No session token was sent (Basic public_token:session_token).');
  return token;
}

/**
 * `/b2b/sessions/authenticate`, `/revoke` and `/exchange` (docs/wire-protocol.md §2.6): session = Basic
 * password. `revoke/{member_id}` is judged by RBAC and lives in rbac/session-routes.ts.
 */
export function sdkSessionRoutes(deps: AppDeps): Hono<AppEnv> {
  const sdk = defineRoutes();
  sdk.post('/b2b/sessions/authenticate', { action: 'MultiTenantSessionsAuthenticate' }, async (c) => {
    const body = await readBody(c);
    const extend =
      body.session_duration_minutes === undefined || body.session_duration_minutes === null
        ? undefined
        : sessionDuration(body);
    const token = requireSessionToken(c.get('sessionToken'));
    const project = c.get('project');
    const now = deps.now();
    // SES-15: an intermediate session token is refused as a credential (401), not as unknown (404).
    const loaded = await refusingIntermediateTokens(deps.db, project.id, token, () =>
      authenticateSessionToken(deps.db, project.id, token, extend, now),
    );
    c.header('Cache-Control', 'no-store');
    // The opaque token is not rotated on refresh: tabs refreshing concurrently must not log each other out.
    return sdkOk(c, await authenticateResponse(deps.keys, loaded, token, now));
  });

  sdk.post('/b2b/sessions/revoke', { action: 'SessionsRevoke' }, async (c) => {
    await readBody(c);
    const token = requireSessionToken(c.get('sessionToken'));
    await revokeSessionToken(deps.db, c.get('project').id, token, deps.now());
    return sdkOk(c, {});
  });

  // Switch organization: the session (Basic password) for one in another organization of the same email.
  sdk.post('/b2b/sessions/exchange', { action: 'SessionsExchange' }, async (c) => {
    const body = await readBody(c);
    const organizationId = requiredString(body, 'organization_id', { max: 256 });
    const durationMinutes = sessionDuration(body);
    optionalString(body, 'locale', { max: 16 });
    const token = requireSessionToken(c.get('sessionToken'));
    const now = deps.now();
    const current = await loadLiveSession(deps.db, c.get('project').id, { token }, now);
    c.header('Cache-Control', 'no-store');
    return sdkOk(c, await exchangeSession(deps.db, deps, current, { organizationId, durationMinutes }, now));
  });
  return sdk.app;
}

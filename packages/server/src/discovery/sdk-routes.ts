import type { Hono } from 'hono';
import { readIntermediateSession } from './intermediate-sessions.js';
import { authenticateSessionToken } from '../sessions/store.js';
import type { AppDeps, AppEnv } from '../http/context.js';
import { readBody, sdkOk } from '../http/responses.js';
import { ApiError } from '../lib/api-error.js';
import { createOrganizationFromIst, exchangeIntermediateSession, listDiscoveredOrganizations } from './service.js';

/** Discovery: list organizations, create one, exchange the IST for a session (WIRE.md §2.5). */
export function registerSdkDiscoveryRoutes(sdk: Hono<AppEnv>, deps: AppDeps): void {
  sdk.post('/b2b/discovery/organizations', async (c) => {
    const body = await readBody(c);
    const project = c.get('project');
    const now = deps.now();
    const istToken = optionalToken(body.intermediate_session_token);
    let email: string;
    if (istToken !== undefined) {
      email = (await readIntermediateSession(deps.db, project.id, istToken, now)).email;
    } else {
      // Without an IST the SDK sends `{}` and the Basic-auth password is the session token.
      const sessionToken = c.get('sessionToken');
      if (sessionToken === undefined) {
        throw new ApiError(404, 'intermediate_session_not_found', 'Send an intermediate_session_token or authenticate with a session.');
      }
      email = (await authenticateSessionToken(deps.db, project.id, sessionToken, undefined, now)).member.email;
    }
    return sdkOk(c, await listDiscoveredOrganizations(deps, project, email));
  });

  sdk.post('/b2b/discovery/organizations/create', async (c) => {
    const payload = await createOrganizationFromIst(deps, c.get('project'), await readBody(c), { allowTrustedMetadata: false });
    c.header('Cache-Control', 'no-store');
    return sdkOk(c, payload);
  });

  sdk.post('/b2b/discovery/intermediate_sessions/exchange', async (c) => {
    const payload = await exchangeIntermediateSession(deps, c.get('project'), await readBody(c));
    c.header('Cache-Control', 'no-store');
    return sdkOk(c, payload);
  });
}

/** An optional opaque token field: absent, null and `''` all mean "not sent". */
export function optionalToken(value: unknown, key = 'intermediate_session_token'): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string' || value.length > 512) throw new ApiError(400, 'bad_request', `${key} must be a string.`);
  return value;
}

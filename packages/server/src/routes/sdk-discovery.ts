import type { AuthenticationFactor } from '@orgauth/core/protocol';
import type { Hono } from 'hono';
import type { MembersTable } from '../db/schema.js';
import { discoverOrganizations, joinOrganization } from '../domain/discovery.js';
import { consumeIntermediateSession, readIntermediateSession } from '../domain/intermediate-sessions.js';
import { insertMember } from '../domain/members.js';
import { insertOrganization } from '../domain/organizations.js';
import { getOrganization } from '../domain/organizations.js';
import { authenticateResponse, authenticateSessionToken, insertSession } from '../domain/sessions.js';
import type { AppDeps, AppEnv } from '../http/context.js';
import { readBody, sdkOk } from '../http/responses.js';
import { ApiError } from '../lib/api-error.js';
import { requiredString, sessionDuration } from '../lib/validate.js';
import { readOrganizationFields } from './organization-fields.js';

/** The IST's factors, now attached to a member (its `email_id` is known only once the member exists). */
function factorsFor(factors: AuthenticationFactor[], member: MembersTable): AuthenticationFactor[] {
  return factors.map((f) => (f.email_factor ? { ...f, email_factor: { email_id: member.email_id, email_address: member.email } } : f));
}

/** Discovery: list organizations, create one, exchange the IST for a session (WIRE.md §2.5). */
export function registerSdkDiscoveryRoutes(sdk: Hono<AppEnv>, deps: AppDeps): void {
  sdk.post('/b2b/discovery/organizations', async (c) => {
    const body = await readBody(c);
    const project = c.get('project');
    const now = deps.now();
    const istToken = requiredOrUndefined(body.intermediate_session_token);
    let email: string;
    if (istToken !== undefined) {
      email = (await readIntermediateSession(deps.db, project.id, istToken, now)).email;
    } else {
      const sessionToken = c.get('sessionToken');
      if (sessionToken === undefined) {
        throw new ApiError(404, 'intermediate_session_not_found', 'Send an intermediate_session_token or authenticate with a session.');
      }
      email = (await authenticateSessionToken(deps.db, project.id, sessionToken, undefined, now)).member.email;
    }
    return sdkOk(c, { email_address: email, discovered_organizations: await discoverOrganizations(deps.db, project.id, email), organization_id_hint: null });
  });

  sdk.post('/b2b/discovery/organizations/create', async (c) => {
    const body = await readBody(c);
    const istToken = requiredString(body, 'intermediate_session_token', { max: 512 });
    const duration = sessionDuration(body);
    const fields = readOrganizationFields(body, { requireName: true });
    const project = c.get('project');
    const now = deps.now();
    const ist = await readIntermediateSession(deps.db, project.id, istToken, now);
    const created = await deps.db.transaction().execute(async (trx) => {
      await consumeIntermediateSession(trx, project.id, ist.hash, now);
      const organization = await insertOrganization(trx, project.id, fields, now);
      const member = await insertMember(trx, project.id, organization.id, { email: ist.email, status: 'active', emailVerified: true }, now);
      const { session, token } = await insertSession(trx, member, factorsFor(ist.factors, member), duration, now);
      return { loaded: { session, member, organization }, token };
    });
    c.header('Cache-Control', 'no-store');
    return sdkOk(c, await authenticateResponse(deps.keys, created.loaded, created.token, now));
  });

  sdk.post('/b2b/discovery/intermediate_sessions/exchange', async (c) => {
    const body = await readBody(c);
    const istToken = requiredString(body, 'intermediate_session_token', { max: 512 });
    const organizationId = requiredString(body, 'organization_id', { max: 256 });
    const duration = sessionDuration(body);
    const project = c.get('project');
    const now = deps.now();
    const ist = await readIntermediateSession(deps.db, project.id, istToken, now);
    const exchanged = await deps.db.transaction().execute(async (trx) => {
      await consumeIntermediateSession(trx, project.id, ist.hash, now);
      const organization = await getOrganization(trx, project.id, organizationId);
      const member = await joinOrganization(trx, organization, ist.email, now);
      const { session, token } = await insertSession(trx, member, factorsFor(ist.factors, member), duration, now);
      return { loaded: { session, member, organization }, token };
    });
    c.header('Cache-Control', 'no-store');
    return sdkOk(c, await authenticateResponse(deps.keys, exchanged.loaded, exchanged.token, now));
  });
}

function requiredOrUndefined(value: unknown): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string' || value.length > 512) throw new ApiError(400, 'bad_request', 'intermediate_session_token must be a string.');
  return value;
}

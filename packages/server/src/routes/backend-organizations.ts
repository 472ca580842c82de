import type { Hono } from 'hono';
import type { MembersTable, OrganizationsTable } from '../db/schema.js';
import { findMemberByEmail, getMember, insertMember } from '../domain/members.js';
import { getOrganization, insertOrganization } from '../domain/organizations.js';
import { toMember, toOrganization } from '../domain/serialize.js';
import type { AppDeps, AppEnv } from '../http/context.js';
import { apiOk, readBody } from '../http/responses.js';
import { ApiError, badRequest } from '../lib/api-error.js';
import { optionalBoolean, optionalObject, optionalString, optionalStringArray, requiredEmail } from '../lib/validate.js';
import { readOrganizationFields } from './organization-fields.js';

function memberResponse(member: MembersTable, organization: OrganizationsTable) {
  return { member_id: member.id, member: toMember(member), organization: toOrganization(organization) };
}

/** Backend organizations and members (`/v1/b2b/organizations…`, WIRE.md §5.2), secret-authenticated. */
export function registerBackendOrganizationRoutes(api: Hono<AppEnv>, deps: AppDeps): void {
  api.post('/organizations', async (c) => {
    const body = await readBody(c);
    const fields = readOrganizationFields(body, { requireName: true, allowTrustedMetadata: true });
    const projectId = c.get('project').id;
    const organization = await deps.db.transaction().execute((trx) => insertOrganization(trx, projectId, fields, deps.now()));
    return apiOk(c, { organization: toOrganization(organization) });
  });

  api.get('/organizations/:organization_id', async (c) => {
    const organization = await getOrganization(deps.db, c.get('project').id, c.req.param('organization_id'));
    return apiOk(c, { organization: toOrganization(organization) });
  });

  api.post('/organizations/:organization_id/members', async (c) => {
    const body = await readBody(c);
    const email = requiredEmail(body);
    const name = optionalString(body, 'name', { max: 256 });
    const roles = optionalStringArray(body, 'roles', 50, 128);
    const trustedMetadata = optionalObject(body, 'trusted_metadata');
    const untrustedMetadata = optionalObject(body, 'untrusted_metadata');
    const pending = optionalBoolean(body, 'create_member_as_pending');
    const isBreakglass = optionalBoolean(body, 'is_breakglass');
    const projectId = c.get('project').id;
    const organization = await getOrganization(deps.db, projectId, c.req.param('organization_id'));
    const member = await insertMember(
      deps.db,
      projectId,
      organization.id,
      { email, status: pending === true ? 'pending' : 'active', emailVerified: false, name, roles, trustedMetadata, untrustedMetadata, isBreakglass },
      deps.now(),
    );
    return apiOk(c, memberResponse(member, organization));
  });

  api.get('/organizations/:organization_id/members/:member_id', async (c) => {
    const organization = await getOrganization(deps.db, c.get('project').id, c.req.param('organization_id'));
    const member = await getMember(deps.db, organization.id, c.req.param('member_id'));
    return apiOk(c, memberResponse(member, organization));
  });

  // The Stytch Node SDK's spelling: singular `member`, selected by `member_id` or `email_address`.
  api.get('/organizations/:organization_id/member', async (c) => {
    const organization = await getOrganization(deps.db, c.get('project').id, c.req.param('organization_id'));
    const memberId = c.req.query('member_id');
    const email = c.req.query('email_address');
    let member: MembersTable | undefined;
    if (memberId !== undefined && memberId !== '') member = await getMember(deps.db, organization.id, memberId);
    else if (email !== undefined && email !== '') member = await findMemberByEmail(deps.db, organization.id, requiredEmail({ email_address: email }));
    else throw badRequest('member_id or email_address is required.');
    if (member === undefined) throw new ApiError(404, 'member_not_found', 'No member matches that email address in this organization.');
    return apiOk(c, memberResponse(member, organization));
  });
}

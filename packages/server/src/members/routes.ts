import type { MembersTable, OrganizationsTable } from '../db/schema.js';
import { createMemberByApi, deleteMember, updateMember } from './admin.js';
import { searchMembers } from './search.js';
import { findMemberByEmail, getMember } from './store.js';
import { getOrganization, toOrganization } from '../organizations/index.js';
import { readLimit } from '../lib/pagination.js';
import { toMember } from './serialize.js';
import { apiOk, type AppDeps, defineRoutes, type FeatureRoutes, readBody } from '../http/index.js';
import { apiError, badRequest } from '../lib/api-error.js';
import { optionalBoolean, requiredEmail } from '../lib/validate.js';
import { readMemberFields } from './input.js';
import { withOAuthRegistrations } from './oauth-registrations.js';
import type { Db } from '../db/schema.js';

async function memberResponse(db: Db, member: MembersTable, organization: OrganizationsTable) {
  const [wire] = await withOAuthRegistrations(db, [toMember(member)]);
  return { member_id: member.id, member: wire, organization: toOrganization(organization) };
}

/**
 * Backend members (seed + docs/wire-protocol.md §5.2). Every member lookup is scoped by the organization named in
 * the path, itself scoped by the authenticated project, so a member of organization A is never
 * reachable through organization B's path (TEN-01).
 */
export function memberRoutes(deps: AppDeps): FeatureRoutes {
  const api = defineRoutes();
  const org = (c: { get(key: 'project'): { id: string }; req: { param(key: 'organization_id'): string } }) =>
    getOrganization(deps.db, c.get('project').id, c.req.param('organization_id'));

  api.post('/organizations/members/search', { action: 'OrganizationsMembersSearch' }, async (c) => {
    const body = await readBody(c);
    const ids = body.organization_ids;
    if (
      !Array.isArray(ids) ||
      ids.length === 0 ||
      ids.length > 100 ||
      ids.some((id) => typeof id !== 'string' || id === '' || id.length > 256)
    ) {
      throw badRequest('organization_ids must be an array of 1 to 100 organization ids.');
    }
    const limit = readLimit(body.limit);
    const organizations = new Map<string, OrganizationsTable>();
    for (const id of new Set(ids as string[])) {
      const found = await getOrganization(deps.db, c.get('project').id, id);
      organizations.set(found.id, found);
    }
    const page = await searchMembers(deps.db, [...organizations.keys()], body.query, limit, body.cursor);
    const involved = Object.fromEntries(
      [...new Set(page.members.map((m) => m.organization_id))].map((id) => [
        id,
        toOrganization(organizations.get(id) as OrganizationsTable),
      ]),
    );
    return apiOk(c, {
      members: await withOAuthRegistrations(deps.db, page.members.map(toMember)),
      results_metadata: { total: page.total, next_cursor: page.nextCursor },
      organizations: involved,
    });
  });

  api.get(
    '/organizations/members/dangerously_get/:member_id',
    { action: 'OrganizationsMembersDangerouslyGet' },
    async (c) => {
      const projectId = c.get('project').id;
      const member = await deps.db
        .selectFrom('members')
        .selectAll()
        .where('project_id', '=', projectId)
        .where('id', '=', c.req.param('member_id'))
        .executeTakeFirst();
      if (member === undefined) throw apiError('member_not_found', 'No member matches that member_id.');
      return apiOk(
        c,
        await memberResponse(deps.db, member, await getOrganization(deps.db, projectId, member.organization_id)),
      );
    },
  );

  api.get('/organizations/:organization_id/members', { action: 'OrganizationsMembersList' }, async (c) => {
    const limit = readLimit(c.req.query('limit'), true);
    const organization = await org(c);
    const page = await searchMembers(deps.db, [organization.id], undefined, limit, c.req.query('cursor'));
    return apiOk(c, {
      organization: toOrganization(organization),
      members: await withOAuthRegistrations(deps.db, page.members.map(toMember)),
      results_metadata: { total: page.total, next_cursor: page.nextCursor },
    });
  });

  api.post('/organizations/:organization_id/members', { action: 'OrganizationsMembersCreate' }, async (c) => {
    const body = await readBody(c);
    const email = requiredEmail(body);
    const pending = optionalBoolean(body, 'create_member_as_pending') === true;
    const fields = readMemberFields(body, 'create');
    const organization = await org(c);
    const member = await deps.db
      .transaction()
      .execute((trx) => createMemberByApi(trx, organization, { email, pending, fields }, deps.now()));
    return apiOk(c, await memberResponse(deps.db, member, organization));
  });

  api.get('/organizations/:organization_id/members/:member_id', { action: 'OrganizationsMembersGet' }, async (c) => {
    const organization = await org(c);
    return apiOk(
      c,
      await memberResponse(deps.db, await getMember(deps.db, organization.id, c.req.param('member_id')), organization),
    );
  });

  // The Stytch Node SDK's spelling: singular `member`, selected by `member_id` or `email_address`.
  api.get('/organizations/:organization_id/member', { action: 'OrganizationsMembersGet' }, async (c) => {
    const organization = await org(c);
    const memberId = c.req.query('member_id');
    const email = c.req.query('email_address');
    let member: MembersTable | undefined;
    if (memberId !== undefined && memberId !== '') member = await getMember(deps.db, organization.id, memberId);
    else if (email !== undefined && email !== '')
      member = await findMemberByEmail(deps.db, organization.id, requiredEmail({ email_address: email }));
    else throw badRequest('member_id or email_address is required.');
    if (member === undefined)
      throw apiError('member_not_found', 'No member matches that email address in this organization.');
    return apiOk(c, await memberResponse(deps.db, member, organization));
  });

  api.put('/organizations/:organization_id/members/:member_id', { action: 'OrganizationsMembersUpdate' }, async (c) => {
    const fields = readMemberFields(await readBody(c), 'update');
    const organization = await org(c);
    const member = await deps.db.transaction().execute(async (trx) => {
      const current = await getMember(trx, organization.id, c.req.param('member_id'));
      return updateMember(trx, current, fields, deps.now());
    });
    return apiOk(c, await memberResponse(deps.db, member, organization));
  });

  api.delete(
    '/organizations/:organization_id/members/:member_id',
    { action: 'OrganizationsMembersDelete' },
    async (c) => {
      const organization = await org(c);
      const memberId = await deps.db.transaction().execute(async (trx) => {
        const member = await getMember(trx, organization.id, c.req.param('member_id'));
        await deleteMember(trx, member, deps.now());
        return member.id;
      });
      return apiOk(c, { member_id: memberId });
    },
  );
  return { backend: api.app };
}

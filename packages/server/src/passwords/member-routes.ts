import type { Hono } from 'hono';
import type { Db, OrganizationsTable } from '../db/schema.js';
import { apiOk, type AppDeps, type AppEnv, defineRoutes, sdkOk } from '../http/index.js';
import { apiError } from '../lib/api-error.js';
import { findMemberByEmail, toMember, withOAuthRegistrations } from '../members/index.js';
import { getOrganization, toOrganization } from '../organizations/index.js';
import { sessionCaller } from '../rbac/index.js';
import { deletePassword } from './store.js';

/**
 * The member of `organization` whose email owns password `id`. A password of an email with no member
 * there is `member_not_found`, exactly like an unknown id (docs/security.md TEN-08).
 */
async function ownerIn(db: Db, projectId: string, organization: OrganizationsTable, id: string) {
  const row = await db
    .selectFrom('member_passwords')
    .select(['id', 'email'])
    .where('project_id', '=', projectId)
    .where('id', '=', id)
    .executeTakeFirst();
  const member = row && (await findMemberByEmail(db, organization.id, row.email));
  if (row === undefined || member === undefined || member.status === 'deleted')
    throw apiError('member_not_found', 'No member of this organization has that password.');
  return member;
}

/**
 * Deleting a password (docs/wire-protocol.md §2.7 `self.deletePassword`,
 * `organization.members.deletePassword`; backend `organizations.members.deletePassword`). The
 * password is the email's, so the member loses it in every organization of the project, as with
 * Stytch's cross-organization passwords. On the SDK the caller's roles decide: `stytch.self`
 * `update.info.delete.password` for their own, `stytch.member` for another member's.
 */
export function memberPasswordRoutes(deps: AppDeps): { sdk: Hono<AppEnv>; backend: Hono<AppEnv> } {
  const sdk = defineRoutes();
  sdk.delete(
    '/b2b/organizations/members/passwords/:member_password_id',
    { action: 'OrganizationsMembersDeletePassword' },
    async (c) => {
      const caller = await sessionCaller(c, deps);
      const project = c.get('project');
      const member = await ownerIn(deps.db, project.id, caller.organization, c.req.param('member_password_id'));
      const action = 'update.info.delete.password';
      if (!(member.id === caller.member.id && caller.can('stytch.self', action)))
        caller.require([{ resource: 'stytch.member', action }]);
      await deletePassword(deps.db, project.id, c.req.param('member_password_id'));
      const [wire] = await withOAuthRegistrations(deps.db, [toMember(member)]);
      return sdkOk(c, { member_id: member.id, member: wire, organization: toOrganization(caller.organization) });
    },
  );

  const api = defineRoutes();
  api.delete(
    '/organizations/:organization_id/members/passwords/:member_password_id',
    { action: 'OrganizationsMembersDeletePassword' },
    async (c) => {
      const project = c.get('project');
      const organization = await getOrganization(deps.db, project.id, c.req.param('organization_id'));
      const member = await ownerIn(deps.db, project.id, organization, c.req.param('member_password_id'));
      await deletePassword(deps.db, project.id, c.req.param('member_password_id'));
      const [wire] = await withOAuthRegistrations(deps.db, [toMember(member)]);
      return apiOk(c, { member_id: member.id, member: wire, organization: toOrganization(organization) });
    },
  );
  return { sdk: sdk.app, backend: api.app };
}

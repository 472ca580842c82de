import type { Hono } from 'hono';
import type { Db, MembersTable, OrganizationsTable } from '../db/schema.js';
import { type AppDeps, type AppEnv, defineRoutes, readBody, sdkOk } from '../http/index.js';
import { readLimit } from '../lib/pagination.js';
import { optionalBoolean, requiredEmail } from '../lib/validate.js';
import {
  createMemberByApi,
  deleteMember,
  getMember,
  readMemberFields,
  searchMembers,
  toMember,
  updateMember,
  withOAuthRegistrations,
} from '../members/index.js';
import { toOrganization } from '../organizations/index.js';
import { MEMBER_FIELD_ACTIONS, SELF_FIELD_ACTIONS, fieldPermissions, pick } from './actions.js';
import type { Permission } from './authorize.js';
import { type Caller, sessionCaller } from './caller.js';
import { reactivateMember } from './reactivate.js';

async function memberResponse(db: Db, member: MembersTable, organization: OrganizationsTable) {
  const [wire] = await withOAuthRegistrations(db, [toMember(member)]);
  return { member_id: member.id, member: wire, organization: toOrganization(organization) };
}

/**
 * The permissions an update of `target` needs: per field, the `stytch.member` action, or for the
 * caller's own record the `stytch.self` one when it has it (as Stytch's admin portal decides);
 * roles are always a `stytch.member` setting, so nobody promotes themselves with `stytch.self`.
 */
function updatePermissions(caller: Caller, target: MembersTable, body: Record<string, unknown>): Permission[] {
  const self = target.id === caller.member.id;
  return fieldPermissions(body, MEMBER_FIELD_ACTIONS, 'stytch.member').map((permission) =>
    self &&
    Object.values(SELF_FIELD_ACTIONS).includes(permission.action) &&
    caller.can('stytch.self', permission.action)
      ? { resource: 'stytch.self', action: permission.action }
      : permission,
  );
}

/**
 * The member-management SDK calls (docs/wire-protocol.md §2.7 `self.update`, `organization.members.*`),
 * each judged by the session's roles (rbac/authorize.ts, docs/wire-protocol.md §2.11) and scoped to
 * the session's organization: a member id of another organization is `member_not_found`, exactly
 * like an unknown one (docs/security.md TEN-08).
 */
export function sdkMemberRoutes(deps: AppDeps): Hono<AppEnv> {
  const sdk = defineRoutes();
  const target = (caller: Caller, memberId: string) => getMember(deps.db, caller.organization.id, memberId);

  // Before `/:member_id`: the router tries routes in the order they were added.
  sdk.put('/b2b/organizations/members/update', { action: 'OrganizationsMembersUpdate' }, async (c) => {
    const body = pick(await readBody(c), SELF_FIELD_ACTIONS);
    const caller = await sessionCaller(c, deps);
    caller.require(fieldPermissions(body, SELF_FIELD_ACTIONS, 'stytch.self'));
    const fields = readMemberFields(body, 'update');
    const member = await deps.db.transaction().execute(async (trx) => {
      const current = await getMember(trx, caller.organization.id, caller.member.id);
      return updateMember(trx, current, fields, deps.now());
    });
    return sdkOk(c, await memberResponse(deps.db, member, caller.organization));
  });

  sdk.post('/b2b/organizations/members', { action: 'OrganizationsMembersCreate' }, async (c) => {
    const body = pick(await readBody(c), MEMBER_FIELD_ACTIONS, ['email_address', 'create_member_as_pending']);
    // No roles to give is not giving roles.
    if (Array.isArray(body.roles) && body.roles.length === 0) delete body.roles;
    const caller = await sessionCaller(c, deps);
    // Setting anything beyond who the member is needs the permission to set it on a member.
    const settings = fieldPermissions(body, MEMBER_FIELD_ACTIONS, 'stytch.member').filter(
      (p) => !['update.info.name', 'update.info.untrusted-metadata', 'update.info.email'].includes(p.action),
    );
    caller.require([{ resource: 'stytch.member', action: 'create' }, ...settings]);
    caller.assertKnownRoles(body.roles);
    const email = requiredEmail(body);
    const pending = optionalBoolean(body, 'create_member_as_pending') === true;
    const fields = readMemberFields(body, 'create');
    const member = await deps.db
      .transaction()
      .execute((trx) => createMemberByApi(trx, caller.organization, { email, pending, fields }, deps.now()));
    return sdkOk(c, await memberResponse(deps.db, member, caller.organization));
  });

  sdk.post('/b2b/organizations/me/members/search', { action: 'OrganizationsMembersSearch' }, async (c) => {
    const body = await readBody(c);
    const caller = await sessionCaller(c, deps);
    caller.require([{ resource: 'stytch.member', action: 'search' }]);
    const limit = readLimit(body.limit);
    const page = await searchMembers(deps.db, [caller.organization.id], body.query, limit, body.cursor);
    return sdkOk(c, {
      members: await withOAuthRegistrations(deps.db, page.members.map(toMember)),
      results_metadata: { total: page.total, next_cursor: page.nextCursor },
      organizations: { [caller.organization.id]: toOrganization(caller.organization) },
    });
  });

  sdk.put('/b2b/organizations/members/:member_id', { action: 'OrganizationsMembersUpdate' }, async (c) => {
    const body = pick(await readBody(c), MEMBER_FIELD_ACTIONS, ['preserve_existing_sessions', 'unlink_email']);
    const caller = await sessionCaller(c, deps);
    const current = await target(caller, c.req.param('member_id'));
    caller.require(updatePermissions(caller, current, body));
    caller.assertKnownRoles(body.roles);
    const fields = readMemberFields(body, 'update');
    const member = await deps.db.transaction().execute(async (trx) => {
      const fresh = await getMember(trx, caller.organization.id, current.id);
      return updateMember(trx, fresh, fields, deps.now());
    });
    return sdkOk(c, await memberResponse(deps.db, member, caller.organization));
  });

  sdk.delete('/b2b/organizations/members/:member_id', { action: 'OrganizationsMembersDelete' }, async (c) => {
    const caller = await sessionCaller(c, deps);
    const member = await target(caller, c.req.param('member_id'));
    const self = member.id === caller.member.id;
    // Leaving the organization is `stytch.self delete`; removing someone else, `stytch.member delete`.
    caller.require([{ resource: self ? 'stytch.self' : 'stytch.member', action: 'delete' }]);
    await deps.db.transaction().execute(async (trx) => {
      await deleteMember(trx, await getMember(trx, caller.organization.id, member.id), deps.now());
    });
    return sdkOk(c, { member_id: member.id });
  });

  sdk.put(
    '/b2b/organizations/members/:member_id/reactivate',
    { action: 'OrganizationsMembersReactivate' },
    async (c) => {
      const caller = await sessionCaller(c, deps);
      const member = await target(caller, c.req.param('member_id'));
      // Stytch's admin portal offers reactivation to whoever may create members.
      caller.require([{ resource: 'stytch.member', action: 'create' }]);
      const reactivated = await deps.db.transaction().execute((trx) => reactivateMember(trx, member, deps.now()));
      return sdkOk(c, await memberResponse(deps.db, reactivated, caller.organization));
    },
  );
  return sdk.app;
}

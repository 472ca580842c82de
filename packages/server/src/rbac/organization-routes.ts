import type { Hono } from 'hono';
import { type AppDeps, type AppEnv, defineRoutes, readBody, sdkOk } from '../http/index.js';
import { withOAuthRegistrations, toMember } from '../members/index.js';
import {
  deleteOrganization,
  getOrganization,
  readOrganizationPatch,
  toOrganization,
  updateOrganization,
} from '../organizations/index.js';
import { ORGANIZATION_FIELD_ACTIONS, fieldPermissions, pick } from './actions.js';
import { sessionCaller } from './caller.js';

/**
 * The signed-in member's own organization and record (docs/wire-protocol.md §2.7 `organization.get/
 * update/delete`, `self.get`). Every route acts on the session's organization only: there is no
 * organization id to name another one with (docs/security.md TEN-08). Reading needs no permission;
 * each change needs the `stytch.organization` action of each field it sets (rbac/actions.ts).
 */
export function sdkOrganizationMeRoutes(deps: AppDeps): Hono<AppEnv> {
  const sdk = defineRoutes();
  sdk.get('/b2b/organizations/me', { action: 'OrganizationsGet' }, async (c) => {
    const caller = await sessionCaller(c, deps);
    return sdkOk(c, { organization: toOrganization(caller.organization) });
  });

  sdk.put('/b2b/organizations/me', { action: 'OrganizationsUpdate' }, async (c) => {
    const body = pick(await readBody(c), ORGANIZATION_FIELD_ACTIONS);
    const caller = await sessionCaller(c, deps);
    caller.require(fieldPermissions(body, ORGANIZATION_FIELD_ACTIONS, 'stytch.organization'));
    const patch = readOrganizationPatch(body);
    const assignments = patch.extra?.rbac_email_implicit_role_assignments;
    if (assignments !== undefined) caller.assertKnownRoles(assignments.map((a) => a.role_id));
    const organization = await deps.db.transaction().execute(async (trx) => {
      // Re-read inside the transaction: the session's copy may be stale by now.
      const current = await getOrganization(trx, caller.organization.project_id, caller.organization.id);
      return updateOrganization(trx, current, patch, deps.now());
    });
    return sdkOk(c, { organization: toOrganization(organization) });
  });

  sdk.delete('/b2b/organizations/me', { action: 'OrganizationsDelete' }, async (c) => {
    const caller = await sessionCaller(c, deps);
    caller.require([{ resource: 'stytch.organization', action: 'delete' }]);
    await deps.db.transaction().execute((trx) => deleteOrganization(trx, caller.organization));
    return sdkOk(c, { organization_id: caller.organization.id });
  });

  sdk.get('/b2b/organizations/members/me', { action: 'OrganizationsMembersGet' }, async (c) => {
    const caller = await sessionCaller(c, deps);
    const [member] = await withOAuthRegistrations(deps.db, [toMember(caller.member)]);
    return sdkOk(c, {
      member_id: caller.member.id,
      member,
      organization: toOrganization(caller.organization),
    });
  });
  return sdk.app;
}

import type { Hono } from 'hono';
import type { Db, MembersTable, OrganizationsTable } from '../db/schema.js';
import { apiOk, type AppDeps, type AppEnv, defineRoutes, readBody, sdkOk } from '../http/index.js';
import { toMember, withOAuthRegistrations } from '../members/index.js';
import { getOrganization, toOrganization } from '../organizations/index.js';
import { sessionCaller } from '../rbac/index.js';
import { authorizeFactorDelete, liveMember } from './factor-delete-access.js';

const ACTION = 'update.info.delete.mfa-phone';

/**
 * Removes the member's MFA phone number: `mfa_phone_number` becomes "" and unverified, a default
 * method of `sms_otp` is cleared, and a code still pending for the member is dropped, since
 * authenticating it would verify its number for the member again (otps/sms-authenticate.ts).
 */
async function deletePhoneNumber(db: Db, member: MembersTable, now: number): Promise<MembersTable> {
  const changes = {
    mfa_phone_number: '',
    mfa_phone_number_verified: 0,
    updated_at: now,
    ...(member.default_mfa_method === 'sms_otp' ? { default_mfa_method: '' } : {}),
  };
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('sms_otps').where('member_id', '=', member.id).execute();
    await trx.updateTable('members').set(changes).where('id', '=', member.id).execute();
  });
  return { ...member, ...changes };
}

async function answer(db: Db, member: MembersTable, organization: OrganizationsTable) {
  const [wire] = await withOAuthRegistrations(db, [toMember(member)]);
  return { member_id: member.id, member: wire, organization: toOrganization(organization) };
}

/**
 * Deleting a member's MFA phone number (docs/wire-protocol.md §2.7, §5.2): SDK `self.deleteMFAPhoneNumber`
 * (`DELETE /b2b/organizations/members/deletePhoneNumber`) and `organization.members.deleteMFAPhoneNumber`
 * (`…/mfa_phone_numbers/<member_id>`), judged by the session's roles like the password and TOTP
 * deletes; backend `organizations.members.deleteMFAPhoneNumber` by the project secret. A member of
 * another organization is `member_not_found`, like an unknown one (TEN-08).
 */
export function phoneDeleteRoutes(deps: AppDeps): { sdk: Hono<AppEnv>; backend: Hono<AppEnv> } {
  const sdk = defineRoutes();
  // Mounted before RBAC's `DELETE /b2b/organizations/members/:member_id` (app.ts), which would take it.
  sdk.delete(
    '/b2b/organizations/members/deletePhoneNumber',
    { action: 'OrganizationsMembersDeleteMFAPhoneNumber' },
    async (c) => {
      await readBody(c);
      const caller = await sessionCaller(c, deps);
      authorizeFactorDelete(caller, caller.member, ACTION);
      const member = await deletePhoneNumber(deps.db, caller.member, deps.now());
      return sdkOk(c, await answer(deps.db, member, caller.organization));
    },
  );
  sdk.delete(
    '/b2b/organizations/members/mfa_phone_numbers/:member_id',
    { action: 'OrganizationsMembersDeleteMFAPhoneNumber' },
    async (c) => {
      await readBody(c);
      const caller = await sessionCaller(c, deps);
      const target = await liveMember(deps.db, caller.organization.id, c.req.param('member_id'));
      authorizeFactorDelete(caller, target, ACTION);
      const member = await deletePhoneNumber(deps.db, target, deps.now());
      return sdkOk(c, await answer(deps.db, member, caller.organization));
    },
  );

  const api = defineRoutes();
  api.delete(
    '/organizations/:organization_id/members/mfa_phone_numbers/:member_id',
    { action: 'OrganizationsMembersDeleteMFAPhoneNumber' },
    async (c) => {
      await readBody(c);
      const organization = await getOrganization(deps.db, c.get('project').id, c.req.param('organization_id'));
      const target = await liveMember(deps.db, organization.id, c.req.param('member_id'));
      const member = await deletePhoneNumber(deps.db, target, deps.now());
      return apiOk(c, await answer(deps.db, member, organization));
    },
  );
  return { sdk: sdk.app, backend: api.app };
}

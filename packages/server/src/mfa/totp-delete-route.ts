import type { Hono } from 'hono';
import { type AppDeps, type AppEnv, defineRoutes, readBody, sdkOk } from '../http/index.js';
import { sessionCaller } from '../rbac/index.js';
import { authorizeFactorDelete, liveMember } from './factor-delete-access.js';
import { deleteMemberTotp } from './member-factors.js';

/**
 * SDK `organization.members.deleteMFATOTP` (`DELETE /b2b/organizations/members/totp/<member_id>`,
 * docs/wire-protocol.md §2.7): removes a member's TOTP and recovery codes, judged by the session's
 * roles (`update.info.delete.mfa-totp`; `stytch.self` for one's own) like the password and phone
 * deletes. A member of another organization is `member_not_found` (TEN-08).
 */
export function sdkTotpDeleteRoute(deps: AppDeps): Hono<AppEnv> {
  const sdk = defineRoutes();
  sdk.delete('/b2b/organizations/members/totp/:member_id', { action: 'OrganizationsMembersDeleteTOTP' }, async (c) => {
    await readBody(c);
    const caller = await sessionCaller(c, deps);
    const member = await liveMember(deps.db, caller.organization.id, c.req.param('member_id'));
    authorizeFactorDelete(caller, member, 'update.info.delete.mfa-totp');
    return sdkOk(c, await deleteMemberTotp(deps.db, { member, organization: caller.organization }, deps.now()));
  });
  return sdk.app;
}

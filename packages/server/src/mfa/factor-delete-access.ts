import type { Db, MembersTable } from '../db/schema.js';
import { apiError } from '../lib/api-error.js';
import { getMember } from '../members/index.js';
import type { Caller } from '../rbac/index.js';

/**
 * The member of `organizationId` whose factor is deleted, unless deleted itself: a deleted member is
 * `member_not_found`, as for the password delete (passwords/member-routes.ts).
 */
export async function liveMember(db: Db, organizationId: string, memberId: string): Promise<MembersTable> {
  const member = await getMember(db, organizationId, memberId);
  if (member.status === 'deleted') throw apiError('member_not_found', 'The member was deleted.');
  return member;
}

/**
 * Allows the SDK caller to delete a factor of `target` (`action`, e.g. `update.info.delete.mfa-phone`):
 * the `stytch.self` action for its own record, else the `stytch.member` one (docs/wire-protocol.md §2.11).
 * @throws ApiError 403 `unauthorized_action`
 */
export function authorizeFactorDelete(caller: Caller, target: MembersTable, action: string): void {
  if (!(target.id === caller.member.id && caller.can('stytch.self', action)))
    caller.require([{ resource: 'stytch.member', action }]);
}

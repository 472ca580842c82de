import type { Db, MembersTable } from '../db/schema.js';

/**
 * `organization.members.reactivate`: a deleted member comes back, `active` when its email address
 * was verified and `pending` otherwise (it becomes active on its first sign-in, as a member created
 * as pending does). Its old sessions stay revoked and its old tokens dropped (members/admin.ts
 * `deleteMember`): coming back never revives a credential. A member that is not deleted is returned
 * unchanged, so a repeated call is harmless.
 */
export async function reactivateMember(db: Db, member: MembersTable, now: number): Promise<MembersTable> {
  if (member.status !== 'deleted') return member;
  const status = member.email_verified === 1 ? 'active' : 'pending';
  await db
    .updateTable('members')
    .set({ status, updated_at: now })
    .where('id', '=', member.id)
    .where('status', '=', 'deleted')
    .execute();
  return { ...member, status, updated_at: now };
}

import type { Db } from '../db/schema.js';
import { toMember } from '../members/index.js';
import { toOrganization } from '../organizations/index.js';
import type { TargetMember } from './caller.js';
import { deleteTotpRegistration } from './totp-store.js';

/**
 * `deleteTOTP` (SDK self, backend by id; docs/wire-protocol.md §2.7): removes the member's TOTP and
 * its recovery codes. The member then has no TOTP to answer with: a REQUIRED_FOR_ALL organization
 * asks it to enrol again at the next sign-in.
 */
export async function deleteMemberTotp(db: Db, target: TargetMember, now: number) {
  const member = await db.transaction().execute((trx) => deleteTotpRegistration(trx, target.member, now));
  return { member_id: member.id, member: toMember(member), organization: toOrganization(target.organization) };
}

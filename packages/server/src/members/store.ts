import type { Db, MembersTable } from '../db/schema.js';
import { type ApiError, apiError, isUniqueViolation } from '../lib/api-error.js';
import { envOf, newId } from '../lib/crypto.js';

/** Fields of a new member (already validated). */
export interface NewMember {
  email: string;
  status: 'active' | 'invited' | 'pending';
  emailVerified: boolean;
  name?: string | undefined;
  roles?: string[] | undefined;
  trustedMetadata?: Record<string, unknown> | undefined;
  untrustedMetadata?: Record<string, unknown> | undefined;
  isBreakglass?: boolean | undefined;
}

/**
 * Inserts a member of `organizationId`.
 * @throws ApiError 400 `duplicate_member_email` when the organization already has that email.
 */
export async function insertMember(
  db: Db,
  projectId: string,
  organizationId: string,
  input: NewMember,
  now: number,
): Promise<MembersTable> {
  const row: MembersTable = {
    id: newId('member', envOf(projectId)),
    project_id: projectId,
    organization_id: organizationId,
    email: input.email,
    email_id: newId('member-email', envOf(projectId)),
    email_verified: input.emailVerified ? 1 : 0,
    name: input.name ?? '',
    status: input.status,
    roles: JSON.stringify(input.roles ?? []),
    trusted_metadata: JSON.stringify(input.trustedMetadata ?? {}),
    untrusted_metadata: JSON.stringify(input.untrustedMetadata ?? {}),
    is_breakglass: input.isBreakglass === true ? 1 : 0,
    created_at: now,
    updated_at: now,
  };
  const existing = await findMemberByEmail(db, organizationId, input.email);
  if (existing !== undefined) throw duplicate();
  try {
    await db.insertInto('members').values(row).execute();
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicate();
    throw error;
  }
  return row;
}

function duplicate(): ApiError {
  return apiError('duplicate_member_email', 'A member with this email address already exists in the organization.');
}

/** The member of `organizationId` with `email`, any status. */
export function findMemberByEmail(db: Db, organizationId: string, email: string): Promise<MembersTable | undefined> {
  return db
    .selectFrom('members')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('email', '=', email)
    .executeTakeFirst();
}

/**
 * The member `memberId` of `organizationId`.
 * @throws ApiError 404 `member_not_found`
 */
export async function getMember(db: Db, organizationId: string, memberId: string): Promise<MembersTable> {
  const row = await db
    .selectFrom('members')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('id', '=', memberId)
    .executeTakeFirst();
  if (row === undefined) throw apiError('member_not_found', 'No member matches that member_id in this organization.');
  return row;
}

/** Marks a member active with a verified email (invite accepted / email proven). */
export async function activateMember(db: Db, member: MembersTable, now: number): Promise<MembersTable> {
  if (member.status === 'active' && member.email_verified === 1) return member;
  await db
    .updateTable('members')
    .set({ status: 'active', email_verified: 1, updated_at: now })
    .where('id', '=', member.id)
    .execute();
  return { ...member, status: 'active', email_verified: 1, updated_at: now };
}

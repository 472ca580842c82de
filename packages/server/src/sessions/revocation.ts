import type { MemberSession } from '@orgauth/core/protocol';
import type { Db } from '../db/schema.js';
import { sessionNotFound, toMemberSession } from './store.js';

/**
 * Revokes every live session of a member, effective immediately for tokens and, through
 * `sessions/authenticate`, for their JWTs. Deleting a member calls this (docs/security.md SES-06);
 * pass the transaction that deletes the member so both happen or neither.
 * @returns how many sessions were revoked (0 is not an error: revoking is idempotent per member).
 */
export async function revokeSessionsForMember(
  db: Db,
  projectId: string,
  memberId: string,
  now: number,
): Promise<number> {
  const result = await db
    .updateTable('sessions')
    .set({ revoked_at: now })
    .where('project_id', '=', projectId)
    .where('member_id', '=', memberId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Revokes every live session in an organization (on organization deletion). */
export async function revokeSessionsForOrganization(
  db: Db,
  projectId: string,
  organizationId: string,
  now: number,
): Promise<number> {
  const result = await db
    .updateTable('sessions')
    .set({ revoked_at: now })
    .where('project_id', '=', projectId)
    .where('organization_id', '=', organizationId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/**
 * Revokes one live session by `member_session_id`.
 * @throws ApiError 404 `session_not_found` when it is unknown, of another project, or already dead.
 */
export async function revokeSessionById(db: Db, projectId: string, sessionId: string, now: number): Promise<void> {
  const result = await db
    .updateTable('sessions')
    .set({ revoked_at: now })
    .where('id', '=', sessionId)
    .where('project_id', '=', projectId)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) throw sessionNotFound();
}

/** The member's active (unrevoked, unexpired) sessions, newest first. */
export async function listActiveSessions(
  db: Db,
  projectId: string,
  memberId: string,
  now: number,
): Promise<MemberSession[]> {
  const member = await db
    .selectFrom('members')
    .selectAll()
    .where('id', '=', memberId)
    .where('project_id', '=', projectId)
    .executeTakeFirst();
  if (member === undefined || member.status !== 'active') return [];
  const organization = await db
    .selectFrom('organizations')
    .selectAll()
    .where('id', '=', member.organization_id)
    .executeTakeFirstOrThrow();
  const sessions = await db
    .selectFrom('sessions')
    .selectAll()
    .where('project_id', '=', projectId)
    .where('member_id', '=', memberId)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now)
    .orderBy('started_at', 'desc')
    .orderBy('id')
    .limit(1000)
    .execute();
  return sessions.map((session) => toMemberSession({ session, member, organization }));
}

/**
 * Revokes every live session of every member with `email` in the project (all organizations) except
 * `keepSessionId`: after a password change, which the members with that email share
 * (passwords/store.ts), nobody holding an old session keeps it.
 * @returns how many sessions were revoked.
 */
export async function revokeSessionsForEmail(
  db: Db,
  projectId: string,
  email: string,
  keepSessionId: string | undefined,
  now: number,
): Promise<number> {
  let query = db
    .updateTable('sessions')
    .set({ revoked_at: now })
    .where('project_id', '=', projectId)
    .where('revoked_at', 'is', null)
    .where('member_id', 'in', (eb) =>
      eb.selectFrom('members').select('id').where('project_id', '=', projectId).where('email', '=', email),
    );
  if (keepSessionId !== undefined) query = query.where('id', '!=', keepSessionId);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

import type { B2BAuthenticateResponse } from '@orgauth/core/protocol';
import type { MembersTable, OrganizationsTable } from '../db/schema.js';
import type { AppDeps } from '../http/index.js';
import { activateMember } from '../members/index.js';
import type { Project } from '../projects/index.js';
import {
  authenticateResponse,
  revokeSessionsForEmail,
  type SessionToExtend,
  startOrExtendSession,
} from '../sessions/index.js';
import { passwordFactor } from './input.js';

/** A sign-in a password (or a reset that proved one) earned, for {@link issuePasswordSession}. */
export interface PasswordSignIn {
  project: Project;
  organization: OrganizationsTable;
  member: MembersTable;
  /** The password row's id, shown as the member's `member_password_id`. */
  passwordId: string;
  durationMinutes: number;
  customClaims?: Record<string, unknown> | undefined;
  /** A held session of the member to add the factor to (sessions/reuse.ts). */
  existing?: SessionToExtend | undefined;
  /** After a password change: revoke every other session of every member with this email. */
  revokeOtherSessions: boolean;
}

/** The authenticate answer of a password sign-in, without `request_id` / `status_code`. */
export type PasswordAuthenticatePayload = Omit<B2BAuthenticateResponse, 'request_id' | 'status_code'>;

/**
 * The one place a password turns into a member session (authenticate and reset by existing
 * password): activates the member (an invite is accepted by signing in), starts a session with the
 * `password` factor or adds it to the held one, and after a reset revokes every other session of the
 * email's members, all in one transaction. Every policy check (organization methods, credentials,
 * rate limits) is the caller's, before this.
 */
export async function issuePasswordSession(
  deps: AppDeps,
  signIn: PasswordSignIn,
  now: number,
): Promise<PasswordAuthenticatePayload> {
  const { organization, durationMinutes, customClaims, existing } = signIn;
  const { loaded, token } = await deps.db.transaction().execute(async (trx) => {
    const member = await activateMember(trx, signIn.member, now);
    const factor = passwordFactor(member.email_id, member.email, now);
    const started = await startOrExtendSession(
      trx,
      { member, organization, factor, durationMinutes, customClaims, existing },
      now,
    );
    if (signIn.revokeOtherSessions)
      await revokeSessionsForEmail(trx, signIn.project.id, member.email, started.loaded.session.id, now);
    return started;
  });
  const payload = await authenticateResponse(deps.keys, loaded, token, now);
  return { ...payload, member: { ...payload.member, member_password_id: signIn.passwordId } };
}

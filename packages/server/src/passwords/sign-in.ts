import type { MembersTable, OrganizationsTable } from '../db/schema.js';
import type { AppDeps } from '../http/index.js';
import { activateMember } from '../members/index.js';
import { type AuthRespBody, finishPrimaryAuthentication, primaryAuthResponse } from '../mfa/index.js';
import type { Project } from '../projects/index.js';
import { revokeSessionsForEmail, type SessionToExtend } from '../sessions/index.js';
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
  /** The caller's `intermediate_session_token`: a member-bound one carries earlier factors (mfa/gate.ts). */
  intermediateSessionToken?: string | undefined;
}

/** The authenticate answer of a password sign-in (AuthRespMFA), without `request_id` / `status_code`. */
export type PasswordAuthenticatePayload = AuthRespBody;

/**
 * The one place a password turns into a member session (authenticate and reset by existing
 * password): activates the member (an invite is accepted by signing in), passes the `password` factor
 * through the MFA gate (mfa/gate.ts: a session, or an IST when a second factor is due), and after a
 * reset revokes every other session of the email's members, all in one transaction. Every policy check (organization methods, credentials,
 * rate limits) is the caller's, before this.
 */
export async function issuePasswordSession(
  deps: AppDeps,
  signIn: PasswordSignIn,
  now: number,
): Promise<PasswordAuthenticatePayload> {
  const { organization, durationMinutes, customClaims, existing, intermediateSessionToken } = signIn;
  const outcome = await deps.db.transaction().execute(async (trx) => {
    const member = await activateMember(trx, signIn.member, now);
    const factors = [passwordFactor(member.email_id, member.email, now)];
    const start = { member, organization, factors, durationMinutes, customClaims, existing, intermediateSessionToken };
    const finished = await finishPrimaryAuthentication(trx, start, now);
    // With a second factor pending there is no new session to keep: every session of the email goes.
    const kept = finished.kind === 'session' ? finished.loaded.session.id : undefined;
    if (signIn.revokeOtherSessions) await revokeSessionsForEmail(trx, signIn.project.id, member.email, kept, now);
    return finished;
  });
  const payload = await primaryAuthResponse(deps, outcome, now);
  return { ...payload, member: { ...payload.member, member_password_id: signIn.passwordId } };
}

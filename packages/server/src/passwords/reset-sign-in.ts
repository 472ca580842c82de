import type { AuthenticationFactor } from '@orgauth/core/protocol';
import type { Db, MembersTable, OrganizationsTable } from '../db/schema.js';
import {
  type AuthOutcome,
  type AuthRespBody,
  finishPrimaryAuthentication,
  type GateDeps,
  primaryAuthResponse,
} from '../mfa/index.js';
import type { SessionToExtend } from '../sessions/index.js';

/** What a completed organization reset proved, handed to {@link signInAfterReset}. */
export interface ResetSignIn {
  member: MembersTable;
  organization: OrganizationsTable;
  factors: AuthenticationFactor[];
  /** The lifetime of a NEW session; an extended one follows `existing.extendMinutes`. */
  durationMinutes: number;
  customClaims?: Record<string, unknown> | undefined;
  /** A held session proven before the token was spent (sessions/reuse.ts). */
  existing?: SessionToExtend | undefined;
  /** The caller's `intermediate_session_token`, for the second-factor gate. */
  intermediateSessionToken?: string | undefined;
}

/** The `passwords/email/reset` answer (AuthRespMFA) without `request_id` / `status_code`. */
export type ResetAuthBody = AuthRespBody;

/**
 * The one way a completed reset signs in, the path every primary authentication takes: call it in
 * the transaction that spent the token. The MFA gate (mfa/gate.ts) starts or extends a session, or
 * answers with an IST when the organization or member needs a second factor (AUTH-15: a reset never
 * skips it).
 * @throws ApiError 404 `session_not_found`, 400 `bad_request`
 */
export function signInAfterReset(trx: Db, start: ResetSignIn, now: number): Promise<AuthOutcome> {
  return finishPrimaryAuthentication(trx, start, now);
}

/** The answer of a reset's sign-in (after the commit): the session with a fresh JWT, or the IST. */
export function resetAuthResponse(deps: GateDeps, outcome: AuthOutcome, now: number): Promise<ResetAuthBody> {
  return primaryAuthResponse(deps, outcome, now);
}

/** The session id a reset keeps when it revokes the email's other sessions (none while MFA is pending). */
export function keptSessionId(outcome: AuthOutcome): string | undefined {
  return outcome.kind === 'session' ? outcome.loaded.session.id : undefined;
}

import type { AuthenticationFactor, B2BAuthenticateResponse } from '@orgauth/core/protocol';
import type { Db, MembersTable, OrganizationsTable } from '../db/schema.js';
import { assertMfaNotRequired } from '../members/index.js';
import {
  authenticateResponse,
  type LoadedSession,
  type SessionToExtend,
  type SigningKeys,
  startOrExtendSession,
} from '../sessions/index.js';

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

/** The session the reset started or extended. */
export interface ResetOutcome {
  loaded: LoadedSession;
  token: string;
}

/** The `passwords/email/reset` answer without `request_id` / `status_code`. */
export type ResetAuthBody = Omit<B2BAuthenticateResponse, 'request_id' | 'status_code'>;

/**
 * The one way a completed reset signs in, the path every primary authentication takes: call it in
 * the transaction that spent the token. Today it refuses an organization that requires MFA (no
 * second factor is served, members/provisioning.ts `assertMfaNotRequired`) and starts or extends a
 * session; a second-factor gate replaces exactly this function and {@link resetAuthResponse}.
 * @throws ApiError 403 `unauthorized_action` (MFA required), 404 `session_not_found`, 400 `bad_request`
 */
export async function signInAfterReset(trx: Db, start: ResetSignIn, now: number): Promise<ResetOutcome> {
  assertMfaNotRequired(start.organization);
  const [factor] = start.factors;
  if (factor === undefined) throw new Error('signInAfterReset: no factor proven.');
  return startOrExtendSession(
    trx,
    {
      member: start.member,
      organization: start.organization,
      factor,
      durationMinutes: start.durationMinutes,
      customClaims: start.customClaims,
      existing: start.existing,
    },
    now,
  );
}

/** The answer of a reset's sign-in (after the commit): the session with a fresh JWT. */
export function resetAuthResponse(keys: SigningKeys, outcome: ResetOutcome, now: number): Promise<ResetAuthBody> {
  return authenticateResponse(keys, outcome.loaded, outcome.token, now);
}

/**
 * The session id a reset keeps when it revokes the email's other sessions: the one it started or
 * extended (a second-factor gate that answers with an intermediate session keeps none).
 */
export function keptSessionId(outcome: ResetOutcome): string | undefined {
  return outcome.loaded.session.id;
}

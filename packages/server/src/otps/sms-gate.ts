import type { AuthenticationFactor } from '@orgauth/core/protocol';
import type { Db, MembersTable, OrganizationsTable } from '../db/schema.js';
import type { AppDeps } from '../http/index.js';
import { apiError, badRequest } from '../lib/api-error.js';
import {
  assertMayEnrol,
  type AuthOutcome,
  completeSecondFactor,
  findMemberIntermediateSession,
  primaryAuthResponse,
} from '../mfa/index.js';
import { type HeldSession, proveHeldSession, type SessionToExtend } from '../sessions/index.js';

/**
 * What SMS codes need from the multi-factor gate (packages/server/src/mfa/), in one place: proving
 * that a request comes from the member it names, and turning a passed code into the member's session.
 */

/** The proofs of presence a request may carry. */
export interface MemberProof {
  /** `intermediate_session_token` of the body (SDK: the IST cookie the SDK copies there). */
  ist?: string | undefined;
  /** The session held: the SDK's Basic password (ambient) or the backend's `session_token`/`session_jwt`. */
  session?: HeldSession | undefined;
}

/** A proof checked before any code is issued or tried, so a refusal spends nothing. */
export interface ProvenMember {
  /** A live IST bound to this member (primary factor proven, second pending); spent only on success. */
  ist: string | undefined;
  /** Else a live session of this member. */
  session: SessionToExtend | undefined;
}

/**
 * Proves that `proof` names `member` of `organization`: a live intermediate session bound to that
 * very member (mfa/intermediate.ts, read, not spent), else a live session of theirs. Another
 * member's session proves nothing. With `required`, a request proving no one is refused.
 * @throws ApiError 404 `intermediate_session_not_found` (an IST was sent, and no session proves the
 *   member either), 404 `session_not_found` / 401 `jwt_*` (an explicit backend session),
 *   401 `unauthorized_credentials` (nothing proves the member, with `required`).
 */
export async function proveMember(
  deps: AppDeps,
  projectId: string,
  organization: OrganizationsTable,
  member: MembersTable,
  proof: MemberProof,
  durationMinutes: number,
  required: boolean,
  now: number,
): Promise<ProvenMember> {
  if (proof.ist !== undefined) {
    const found = await findMemberIntermediateSession(deps.db, projectId, proof.ist, organization.id, member.id, now);
    if (found !== undefined) return { ist: proof.ist, session: undefined };
  }
  const body = { session_duration_minutes: durationMinutes };
  const held = await proveHeldSession(deps.db, deps.keys, projectId, proof.session, body, durationMinutes, now);
  const own = held?.loaded.member.id === member.id && held.loaded.organization.id === organization.id;
  if (held !== undefined && own) return { ist: undefined, session: held };
  if (held !== undefined && held.otherMember === 'refuse')
    throw apiError('unauthorized_credentials', 'The session belongs to another member than member_id.');
  if (proof.ist !== undefined)
    throw apiError(
      'intermediate_session_not_found',
      'The intermediate session token is unknown, already used, expired, or not for this member.',
    );
  if (required)
    throw apiError(
      'unauthorized_credentials',
      "Enrolling a phone number needs the member's intermediate session or session.",
    );
  return { ist: undefined, session: undefined };
}

/**
 * Refuses enrolling a number on the strength of an intermediate session alone when the member
 * already holds a verified second factor (a TOTP, or another verified number): whoever has only
 * the primary factor could otherwise add their own phone and skip the member's real second factor.
 * Such a member enrols from a session, after passing that factor (mfa/index.ts `assertMayEnrol`).
 * @throws ApiError 403 `mfa_required`
 */
export function assertMayEnrolNumber(member: MembersTable, proven: ProvenMember): void {
  assertMayEnrol(member, { ist: proven.ist, session: proven.session?.loaded });
}

/**
 * Refuses, before any code is tried, a second factor with nothing to complete: an SMS code is never
 * a sign-in on its own (the gate's own rule, mfa/second-factor.ts).
 * @throws ApiError 400 `bad_request`
 */
export function assertSomethingToComplete(proven: ProvenMember): void {
  if (proven.ist === undefined && proven.session === undefined)
    throw badRequest('Send the intermediate_session_token of the sign-in, or a session of the member.');
}

/**
 * Inside the transaction that redeemed the code: the gate's completion (mfa/second-factor.ts) spends
 * the IST once and starts the session with the primary factors plus this one, or adds the factor to
 * the member's session. Answer it with {@link smsFactorResponse} once the transaction is committed.
 */
export function completeSmsFactor(
  trx: Db,
  start: {
    projectId: string;
    organization: OrganizationsTable;
    member: MembersTable;
    proven: ProvenMember;
    factor: AuthenticationFactor;
    durationMinutes: number;
  },
  now: number,
) {
  return completeSecondFactor(
    trx,
    {
      projectId: start.projectId,
      organizationId: start.organization.id,
      memberId: start.member.id,
      ist: start.proven.ist,
      session: start.proven.session?.loaded,
      extendMinutes: start.proven.session?.extendMinutes,
      factor: start.factor,
      durationMinutes: start.durationMinutes,
    },
    now,
  );
}

/**
 * The authenticate answer of a completed factor, as every authenticate answers (mfa/gate.ts). Built
 * after the commit: signing the JWT reads the signing keys, which must not wait on the transaction.
 */
export function smsFactorResponse(deps: AppDeps, outcome: AuthOutcome, now: number) {
  return primaryAuthResponse(deps, outcome, now);
}

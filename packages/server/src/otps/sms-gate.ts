import type { AuthenticationFactor } from '@orgauth/core/protocol';
import type { Db, MembersTable, OrganizationsTable } from '../db/schema.js';
import type { AppDeps } from '../http/index.js';
import { apiError } from '../lib/api-error.js';
import {
  authenticateResponse,
  type HeldSession,
  proveHeldSession,
  type SessionToExtend,
  startOrExtendSession,
} from '../sessions/index.js';

/**
 * What SMS codes need from the multi-factor gate, in one place: proving that a request comes from
 * the member it names (an intermediate session bound to that member, or a session of theirs), and
 * turning a passed code into the member's session. LOCAL ADAPTER: only sessions are understood here;
 * intermediate sessions bound to a member belong to the MFA gate (packages/server/src/mfa/), which
 * this module is to call once it exists.
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
  session: SessionToExtend | undefined;
}

const notThisMember = () =>
  apiError('unauthorized_credentials', 'The intermediate session or session does not belong to this member.');

/**
 * Proves that `proof` names `member` of `organization`: a live session of that very member, or an
 * intermediate session bound to them. With `required`, a request proving no one is refused too.
 * @throws ApiError 401 `unauthorized_credentials` (another member, or nothing with `required`),
 *   404 `session_not_found` / `intermediate_session_not_found`.
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
  if (proof.ist !== undefined)
    throw apiError('intermediate_session_not_found', 'Intermediate sessions bound to a member are not available yet.');
  const body = { session_duration_minutes: durationMinutes };
  const session = await proveHeldSession(deps.db, deps.keys, projectId, proof.session, body, durationMinutes, now);
  if (
    session !== undefined &&
    (session.loaded.member.id !== member.id || session.loaded.organization.id !== organization.id)
  )
    throw notThisMember();
  if (required && session === undefined)
    throw apiError(
      'unauthorized_credentials',
      "Enrolling a phone number needs the member's intermediate session or session.",
    );
  return { session };
}

/**
 * Inside the transaction that redeemed the code: adds the SMS factor to the member's session, or
 * starts one, and returns the authenticate answer.
 */
export async function completeSmsFactor(
  deps: AppDeps,
  trx: Db,
  start: {
    organization: OrganizationsTable;
    member: MembersTable;
    proven: ProvenMember;
    factor: AuthenticationFactor;
    durationMinutes: number;
  },
  now: number,
) {
  if (start.proven.session === undefined)
    throw apiError(
      'unauthorized_credentials',
      'An SMS code is a second factor: send the intermediate session of the first, or a session.',
    );
  const { loaded, token } = await startOrExtendSession(
    trx,
    {
      member: start.member,
      organization: start.organization,
      factor: start.factor,
      durationMinutes: start.durationMinutes,
      existing: start.proven.session,
    },
    now,
  );
  return authenticateResponse(deps.keys, loaded, token, now);
}

import type { AuthenticationFactor } from '@orgauth/core/protocol';
import type { Db } from '../db/schema.js';
import { apiError, badRequest } from '../lib/api-error.js';
import { getMember } from '../members/index.js';
import { getOrganization } from '../organizations/index.js';
import { insertSession, type LoadedSession, rotateSessionToken, touchSession } from '../sessions/index.js';
import type { SessionOutcome } from './gate.js';
import { consumeMemberIntermediateSession } from './intermediate.js';

/** What a verified second factor (TOTP, SMS code, recovery code) hands to {@link completeSecondFactor}. */
export interface SecondFactorInput {
  projectId: string;
  organizationId: string;
  memberId: string;
  /** The member's org-bound IST (primary factor proven): spent exactly once, its factors kept. */
  ist?: string | undefined;
  /** A live session of the member instead (adding a factor to a signed-in member, e.g. enrolment). */
  session?: LoadedSession | undefined;
  /** The factor just verified, `sequence_order: 'SECONDARY'`. */
  factor: AuthenticationFactor;
  /** Lifetime of the new session; with `session`, the new expiry only when `extendMinutes` is set. */
  durationMinutes: number;
  extendMinutes?: number | undefined;
  customClaims?: Record<string, unknown> | undefined;
}

/**
 * THE completion of multi-factor sign-in, called inside the transaction that verified the second
 * factor: with `ist`, spends the member's IST once (db/consume-once.ts) and starts the member
 * session with the IST's primary factors plus `factor`; with `session` (same member and
 * organization only), adds `factor` to it and rotates its token (SES-03). Answer the result with
 * `primaryAuthResponse` (mfa/gate.ts). The member is read here, after the verification's own writes.
 * @throws ApiError 404 `intermediate_session_not_found` / `member_not_found` / `session_not_found`,
 *   400 `bad_request` when neither an IST nor a session is given, 403 `unauthorized_action` for
 *   another member's session.
 */
export async function completeSecondFactor(trx: Db, input: SecondFactorInput, now: number): Promise<SessionOutcome> {
  const organization = await getOrganization(trx, input.projectId, input.organizationId);
  const member = await getMember(trx, organization.id, input.memberId);
  if (member.status !== 'active') throw apiError('member_not_found', 'The member is not active in this organization.');
  if (input.ist !== undefined && input.ist !== '') {
    const ist = await consumeMemberIntermediateSession(
      trx,
      input.projectId,
      input.ist,
      organization.id,
      member.id,
      now,
    );
    const factors = [...ist.factors, input.factor];
    const { session, token } = await insertSession(
      trx,
      member,
      factors,
      input.durationMinutes,
      now,
      input.customClaims,
    );
    return { kind: 'session', loaded: { session, member, organization }, token, member, organization };
  }
  if (input.session !== undefined) {
    if (input.session.member.id !== member.id || input.session.organization.id !== organization.id) {
      throw apiError('unauthorized_action', 'The session belongs to another member than member_id.');
    }
    const touched = await touchSession(
      trx,
      { ...input.session, member, organization },
      { extendMinutes: input.extendMinutes, addFactor: input.factor, customClaims: input.customClaims },
      now,
    );
    const token = await rotateSessionToken(trx, touched.session.id);
    return { kind: 'session', loaded: touched, token, member, organization };
  }
  throw badRequest('Send the intermediate_session_token of the sign-in, or a session of the member.');
}

import type { Db, MembersTable, OrganizationsTable } from '../db/schema.js';
import { apiError, badRequest } from '../lib/api-error.js';
import { optionalString, requiredString, type Body } from '../lib/validate.js';
import { getMember } from '../members/index.js';
import { organizationOfBody } from '../organizations/index.js';
import type { LoadedSession } from '../sessions/index.js';
import { findMemberIntermediateSession } from './intermediate.js';

/** The member a body names by `organization_id` and `member_id`, and its organization. */
export interface TargetMember {
  organization: OrganizationsTable;
  member: MembersTable;
}

/**
 * The active member of `organization_id` / `member_id` (Stytch: a factor attaches to active members only).
 * @throws ApiError 404 `organization_not_found` / `member_not_found`
 */
export async function memberOfBody(db: Db, projectId: string, body: Body): Promise<TargetMember> {
  const organization = await organizationOfBody(db, projectId, body);
  const member = await getMember(db, organization.id, requiredString(body, 'member_id', { max: 256 }));
  if (member.status !== 'active') throw apiError('member_not_found', 'The member is not active in this organization.');
  return { organization, member };
}

/** How a caller proves it may act for the member: the sign-in's IST, or the member's session. */
export interface FactorProof {
  ist?: string | undefined;
  session?: LoadedSession | undefined;
}

/** The `intermediate_session_token` of a body, `undefined` when absent or empty. */
export function istOf(body: Body): string | undefined {
  const value = optionalString(body, 'intermediate_session_token', { max: 512 });
  return value === '' ? undefined : value;
}

/**
 * Checks the caller's proof BEFORE any code is tried, so a caller without one learns nothing about
 * a code (no oracle): a sent IST must be live and bound to this member, a session must be this
 * member's. Returns the one proof to complete with (the IST wins).
 * @throws ApiError 404 `intermediate_session_not_found`, 403 `unauthorized_action` (another
 *   member's session), 400 `bad_request` (neither)
 */
export async function checkFactorProof(
  db: Db,
  target: TargetMember,
  proof: FactorProof,
  now: number,
): Promise<FactorProof> {
  const { member, organization } = target;
  if (proof.ist !== undefined) {
    const found = await findMemberIntermediateSession(
      db,
      member.project_id,
      proof.ist,
      organization.id,
      member.id,
      now,
    );
    if (found === undefined)
      throw apiError(
        'intermediate_session_not_found',
        'The intermediate session token is unknown, spent, expired, or another member’s.',
      );
    return { ist: proof.ist };
  }
  if (proof.session !== undefined) {
    if (proof.session.member.id !== member.id || proof.session.organization.id !== organization.id)
      throw apiError('unauthorized_action', 'The session belongs to another member than member_id.');
    return { session: proof.session };
  }
  throw badRequest('Send the intermediate_session_token of the sign-in, or a session of the member.');
}

/** Whether the member already holds a verified second factor (TOTP, or a verified phone number). */
export function hasVerifiedFactor(member: MembersTable): boolean {
  return (member.totp_registration_id ?? '') !== '' || member.mfa_phone_number_verified === 1;
}

/**
 * Refuses enrolling a new factor on the strength of an IST alone when the member already has a
 * verified one: whoever holds only the primary factor could otherwise add their own authenticator
 * and skip the member's real second factor. Such a member enrols from a session (second factor passed).
 * @throws ApiError 403 `mfa_required`
 */
export function assertMayEnrol(member: MembersTable, proof: FactorProof): void {
  if (proof.ist !== undefined && hasVerifiedFactor(member))
    throw apiError('mfa_required', 'Pass your existing second factor before adding another.');
}

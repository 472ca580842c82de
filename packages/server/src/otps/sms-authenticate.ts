import { createHash } from 'node:crypto';
import type { Updateable } from 'kysely';
import type { AuthenticationFactor } from '@orgauth/core/protocol';
import type { MembersTable, OrganizationsTable } from '../db/schema.js';
import type { AppDeps } from '../http/index.js';
import { badRequest } from '../lib/api-error.js';
import { envOf } from '../lib/crypto.js';
import { iso } from '../lib/json.js';
import { optionalBoolean, optionalEnum, optionalString, sessionDuration, type Body } from '../lib/validate.js';
import type { Project } from '../projects/index.js';
import { redeemSmsOtp } from './sms-codes.js';
import {
  assertMayEnrolNumber,
  assertSomethingToComplete,
  completeSmsFactor,
  type MemberProof,
  proveMember,
  smsFactorResponse,
} from './sms-gate.js';
import { assertSmsOtpAllowed, ignoredFields, namedMember } from './sms-service.js';

/**
 * A stable `phone_id` for the member's number without storing one: the same member and number
 * always give the same id (Stytch's `phone-number-<env>-<uuid>` shape), another number another id.
 */
function phoneId(projectId: string, memberId: string, phone: string): string {
  const hex = createHash('sha256').update(`${projectId}\n${memberId}\n${phone}`).digest('hex');
  const uuid = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
  return `phone-number-${envOf(projectId)}-${uuid}`;
}

/** The factor a passed SMS code proves: always the second one (an SMS code is never a primary factor in B2B). */
function smsFactor(projectId: string, memberId: string, phone: string, now: number): AuthenticationFactor {
  return {
    type: 'otp',
    delivery_method: 'sms',
    last_authenticated_at: iso(now),
    sequence_order: 'SECONDARY',
    phone_number_factor: { phone_id: phoneId(projectId, memberId, phone), phone_number: phone },
  };
}

/** The required `code`: six digits (pasted with spaces around is fine). */
function requiredCode(body: Body): string {
  const code = optionalString(body, 'code', { max: 64 })?.trim();
  if (code === undefined || !/^[0-9]{6}$/.test(code))
    throw badRequest('code must be the six digits from the text message.');
  return code;
}

/**
 * `otps/sms/authenticate` (SDK and backend). The proofs and the organization's policy are checked
 * BEFORE the code is tried, so such refusals spend no attempt. A right code, in one transaction:
 * stores the number it went to as the member's verified `mfa_phone_number`; `set_mfa_enrollment`
 * `enroll` sets `mfa_enrolled` (and `default_mfa_method` `sms_otp` when none), `unenroll` clears it;
 * `set_default_mfa` makes SMS the default; then the MFA gate turns the request's proof into the
 * member's session with this second factor. No session exists before the code passes.
 */
export async function authenticateSmsOtp(
  deps: AppDeps,
  project: Project,
  body: Body,
  organization: OrganizationsTable,
  proof: MemberProof,
) {
  const member = await namedMember(deps.db, organization, body);
  const code = requiredCode(body);
  const durationMinutes = sessionDuration(body);
  const enrollment = optionalEnum(body, 'set_mfa_enrollment', ['enroll', 'unenroll'] as const);
  const setDefault = optionalBoolean(body, 'set_default_mfa');
  optionalString(body, 'locale', { max: 64 });
  ignoredFields(body);
  assertSmsOtpAllowed(organization, member);
  const now = deps.now();
  const proven = await proveMember(deps, project.id, organization, member, proof, durationMinutes, false, now);
  assertSomethingToComplete(proven);
  const binding = { projectId: project.id, organizationId: organization.id, memberId: member.id };
  const outcome = await redeemSmsOtp(deps.db, deps.secretBox, binding, code, now, async (trx, phone) => {
    // A code sent for enrolment: the member may have verified another factor since (the rule at send).
    if (phone !== (member.mfa_phone_number ?? '')) assertMayEnrolNumber(member, proven);
    const set: Updateable<MembersTable> = { mfa_phone_number: phone, mfa_phone_number_verified: 1, updated_at: now };
    if (enrollment === 'enroll') set.mfa_enrolled = 1;
    if (enrollment === 'unenroll') set.mfa_enrolled = 0;
    if (setDefault === true || (enrollment === 'enroll' && (member.default_mfa_method ?? '') === ''))
      set.default_mfa_method = 'sms_otp';
    await trx
      .updateTable('members')
      .set(set)
      .where('id', '=', member.id)
      .where('organization_id', '=', organization.id)
      .execute();
    const factor = smsFactor(project.id, member.id, phone, now);
    return completeSmsFactor(
      trx,
      { projectId: project.id, organization, member, proven, factor, durationMinutes },
      now,
    );
  });
  return smsFactorResponse(deps, outcome, now);
}

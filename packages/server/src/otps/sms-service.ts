import { createHash } from 'node:crypto';
import type { Updateable } from 'kysely';
import type { AuthenticationFactor } from '@orgauth/core/protocol';
import type { Db, MembersTable, OrganizationsTable } from '../db/schema.js';
import type { AppDeps } from '../http/index.js';
import { apiError, badRequest } from '../lib/api-error.js';
import { envOf } from '../lib/crypto.js';
import { iso } from '../lib/json.js';
import {
  optionalBoolean,
  optionalEnum,
  optionalString,
  requiredString,
  sessionDuration,
  type Body,
} from '../lib/validate.js';
import { getMember, toMember, withOAuthRegistrations } from '../members/index.js';
import { extraSettings, toOrganization } from '../organizations/index.js';
import type { Project } from '../projects/index.js';
import { normalizePhoneNumber, smsCodeText } from '../sms/index.js';
import { issueSmsOtp, redeemSmsOtp } from './sms-codes.js';
import {
  assertMayEnrolNumber,
  assertSomethingToComplete,
  completeSmsFactor,
  type MemberProof,
  proveMember,
  smsFactorResponse,
} from './sms-gate.js';

/** Stytch's fields accepted for compatibility and not used (autofill, device fingerprinting, telemetry). */
const IGNORED = ['enable_autofill', 'autofill_session_duration_minutes', 'telemetry_id', 'dfp_telemetry_id'];

function ignoredFields(body: Body): void {
  for (const key of IGNORED) {
    const value = body[key];
    if (value !== undefined && value !== null && typeof value === 'object')
      throw badRequest(`${key} must be a string, number or boolean.`);
  }
}

/**
 * Refuses SMS codes in an organization whose `mfa_methods` is `RESTRICTED` to a list without
 * `sms_otp` (Stytch's organization setting; `ALL_ALLOWED` allows every method).
 * @throws ApiError 403 `mfa_method_not_allowed`
 */
export function assertSmsOtpAllowed(organization: OrganizationsTable): void {
  const settings = extraSettings(organization);
  if (settings.mfa_methods === 'RESTRICTED' && !settings.allowed_mfa_methods.includes('sms_otp'))
    throw apiError(
      'mfa_method_not_allowed',
      'This organization does not allow SMS one-time codes (allowed_mfa_methods).',
    );
}

/** The member the request names, in this organization, active. */
async function namedMember(db: Db, organization: OrganizationsTable, body: Body): Promise<MembersTable> {
  const member = await getMember(db, organization.id, requiredString(body, 'member_id', { max: 256 }));
  // As every factor (mfa/): codes go to active members only; an invite or a pending signup first signs in.
  if (member.status !== 'active') throw apiError('member_not_found', 'The member is not active in this organization.');
  return member;
}

/** The member's stored number and whether an SMS code proved it. */
function storedPhone(member: MembersTable): { phone: string; verified: boolean } {
  return { phone: member.mfa_phone_number ?? '', verified: member.mfa_phone_number_verified === 1 };
}

/** The backend's `{member_id, member, organization}` (docs/wire-protocol.md §5.2 `MemberResp`). */
async function memberResponse(db: Db, member: MembersTable, organization: OrganizationsTable) {
  const [wire] = await withOAuthRegistrations(db, [toMember(member)]);
  return { member_id: member.id, member: wire, organization: toOrganization(organization) };
}

/** What `otps/sms/send` needs besides the body: the proofs it carries and the per-number limit. */
export interface SmsSendContext {
  proof: MemberProof;
  /** Counts one message to the number (http/index.ts `limitSmsRecipient`); throws 429 past the limit. */
  countRecipient: (phone: string) => Promise<void>;
}

/**
 * `otps/sms/send` (SDK and backend): a six-digit code by SMS to the member's phone.
 * - No `mfa_phone_number`, or the member's own: the code goes to the stored number (set by an admin,
 *   by the member's session, or proven by an earlier code).
 * - Another number: enrolment. Allowed only while the request proves THIS member (an intermediate
 *   session bound to them, or their session: otps/sms-gate.ts) and the stored number is not verified,
 *   so nobody can point a member's second factor at a phone of their own. The number is stored on the
 *   member only when its code is authenticated; until then it lives on the code.
 * @throws ApiError 400 `invalid_phone_number` / `bad_request`, 401 `unauthorized_credentials`,
 *   403 `mfa_method_not_allowed`, 404 `member_not_found`, 429 `too_many_requests`.
 */
export async function sendSmsOtp(
  deps: AppDeps,
  project: Project,
  body: Body,
  organization: OrganizationsTable,
  context: SmsSendContext,
) {
  const member = await namedMember(deps.db, organization, body);
  const given = optionalString(body, 'mfa_phone_number', { max: 64 });
  const locale = optionalString(body, 'locale', { max: 64 });
  ignoredFields(body);
  const requested = given === undefined || given === '' ? undefined : normalizePhoneNumber(given);
  if (given !== undefined && given !== '' && requested === undefined)
    throw apiError(
      'invalid_phone_number',
      'mfa_phone_number must be a valid phone number in E.164 form, such as +14155550100.',
    );
  assertSmsOtpAllowed(organization);
  const stored = storedPhone(member);
  const now = deps.now();
  let phone = stored.phone;
  if (requested === undefined) {
    if (phone === '') throw badRequest('mfa_phone_number is required: this member has no phone number yet.');
  } else if (requested !== stored.phone) {
    if (stored.verified)
      throw badRequest('This member already has a verified phone number; delete it before enrolling another one.');
    const proven = await proveMember(
      deps,
      project.id,
      organization,
      member,
      context.proof,
      sessionDuration({}),
      true,
      now,
    );
    assertMayEnrolNumber(member, proven);
    phone = requested;
  }
  await context.countRecipient(phone);
  const binding = { projectId: project.id, organizationId: organization.id, memberId: member.id };
  const code = await issueSmsOtp(deps.db, deps.secretBox, binding, phone, now);
  await deps.sms.send({ projectId: project.id, to: phone, body: smsCodeText(code, project.name, locale) });
  return memberResponse(deps.db, member, organization);
}

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
  assertSmsOtpAllowed(organization);
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

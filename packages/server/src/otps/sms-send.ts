import type { OrganizationsTable } from '../db/schema.js';
import type { AppDeps } from '../http/index.js';
import { apiError, badRequest } from '../lib/api-error.js';
import { optionalString, sessionDuration, type Body } from '../lib/validate.js';
import type { Project } from '../projects/index.js';
import { normalizePhoneNumber, smsCodeText } from '../sms/index.js';
import { issueSmsOtp } from './sms-codes.js';
import { assertMayEnrolNumber, type MemberProof, proveMember } from './sms-gate.js';
import { assertSmsOtpAllowed, ignoredFields, memberResponse, namedMember, storedPhone } from './sms-service.js';

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
  assertSmsOtpAllowed(organization, member);
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

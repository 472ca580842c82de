import type { Db, MembersTable, OrganizationsTable } from '../db/schema.js';
import { apiError, badRequest } from '../lib/api-error.js';
import { requiredString, type Body } from '../lib/validate.js';
import { getMember, toMember, withOAuthRegistrations } from '../members/index.js';
import { mfaMethodAllowed } from '../mfa/index.js';
import { toOrganization } from '../organizations/index.js';

/**
 * What the SMS code routes share (otps/sms-send.ts, otps/sms-authenticate.ts): the member named,
 * the organization's allowed methods, and the fields Stytch sends that we do not use.
 */

/** Stytch's fields accepted for compatibility and not used (autofill, device fingerprinting, telemetry). */
const IGNORED = ['enable_autofill', 'autofill_session_duration_minutes', 'telemetry_id', 'dfp_telemetry_id'];

/** Checks the ignored fields are not objects (a type error is still a 400). */
export function ignoredFields(body: Body): void {
  for (const key of IGNORED) {
    const value = body[key];
    if (value !== undefined && value !== null && typeof value === 'object')
      throw badRequest(`${key} must be a string, number or boolean.`);
  }
}

/**
 * False in an organization whose `mfa_methods` is `RESTRICTED` to a list without `sms_otp`, unless
 * the member is a breakglass one (mfa/policy.ts `mfaMethodAllowed`, Stytch's rule).
 */
export function smsOtpAllowed(organization: OrganizationsTable, member?: Pick<MembersTable, 'is_breakglass'>): boolean {
  return mfaMethodAllowed(organization, 'sms_otp', member);
}

/**
 * Refuses SMS codes where {@link smsOtpAllowed} says no.
 * @throws ApiError 403 `mfa_method_not_allowed`
 */
export function assertSmsOtpAllowed(
  organization: OrganizationsTable,
  member?: Pick<MembersTable, 'is_breakglass'>,
): void {
  if (!smsOtpAllowed(organization, member))
    throw apiError(
      'mfa_method_not_allowed',
      'This organization does not allow SMS one-time codes (allowed_mfa_methods).',
    );
}

/** The member the request names, in this organization, active. */
export async function namedMember(db: Db, organization: OrganizationsTable, body: Body): Promise<MembersTable> {
  const member = await getMember(db, organization.id, requiredString(body, 'member_id', { max: 256 }));
  // As every factor (mfa/): codes go to active members only; an invite or a pending signup first signs in.
  if (member.status !== 'active') throw apiError('member_not_found', 'The member is not active in this organization.');
  return member;
}

/** The member's stored number and whether an SMS code proved it. */
export function storedPhone(member: MembersTable): { phone: string; verified: boolean } {
  return { phone: member.mfa_phone_number ?? '', verified: member.mfa_phone_number_verified === 1 };
}

/** The backend's `{member_id, member, organization}` (docs/wire-protocol.md §5.2 `MemberResp`). */
export async function memberResponse(db: Db, member: MembersTable, organization: OrganizationsTable) {
  const [wire] = await withOAuthRegistrations(db, [toMember(member)]);
  return { member_id: member.id, member: wire, organization: toOrganization(organization) };
}

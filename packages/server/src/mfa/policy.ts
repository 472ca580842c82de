import type { MembersTable, OrganizationsTable } from '../db/schema.js';
import { apiError } from '../lib/api-error.js';
import { extraSettings } from '../organizations/index.js';

/** The `mfa_required` of an AuthRespMFA body (docs/wire-protocol.md §2): what the member can answer with. */
export interface MfaRequired {
  member_options: { mfa_phone_number: string; totp_registration_id: string } | null;
  /** `'sms_otp'` when the server already sent the member a code (otps/sms-gate-send.ts). */
  secondary_auth_initiated: 'sms_otp' | null;
}

/** A second-factor method of Stytch's `allowed_mfa_methods`. */
export type MfaMethod = 'totp' | 'sms_otp';

/**
 * Whether a sign-in of `member` into `organization` needs a second factor: the organization's
 * `mfa_policy` is `REQUIRED_FOR_ALL`, or the member enrolled (`mfa_enrolled`). The one reading of the
 * policy for every primary path (AUTH-02 / AUTH-15).
 */
export function mfaRequiredFor(member: MembersTable, organization: OrganizationsTable): boolean {
  return organization.mfa_policy === 'REQUIRED_FOR_ALL' || member.mfa_enrolled === 1;
}

/**
 * Whether `method` may be enrolled and answered with in `organization`. Stytch's rule (the `stytch`
 * package's organizations.d.ts, `mfa_methods`): `ALL_ALLOWED` allows every method whatever
 * `allowed_mfa_methods` lists; `RESTRICTED` allows only the listed ones, except for a member with
 * `is_breakglass`, to whom the restriction does not apply.
 */
export function mfaMethodAllowed(
  organization: OrganizationsTable,
  method: MfaMethod,
  member?: Pick<MembersTable, 'is_breakglass'>,
): boolean {
  if (member?.is_breakglass === 1) return true;
  const settings = extraSettings(organization);
  return settings.mfa_methods !== 'RESTRICTED' || settings.allowed_mfa_methods.includes(method);
}

/**
 * Refuses a second-factor method {@link mfaMethodAllowed} leaves out: enrolling it and answering
 * with it alike.
 * @throws ApiError 403 `mfa_method_not_allowed`
 */
export function assertMfaMethodAllowed(
  organization: OrganizationsTable,
  method: MfaMethod,
  member?: Pick<MembersTable, 'is_breakglass'>,
): void {
  if (mfaMethodAllowed(organization, method, member)) return;
  throw apiError('mfa_method_not_allowed', `This organization does not allow ${method} as a second factor.`);
}

/**
 * The `mfa_required` of a sign-in that stopped at the gate: the member's registered factors the
 * organization allows (a factor it leaves out cannot answer, so it is not offered), or
 * `member_options: null` when none is left and the member must enrol one (TOTP create / SMS send).
 * `secondary_auth_initiated` is set once the gate's SMS went out (otps/sms-gate-send.ts).
 */
export function mfaRequiredOf(member: MembersTable, organization: OrganizationsTable): MfaRequired {
  const phone = mfaMethodAllowed(organization, 'sms_otp', member) ? (member.mfa_phone_number ?? '') : '';
  const totp = mfaMethodAllowed(organization, 'totp', member) ? (member.totp_registration_id ?? '') : '';
  return {
    member_options: phone === '' && totp === '' ? null : { mfa_phone_number: phone, totp_registration_id: totp },
    secondary_auth_initiated: null,
  };
}

/**
 * Whether a sign-in stopping at the gate sends the member an SMS code at once, as Stytch does
 * (`secondary_auth_initiated: 'sms_otp'`): the member has a verified phone number the organization
 * lets answer, and SMS is the method to use — their `default_mfa_method` is `sms_otp`, or no TOTP
 * registration could answer instead (none, or TOTP not allowed). `default_mfa_method` only chooses
 * between several registered methods (the `stytch` package's organizations.d.ts).
 */
export function gateSendsSms(member: MembersTable, organization: OrganizationsTable): boolean {
  if ((member.mfa_phone_number ?? '') === '' || member.mfa_phone_number_verified !== 1) return false;
  if (!mfaMethodAllowed(organization, 'sms_otp', member)) return false;
  const totpCanAnswer = (member.totp_registration_id ?? '') !== '' && mfaMethodAllowed(organization, 'totp', member);
  return member.default_mfa_method === 'sms_otp' || !totpCanAnswer;
}

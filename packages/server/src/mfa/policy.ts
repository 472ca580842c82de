import type { MembersTable, OrganizationsTable } from '../db/schema.js';

/** The `mfa_required` of an AuthRespMFA body (docs/wire-protocol.md §2): what the member can answer with. */
export interface MfaRequired {
  member_options: { mfa_phone_number: string; totp_registration_id: string } | null;
  /** `'sms_otp'` when the server already sent the member a code; the SMS sender sets it. */
  secondary_auth_initiated: 'sms_otp' | null;
}

/**
 * Whether a sign-in of `member` into `organization` needs a second factor: the organization's
 * `mfa_policy` is `REQUIRED_FOR_ALL`, or the member enrolled (`mfa_enrolled`). The one reading of the
 * policy for every primary path (AUTH-02 / AUTH-15).
 */
export function mfaRequiredFor(member: MembersTable, organization: OrganizationsTable): boolean {
  return organization.mfa_policy === 'REQUIRED_FOR_ALL' || member.mfa_enrolled === 1;
}

/**
 * The `mfa_required` of a sign-in that stopped at the gate: the member's registered factors, or
 * `member_options: null` when the member has none yet and must enrol one (TOTP create / SMS send).
 */
export function mfaRequiredOf(member: MembersTable): MfaRequired {
  const phone = member.mfa_phone_number ?? '';
  const totp = member.totp_registration_id ?? '';
  return {
    member_options: phone === '' && totp === '' ? null : { mfa_phone_number: phone, totp_registration_id: totp },
    secondary_auth_initiated: null,
  };
}

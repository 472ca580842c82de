import type { MembersTable, OrganizationsTable } from '../db/schema.js';
import { apiError } from '../lib/api-error.js';
import { extraSettings } from '../organizations/index.js';

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

/**
 * Refuses a second-factor method the organization leaves out (`mfa_methods: RESTRICTED` and
 * `allowed_mfa_methods` without it): enrolling it and answering with it alike.
 * @throws ApiError 403 `unauthorized_action`
 */
export function assertMfaMethodAllowed(organization: OrganizationsTable, method: 'totp' | 'sms_otp'): void {
  const settings = extraSettings(organization);
  if (settings.mfa_methods !== 'RESTRICTED' || settings.allowed_mfa_methods.includes(method)) return;
  throw apiError('unauthorized_action', `This organization does not allow ${method} as a second factor.`);
}

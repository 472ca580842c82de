// Its own module so that `types.ts` and `mfa-types.ts`, which both use it, need not import each other.

/** What a primary factor's answer says about the second factor still owed. */
export interface MfaRequired {
  /** The member's enrolled factors, when there are any: a phone number (masked or not) and a TOTP registration. */
  member_options: { mfa_phone_number: string; totp_registration_id: string } | null;
  /** `sms_otp` when the server already texted a code to the enrolled phone. */
  secondary_auth_initiated: 'sms_otp' | null;
}

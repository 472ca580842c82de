/**
 * Wire types of multi-factor authentication: the half-authenticated answer of a primary factor on an
 * organization that requires a second one, TOTP, SMS one-time codes and recovery codes
 * (docs/wire-protocol.md §2.0, §2.2, §2.10). Spelled exactly as the protocol spells them.
 */
import type { B2BAuthenticateResponse, CommonResponse, Member, Organization } from './types.js';

/** A second factor an organization may allow (`allowed_mfa_methods`) or a member may prefer. */
export type MfaMethod = 'totp' | 'sms_otp';

import type { MfaRequired } from './mfa-required.js';

export type { MfaRequired };

/**
 * A primary factor proven but the member not signed in yet: an intermediate session token (IST) to
 * carry into the second factor (`mfa_required`) or another primary one (`primary_required`).
 */
export interface B2BAuthenticatePendingResponse extends CommonResponse {
  member_id: string;
  organization_id: string;
  member: Member;
  organization: Organization;
  member_session: null;
  session_token: '';
  session_jwt: '';
  member_authenticated: false;
  intermediate_session_token: string;
  mfa_required: MfaRequired | null;
  primary_required: { allowed_auth_methods: string[] } | null;
}

/** The answer of a primary factor: signed in, or a second factor (or another primary one) owed. */
export type B2BAuthenticateMfaResponse = B2BAuthenticateResponse | B2BAuthenticatePendingResponse;

/** Body of `otps/sms/send` (the IST is added from its cookie). */
export interface OtpSmsSendRequest {
  organization_id: string;
  member_id: string;
  /** E.164; only to enrol a phone (a member with a verified one is texted at it). */
  mfa_phone_number?: string;
  locale?: string;
  enable_autofill?: boolean;
  autofill_session_duration_minutes?: number;
  intermediate_session_token?: string;
}

/** Body of `otps/sms/authenticate`. */
export interface OtpSmsAuthenticateRequest {
  organization_id: string;
  member_id: string;
  code: string;
  session_duration_minutes: number;
  set_mfa_enrollment?: 'enroll' | 'unenroll';
  intermediate_session_token?: string;
}

/** Body of `totp` (create a registration). */
export interface TotpCreateRequest {
  organization_id: string;
  member_id: string;
  expiration_minutes?: number;
  intermediate_session_token?: string;
}

/** Response of `totp`: the secret and its QR code, shown once, and the member's recovery codes. */
export interface TotpCreateResponse extends CommonResponse {
  member_id: string;
  member: Member;
  organization: Organization;
  totp_registration_id: string;
  secret: string;
  /** A `data:image/png;base64,…` URL of the `otpauth://` URI. */
  qr_code: string;
  recovery_codes: string[];
}

/** Body of `totp/authenticate`. */
export interface TotpAuthenticateRequest {
  organization_id: string;
  member_id: string;
  code: string;
  session_duration_minutes: number;
  set_mfa_enrollment?: 'enroll' | 'unenroll';
  set_default_mfa?: boolean;
  intermediate_session_token?: string;
}

/** Body of `recovery_codes/recover`. */
export interface RecoveryCodesRecoverRequest {
  organization_id: string;
  member_id: string;
  recovery_code: string;
  session_duration_minutes: number;
  intermediate_session_token?: string;
}

/** Response of `recovery_codes/recover`: signed in, and how many codes are left. */
export interface RecoveryCodesRecoverResponse extends B2BAuthenticateResponse {
  recovery_codes_remaining: number;
}

/** Response of `GET recovery_codes` and `recovery_codes/rotate`. */
export interface RecoveryCodesResponse extends CommonResponse {
  recovery_codes: string[];
}

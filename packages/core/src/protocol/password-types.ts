/**
 * Wire types of passwords (docs/wire-protocol.md §2.8): sign-in into an organization or by
 * discovery, resets by email, by the existing password and by session, and the strength check.
 * PKCE fields are spelled as each route spells them (§2.9): `code_challenge` / `code_verifier`,
 * except the discovery reset's `pkce_code_challenge` / `pkce_code_verifier`.
 */
import type { B2BAuthenticateMfaResponse } from './mfa-types.js';
import type { CommonResponse, DiscoveryOrganizationsResponse } from './types.js';

/** Body of `passwords/authenticate`. */
export interface PasswordAuthenticateRequest {
  organization_id: string;
  email_address: string;
  password: string;
  session_duration_minutes: number;
  locale?: string;
  code_verifier?: string;
  intermediate_session_token?: string;
}

/** Answer of the password calls that sign in to one organization (or owe a second factor). */
export type PasswordAuthenticateResponse = B2BAuthenticateMfaResponse;

/** Body of `passwords/strength_check`. */
export interface PasswordStrengthCheckRequest {
  password: string;
  email_address?: string;
}

/** Response of `passwords/strength_check`. */
export interface PasswordStrengthCheckResponse extends CommonResponse {
  valid_password: boolean;
  /** zxcvbn's 0–4. */
  score: number;
  breached_password: boolean;
  breach_detection_on_create: boolean;
  strength_policy: 'luds' | 'zxcvbn';
  zxcvbn_feedback: { suggestions: string[]; warning: string };
  luds_feedback: {
    has_lower_case: boolean;
    has_upper_case: boolean;
    has_digit: boolean;
    has_symbol: boolean;
    missing_complexity: number;
    missing_characters: number;
  };
}

/** Body of `passwords/email/reset/start`. */
export interface PasswordResetByEmailStartRequest {
  organization_id: string;
  email_address: string;
  login_redirect_url?: string;
  reset_password_redirect_url?: string;
  reset_password_expiration_minutes?: number;
  reset_password_template_id?: string;
  verify_email_template_id?: string;
  locale?: string;
  code_challenge?: string;
}

/** Body of `passwords/email/reset`. */
export interface PasswordResetByEmailRequest {
  password_reset_token: string;
  password: string;
  session_duration_minutes: number;
  locale?: string;
  code_verifier?: string;
  intermediate_session_token?: string;
}

/** Body of `passwords/existing_password/reset`. */
export interface PasswordResetByExistingPasswordRequest {
  organization_id: string;
  email_address: string;
  existing_password: string;
  new_password: string;
  session_duration_minutes: number;
  locale?: string;
}

/** Body of `passwords/session/reset` (the session is the Basic-auth one). */
export interface PasswordResetBySessionRequest {
  password: string;
}

/** Body of `passwords/discovery/authenticate`. */
export interface PasswordDiscoveryAuthenticateRequest {
  email_address: string;
  password: string;
  code_verifier?: string;
}

/** Body of `passwords/discovery/reset/start`. */
export interface PasswordDiscoveryResetByEmailStartRequest {
  email_address: string;
  discovery_redirect_url?: string;
  reset_password_redirect_url?: string;
  reset_password_expiration_minutes?: number;
  reset_password_template_id?: string;
  verify_email_template_id?: string;
  locale?: string;
  pkce_code_challenge?: string;
}

/** Body of `passwords/discovery/reset`. */
export interface PasswordDiscoveryResetByEmailRequest {
  password_reset_token: string;
  password: string;
  pkce_code_verifier?: string;
  intermediate_session_token?: string;
}

/** Answer of the discovery password calls: an intermediate session and the organizations found. */
export interface PasswordDiscoveryResponse extends DiscoveryOrganizationsResponse {
  intermediate_session_token: string;
}

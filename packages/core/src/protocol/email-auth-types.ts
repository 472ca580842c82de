/**
 * Wire types of sign-in by email into one organization: organization magic links (login, signup and
 * invite links all redeem through `magic_links/authenticate`) and email one-time codes, organization
 * and discovery flavours (docs/wire-protocol.md §2.1, §2.2). Spelled exactly as the protocol spells them.
 */
import type { B2BAuthenticateResponse } from './types.js';

/** Body of `magic_links/email/login_or_signup`. */
export interface MagicLinkLoginOrSignupRequest {
  organization_id: string;
  email_address: string;
  login_redirect_url?: string;
  signup_redirect_url?: string;
  login_template_id?: string;
  signup_template_id?: string;
  locale?: string;
  login_expiration_minutes?: number;
  signup_expiration_minutes?: number;
  /** docs/wire-protocol.md §2.9: the SDK route refuses a send without it. */
  pkce_code_challenge?: string;
}

/** Body of `magic_links/authenticate` (login, signup and invite links alike). */
export interface MagicLinkAuthenticateRequest {
  magic_links_token: string;
  session_duration_minutes: number;
  locale?: string;
  /** Only when this browser holds a `magic_links` pair; an invite link carries no challenge. */
  pkce_code_verifier?: string;
}

/** Response of `magic_links/authenticate`: the member signed in, and the email the link proved. */
export interface MagicLinkAuthenticateResponse extends B2BAuthenticateResponse {
  /** The email id of the member (`member.email_id` on the server). */
  method_id: string;
  reset_sessions?: boolean;
}

/** Body of `otps/email/login_or_signup`. */
export interface OtpEmailLoginOrSignupRequest {
  organization_id: string;
  email_address: string;
  login_template_id?: string;
  signup_template_id?: string;
  locale?: string;
  login_expiration_minutes?: number;
  signup_expiration_minutes?: number;
}

/** Body of `otps/email/authenticate`. */
export interface OtpEmailAuthenticateRequest {
  code: string;
  email_address: string;
  organization_id: string;
  session_duration_minutes: number;
  locale?: string;
}

/** Response of `otps/email/authenticate`. */
export interface OtpEmailAuthenticateResponse extends B2BAuthenticateResponse {
  /** The email id of the member the code was sent to. */
  method_id: string;
}

/** Body of `otps/email/discovery/send`. */
export interface OtpEmailDiscoverySendRequest {
  email_address: string;
  login_template_id?: string;
  locale?: string;
  discovery_expiration_minutes?: number;
}

/** Body of `otps/email/discovery/authenticate`; answered with a `DiscoveryAuthenticateResponse`. */
export interface OtpEmailDiscoveryAuthenticateRequest {
  code: string;
  email_address: string;
}

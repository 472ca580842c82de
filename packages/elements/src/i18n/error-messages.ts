import type { OrgAuthErrorCode } from '@orgauth/core';
import type { ApiErrorType } from '@orgauth/core/protocol';

/** Every error an element can show words for: an SDK error `code` or an API `error_type`. */
export type ErrorKey = OrgAuthErrorCode | ApiErrorType;

/**
 * The errors only the signed-in surfaces (members, settings) or backend calls meet: their words live
 * in signed-in-error-messages.ts, out of the login and its script-tag bundle.
 */
export type SignedInErrorKey =
  | 'duplicate_member_email'
  | 'duplicate_member_external_id'
  | 'organization_external_id_already_used'
  | 'invalid_cursor'
  | 'invalid_limit'
  | 'invalid_search_query'
  | 'invalid_metadata'
  | 'oidc_discovery_failed'
  | 'invalid_x509_certificate'
  | 'invalid_secret_authentication'
  | 'common_email_domain_not_allowed'
  | 'invites_not_allowed';

/** The errors the sign-in journey can hit: every key but the signed-in surfaces' ones. */
export type LoginErrorKey = Exclude<ErrorKey, SignedInErrorKey>;

/**
 * Words for every error the sign-in journey can hit (docs/architecture.md P7): each SDK error code
 * and each API `error_type` but the signed-in surfaces' own (`SIGNED_IN_ERROR_MESSAGES`). `api_error`
 * is the fallback for a type without an entry here.
 */
export const LOGIN_ERROR_MESSAGES: Record<LoginErrorKey, string> = {
  api_error: 'The server could not complete the request. Please try again.',
  network_error: 'We could not reach the server. Check your connection and try again.',
  invalid_usage: 'This sign-in form is not set up correctly.',
  no_session: 'Your sign-in has expired. Please start over.',
  redirect_error: 'This sign-in link could not be used. Please start over.',
  no_sso_connection: 'No SSO connection for that email domain. Check the address, or sign in with email instead.',
  no_pkce_verifier: 'This sign-in was started in another browser. Finish it there, or start again here.',
  bad_request: 'Something about that request was not right. Please try again.',
  invalid_json: 'Something about that request was not right. Please try again.',
  invalid_email: 'Enter a valid email address, like you@company.com.',
  invalid_organization_name: 'Enter an organization name.',
  invalid_organization_slug: 'That URL is not valid. Use lowercase letters, digits, and - . _ ~',
  organization_slug_already_used: 'That URL is taken. Try another.',
  organization_not_found: 'That organization no longer exists.',
  member_not_found: 'We could not find your membership in that organization.',
  connection_not_found: 'That single sign-on connection no longer exists.',
  sso_request_not_found: 'This single sign-on attempt expired or was already used. Start the sign-in again.',
  sso_token_not_found: 'This sign-in has expired or was already used. Please sign in again.',
  sso_jit_provisioning_not_allowed:
    'This organization does not create accounts through single sign-on. Ask an admin to invite you.',
  sso_not_allowed: 'This organization does not allow signing in with single sign-on.',
  sso_email_missing:
    'Your identity provider did not send your email address. Ask your IT admin to map the email attribute.',
  sso_subject_missing: 'Your identity provider did not identify you. Ask your IT admin to check the connection.',
  sso_identity_conflict: 'This email address is already linked to a different single sign-on account.',
  sso_connection_inactive: 'This single sign-on connection is not set up yet. Contact your IT admin.',
  saml_response_invalid: 'Your identity provider’s answer could not be verified. Contact your IT admin.',
  idp_error: 'Your identity provider could not sign you in. Try again or contact your IT admin.',
  idp_initiated_auth_disabled:
    'Start single sign-on from this site rather than from your identity provider’s dashboard.',
  oidc_response_invalid: 'Your identity provider’s answer could not be verified. Contact your IT admin.',
  oauth_config_not_found: 'Sign-in with this provider is not set up for this app.',
  oauth_request_not_found: 'This sign-in expired or was started in another browser. Start it again.',
  oauth_token_not_found: 'This sign-in link has expired or was already used. Start the sign-in again.',
  oauth_not_allowed: 'This organization does not allow sign-in with this provider.',
  oauth_jit_provisioning_not_allowed:
    'This organization does not let new members join with this account. Ask an administrator to invite you.',
  oauth_email_unverified: 'The provider did not confirm your email address, so it cannot be used to sign in.',
  oauth_provider_error: 'The provider did not sign you in. Try again.',
  oauth_response_invalid: 'The provider’s answer could not be verified. Try again.',
  weak_password: 'That password is too easy to guess. Try a longer one, or a few unrelated words.',
  breached_password: 'That password has appeared in a data breach. Choose a different one.',
  session_too_old_to_reset_password: 'For your security, sign in again before changing your password.',
  active_totp_exists: 'An authenticator app is already set up for this account.',
  totp_not_found: 'No authenticator app is set up for this account yet.',
  totp_code_already_authenticated: 'That code was already used. Wait for the next one and try again.',
  recovery_code_not_found: 'That backup code is not right or was already used.',
  mfa_required: 'Confirm it’s you with your second factor first.',
  invalid_redirect_url: 'This site is not allowed to receive sign-in links. Contact the site owner.',
  invalid_session_duration: 'This sign-in form is not set up correctly.',
  unauthorized_credentials: 'You are not allowed to do that. Please sign in again.',
  invalid_public_token: 'This sign-in form is not set up correctly (unknown public token).',
  origin_not_allowed: 'This site is not allowed to use this sign-in service. Contact the site owner.',
  user_unauthenticated: 'You are signed out. Please sign in again.',
  session_not_found: 'Your session has ended. Please sign in again.',
  intermediate_session_not_found: 'Your sign-in has expired. Please start over.',
  magic_link_not_found: 'This invite or sign-in link has expired or was already used. Sign in with your email instead.',
  unable_to_auth_magic_link: 'This password reset link has expired or was already used. Request a new one.',
  otp_code_not_found: 'That code is not right. Check the latest email and try again.',
  unable_to_auth_otp_code: 'This code has expired. Request a new one.',
  too_many_otp_attempts: 'Too many wrong tries for this code. Request a new one.',
  invalid_phone_number: 'Enter a valid phone number with its country code, like +1 415 555 0100.',
  unsubscribed_phone_number: 'This number has opted out of text messages. Reply START from it, or use another number.',
  sms_provider_unavailable: 'The text message could not be sent right now. Try again in a few minutes.',
  mfa_method_not_allowed: 'This organization does not allow that verification method.',
  pkce_mismatch: 'Open the sign-in link in the same browser where you requested it.',
  pkce_required: 'Open the sign-in link in the same browser where you requested it.',
  invalid_email_for_jit_provisioning:
    'This organization does not let people with that email address join by themselves. Ask an admin for an invite.',
  magic_link_not_allowed: 'This organization does not allow signing in with an email link.',
  invalid_token: 'This sign-in link is not valid. Request a new one.',
  not_found: 'The server could not find what was asked for. Please try again.',
  method_not_allowed: 'The server refused the request. Please try again.',
  jwt_invalid: 'Your session could not be verified. Please sign in again.',
  jwt_expired: 'Your session needs to be refreshed. Please try again.',
  unauthorized_action: 'You are not allowed to do that.',
  too_many_requests: 'Too many attempts. Wait a minute and try again.',
  ip_not_allowed: 'This service refused the request from your network. Contact the site owner.',
  internal_server_error: 'The server had a problem. Please try again in a moment.',
  request_too_large: 'That was too much to send at once. Shorten it and try again.',
  request_headers_too_large: 'Your browser sent more than the server accepts. Clear this site’s cookies and try again.',
  request_timeout: 'The connection was too slow. Please try again.',
  misdirected_request: 'This development server answers only on localhost. Open it there.',
};

/** The HTTP statuses API errors are answered with. */
export type ApiErrorStatus = 400 | 401 | 403 | 404 | 405 | 408 | 409 | 413 | 421 | 429 | 431 | 500 | 503;

/**
 * Every API `error_type` with its one HTTP status: the server answers a type with this status and no
 * other, and the client understands exactly these types. Stytch's status where Stytch documents the
 * type (`member_not_found` 404, `unauthorized_credentials` 401, `too_many_requests` 429, …).
 */
export const API_ERRORS = {
  bad_request: 400,
  invalid_json: 400,
  // The HTTP layer's own refusals: a body or head over its limit, a head that took too long, and a
  // `--dev` server asked for by a host name it does not answer (http/dev-guards.ts).
  request_too_large: 413,
  request_headers_too_large: 431,
  request_timeout: 408,
  misdirected_request: 421,
  invalid_email: 400,
  invalid_organization_name: 400,
  invalid_organization_slug: 400,
  organization_slug_already_used: 400,
  organization_not_found: 404,
  member_not_found: 404,
  duplicate_member_email: 400,
  duplicate_member_external_id: 400,
  organization_external_id_already_used: 400,
  invalid_cursor: 400,
  invalid_limit: 400,
  invalid_search_query: 400,
  connection_not_found: 404,
  invalid_x509_certificate: 400,
  invalid_redirect_url: 400,
  invalid_session_duration: 400,
  unauthorized_credentials: 401,
  invalid_secret_authentication: 401,
  invalid_public_token: 401,
  origin_not_allowed: 403,
  user_unauthenticated: 401,
  session_not_found: 404,
  intermediate_session_not_found: 404,
  magic_link_not_found: 404,
  // A password reset link that is unknown, already used or expired (Stytch's type and status).
  unable_to_auth_magic_link: 401,
  // Email one-time codes (packages/server/src/otps/): a wrong code, or none waiting for the email
  // (Stytch's type, which its login UI knows); the right code past its expiry; a code killed by
  // too many wrong attempts.
  otp_code_not_found: 404,
  unable_to_auth_otp_code: 401,
  too_many_otp_attempts: 401,
  // SMS one-time codes (packages/server/src/otps/sms-*.ts): a number outside every country's plan,
  // and an organization whose allowed_mfa_methods leave SMS out.
  invalid_phone_number: 400,
  mfa_method_not_allowed: 403,
  // What the SMS provider (packages/server/src/sms/twilio.ts) answered: a number that opted out of
  // texts (Stytch's type), and a provider that could not be reached or refused for its own reasons.
  // A number it cannot deliver to is `invalid_phone_number` above.
  unsubscribed_phone_number: 400,
  sms_provider_unavailable: 503,
  pkce_mismatch: 400,
  pkce_required: 400,
  invalid_email_for_jit_provisioning: 403,
  common_email_domain_not_allowed: 400,
  invites_not_allowed: 403,
  magic_link_not_allowed: 403,
  invalid_token: 400,
  not_found: 404,
  method_not_allowed: 405,
  jwt_invalid: 401,
  jwt_expired: 401,
  unauthorized_action: 403,
  too_many_requests: 429,
  ip_not_allowed: 403,
  internal_server_error: 500,
  sso_request_not_found: 400,
  sso_token_not_found: 404,
  sso_jit_provisioning_not_allowed: 403,
  sso_not_allowed: 403,
  sso_email_missing: 400,
  sso_subject_missing: 400,
  sso_identity_conflict: 409,
  sso_connection_inactive: 400,
  saml_response_invalid: 400,
  idp_error: 401,
  idp_initiated_auth_disabled: 403,
  invalid_metadata: 400,
  oidc_discovery_failed: 400,
  oidc_response_invalid: 400,
  // Sign-in with OAuth providers (packages/server/src/oauth/).
  oauth_config_not_found: 404,
  oauth_request_not_found: 400,
  oauth_token_not_found: 404,
  oauth_not_allowed: 403,
  oauth_jit_provisioning_not_allowed: 403,
  oauth_email_unverified: 403,
  oauth_provider_error: 401,
  oauth_response_invalid: 400,
  // Passwords (packages/server/src/passwords/): a new password zxcvbn scores too low, or one on the
  // bundled list of breached passwords (Stytch's types, which its login UI knows).
  weak_password: 400,
  breached_password: 400,
  // A reset by session needs a factor proven in the last 5 minutes: a stolen old session cannot take
  // over the password.
  session_too_old_to_reset_password: 400,
  // Multi-factor authentication (packages/server/src/mfa/): a TOTP already verified for the member, no
  // TOTP registration to check a code against, a TOTP code of a time step already used, a recovery
  // code that is wrong or spent, and a second factor enrolled by someone who has not passed one.
  active_totp_exists: 400,
  totp_not_found: 404,
  totp_code_already_authenticated: 400,
  recovery_code_not_found: 404,
  mfa_required: 403,
} as const satisfies Record<string, ApiErrorStatus>;

/** One of {@link API_ERRORS}' types. */
export type ApiErrorType = keyof typeof API_ERRORS;

/** The API error types the server emits and the client understands: the keys of {@link API_ERRORS}. */
export const API_ERROR_TYPES = Object.keys(API_ERRORS) as readonly ApiErrorType[];

/**
 * Error types after which the session can never recover: the client clears its tokens. Same set as
 * Stytch's `UNRECOVERABLE_ERROR_TYPES`, so backends written for it behave the same.
 */
export const UNRECOVERABLE_ERROR_TYPES = [
  'unauthorized_credentials',
  'user_unauthenticated',
  'invalid_secret_authentication',
  'session_not_found',
] as const satisfies readonly ApiErrorType[];

/** The JSON body of every error response (never wrapped in `data`). */
export interface ErrorEnvelope {
  status_code: number;
  request_id: string;
  error_type: ApiErrorType;
  error_message: string;
  error_url: string;
}

/** True when `value` looks like an {@link ErrorEnvelope}. */
export function isErrorEnvelope(value: unknown): value is ErrorEnvelope {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.status_code === 'number' && typeof v.error_type === 'string' && typeof v.error_message === 'string';
}

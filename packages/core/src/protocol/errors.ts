/**
 * API error types the server emits and the client understands. Both sides import this list, so an
 * `error_type` can never drift between them.
 */
export const API_ERROR_TYPES = [
  'bad_request',
  'invalid_json',
  'invalid_email',
  'invalid_organization_name',
  'invalid_organization_slug',
  'organization_slug_already_used',
  'organization_not_found',
  'member_not_found',
  'duplicate_member_email',
  'duplicate_member_external_id',
  'organization_external_id_already_used',
  'invalid_cursor',
  'invalid_limit',
  'invalid_search_query',
  'connection_not_found',
  'invalid_x509_certificate',
  'invalid_redirect_url',
  'invalid_session_duration',
  'unauthorized_credentials',
  'invalid_secret_authentication',
  'invalid_public_token',
  'origin_not_allowed',
  'user_unauthenticated',
  'session_not_found',
  'intermediate_session_not_found',
  'magic_link_not_found',
  'pkce_mismatch',
  'pkce_required',
  'invalid_email_for_jit_provisioning',
  'common_email_domain_not_allowed',
  'invites_not_allowed',
  'magic_link_not_allowed',
  'invalid_token',
  'not_found',
  'method_not_allowed',
  'jwt_invalid',
  'jwt_expired',
  'unauthorized_action',
  'too_many_requests',
  'ip_not_allowed',
  'internal_server_error',
  'sso_request_not_found',
  'sso_token_not_found',
  'sso_jit_provisioning_not_allowed',
  'sso_not_allowed',
  'sso_email_missing',
  'sso_subject_missing',
  'sso_identity_conflict',
  'sso_connection_inactive',
  'saml_response_invalid',
  'idp_error',
  'idp_initiated_auth_disabled',
  'invalid_metadata',
  'oidc_discovery_failed',
  'oidc_response_invalid',
] as const;

/** One of {@link API_ERROR_TYPES}. */
export type ApiErrorType = (typeof API_ERROR_TYPES)[number];

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

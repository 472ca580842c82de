import { type SignedInErrorKey, type ErrorKey, LOGIN_ERROR_MESSAGES } from './error-messages.js';

/**
 * Words for the errors only the signed-in surfaces (members, settings) or backend calls meet, kept
 * apart from `LOGIN_ERROR_MESSAGES` so the login's script-tag bundle does not carry them; the
 * account entry and its chunk do.
 */
export const SIGNED_IN_ERROR_MESSAGES: Record<SignedInErrorKey, string> = {
  duplicate_member_email: 'A member with that email already exists in this organization.',
  duplicate_member_external_id: 'A member with that external ID already exists in this organization.',
  organization_external_id_already_used: 'Another organization already uses that external ID.',
  invalid_cursor: 'This list is out of date. Reload it and try again.',
  invalid_limit: 'Too many results were asked for at once. Ask for fewer.',
  invalid_search_query: 'That search is not valid. Check the filters and try again.',
  invalid_metadata: 'The identity provider metadata could not be read. Check the metadata URL.',
  oidc_discovery_failed: 'The identity provider’s OpenID configuration could not be read. Check the issuer URL.',
  invalid_x509_certificate: 'That certificate is not a valid X.509 certificate in PEM format.',
  invalid_secret_authentication: 'You are not allowed to do that. Please sign in again.',
  common_email_domain_not_allowed:
    'Free email providers (like gmail.com) cannot be allowed domains. Use your company domain.',
  invites_not_allowed: 'This organization does not allow invitations to that email address.',
};

/**
 * Words for every error, each `OrgAuthErrorCode` and each API `error_type`: the sign-in's and the
 * account's tables together. `api_error` is the fallback for an API error type without its own entry.
 */
export const DEFAULT_ERROR_MESSAGES: Record<ErrorKey, string> = {
  ...LOGIN_ERROR_MESSAGES,
  ...SIGNED_IN_ERROR_MESSAGES,
};

import type { OrgAuthErrorCode } from '@orgauth/core';
import type { ApiErrorType } from '@orgauth/core/protocol';

/** Every user-facing string of the elements, in one table (docs/architecture.md P7). `{name}` marks a placeholder. */
export const DEFAULT_MESSAGES = {
  'email.heading': 'Sign in or create an organization',
  'email.headingOrganization': 'Sign in to {organization}',
  'email.intro': 'Enter your work email. We will send you a link to sign in.',
  'email.label': 'Work email',
  'email.placeholder': 'you@company.com',
  'email.submit': 'Continue with email',
  'email.introCode': 'Enter your work email. We will send you a code to sign in.',
  'email.introChoice': 'Enter your work email. We will send you a link or a code to sign in.',
  'email.submitLink': 'Email me a link',
  'email.submitCode': 'Email me a code',
  'emailSent.heading': 'Check your email',
  'emailSent.body': 'We sent a sign-in link to {email}',
  // Said the same whether or not the address may join: the server does not tell (docs/security.md AUTH-03).
  'emailSent.bodyOrganization': 'If {email} can sign in to {organization}, a sign-in link is on its way.',
  'emailSent.restricted':
    'New people join {organization} only with an address at {domains}. Not a member yet? Ask an admin to invite you.',
  'emailSent.inviteOnly': 'New people join {organization} by invitation. Not a member yet? Ask an admin to invite you.',
  'emailSent.hint': 'Open the link on this device to continue. It expires soon.',
  'emailSent.resend': 'Resend',
  'emailSent.resent': 'We sent another link.',
  'emailSent.back': 'Use a different email',
  'code.body': 'We sent a 6-digit code to {email}',
  'code.label': 'Code from the email',
  'code.hint': 'Type or paste the code. It expires in a few minutes.',
  'code.submit': 'Verify code',
  'code.verifying': 'Checking your code…',
  'code.resend': 'Resend code',
  'code.resendIn': 'You can ask for a new code in {seconds} s.',
  'code.resent': 'We sent a new code. Use the latest email.',
  'code.wrong': 'That code is not right. Tries left for this code: {count}.',
  'code.wrongLast': 'That code is not right, and it was the last try. Request a new code.',
  'authenticating.heading': 'Signing you in…',
  'chooseOrganization.heading': 'Choose an organization',
  'chooseOrganization.intro': 'Organizations you can use as {email}',
  'chooseOrganization.empty': "You're not a member of any organization yet.",
  'chooseOrganization.create': 'Create an organization',
  'chooseOrganization.startOver': 'Use a different email',
  'membership.active_member': 'Member',
  'membership.pending_member': 'Pending',
  'membership.invited_member': 'Invited',
  'membership.eligible_to_join_by_email_domain': 'You can join',
  'membership.eligible_to_join_by_oauth_tenant': 'You can join',
  'createOrganization.heading': 'Create an organization',
  'createOrganization.nameLabel': 'Organization name',
  'createOrganization.namePlaceholder': 'Acme Inc.',
  'createOrganization.slugLabel': 'Organization URL',
  'createOrganization.slugHint': 'Part of the web address of your organization, like acme-inc.',
  'createOrganization.submit': 'Create organization',
  'createOrganization.back': 'Back',
  'slug.required': 'Enter a URL for your organization.',
  'slug.too_short': 'Use at least 2 characters.',
  'slug.too_long': 'Use at most 128 characters.',
  'slug.invalid': 'Use 2–128 lowercase letters, digits, and - . _ ~, starting with a letter or digit.',
  'slug.taken': 'That URL is taken. Try another.',
  'name.required': 'Enter a name for your organization.',
  'signedIn.heading': 'Signed in',
  'signedIn.body': '{email} in {organization}',
  'signedIn.signOut': 'Sign out',
  'error.heading': 'Something went wrong',
  'error.startOver': 'Start over',
  'error.signInWithEmail': 'Sign in with email instead',
  'email.sso': 'Continue with SSO',
  'email.back': 'Back',
  'organizationLogin.heading': 'Sign in',
  'organizationLogin.loading': 'Finding your organization…',
  'organizationLogin.intro': 'Sign in to {organization} with your company’s single sign-on or your work email.',
  'organizationLogin.introEmail': 'Sign in to {organization} with your work email.',
  'organizationLogin.introSso': 'Sign in to {organization} with your company’s single sign-on.',
  'organizationLogin.sso': 'Continue with {name}',
  'organizationLogin.email': 'Continue with email',
  'ssoEmail.heading': 'Sign in with SSO',
  'ssoEmail.intro': 'Enter your work email. We will find your company’s single sign-on.',
  'ssoEmail.submit': 'Continue',
  'ssoEmail.choose': 'Your email domain has several SSO connections. Choose one:',
  'ssoEmail.back': 'Back',
  'ssoRedirecting.heading': 'Redirecting to your identity provider…',
  'organizationLogin.introChoose': 'Choose how to sign in to {organization}:',
  'oauth.continue': 'Continue with {provider}',
  'oauth.divider': 'or',
  'oauthRedirecting.heading': 'Redirecting to {provider}…',
  busy: 'Please wait…',
} as const;

/** Keys of the UI strings. */
export type OrgAuthMessageKey = keyof typeof DEFAULT_MESSAGES;

/**
 * Words for every error the journey can hit: each `OrgAuthErrorCode` and each API `error_type`.
 * `api_error` is the fallback for an API error type without its own entry.
 */
export const DEFAULT_ERROR_MESSAGES: Record<OrgAuthErrorCode | ApiErrorType, string> = {
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
  duplicate_member_email: 'A member with that email already exists in this organization.',
  duplicate_member_external_id: 'A member with that external ID already exists in this organization.',
  organization_external_id_already_used: 'Another organization already uses that external ID.',
  invalid_cursor: 'This list is out of date. Reload it and try again.',
  invalid_limit: 'Too many results were asked for at once. Ask for fewer.',
  invalid_search_query: 'That search is not valid. Check the filters and try again.',
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
  invalid_metadata: 'The identity provider metadata could not be read. Check the metadata URL.',
  oidc_discovery_failed: 'The identity provider’s OpenID configuration could not be read. Check the issuer URL.',
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
  invalid_x509_certificate: 'That certificate is not a valid X.509 certificate in PEM format.',
  invalid_redirect_url: 'This site is not allowed to receive sign-in links. Contact the site owner.',
  invalid_session_duration: 'This sign-in form is not set up correctly.',
  unauthorized_credentials: 'You are not allowed to do that. Please sign in again.',
  invalid_secret_authentication: 'You are not allowed to do that. Please sign in again.',
  invalid_public_token: 'This sign-in form is not set up correctly (unknown public token).',
  origin_not_allowed: 'This site is not allowed to use this sign-in service. Contact the site owner.',
  user_unauthenticated: 'You are signed out. Please sign in again.',
  session_not_found: 'Your session has ended. Please sign in again.',
  intermediate_session_not_found: 'Your sign-in has expired. Please start over.',
  magic_link_not_found: 'This invite or sign-in link has expired or was already used. Sign in with your email instead.',
  otp_code_not_found: 'That code is not right. Check the latest email and try again.',
  unable_to_auth_otp_code: 'This code has expired. Request a new one.',
  too_many_otp_attempts: 'Too many wrong tries for this code. Request a new one.',
  pkce_mismatch: 'Open the sign-in link in the same browser where you requested it.',
  pkce_required: 'Open the sign-in link in the same browser where you requested it.',
  invalid_email_for_jit_provisioning:
    'This organization does not let people with that email address join by themselves. Ask an admin for an invite.',
  common_email_domain_not_allowed:
    'Free email providers (like gmail.com) cannot be allowed domains. Use your company domain.',
  invites_not_allowed: 'This organization does not allow invitations to that email address.',
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

/** The complete table an element renders with. */
export type OrgAuthMessages = Record<OrgAuthMessageKey, string> & {
  errors: Record<OrgAuthErrorCode | ApiErrorType, string>;
};

/** What the `messages` property accepts: any subset of UI strings and error strings. */
export type OrgAuthMessagesOverride = Partial<Record<OrgAuthMessageKey, string>> & {
  errors?: Partial<Record<OrgAuthErrorCode | ApiErrorType, string>>;
};

/** Defaults with `overrides` laid over them (error strings merged separately, key by key). */
export function resolveMessages(overrides?: OrgAuthMessagesOverride): OrgAuthMessages {
  const { errors, ...ui } = overrides ?? {};
  return { ...DEFAULT_MESSAGES, ...ui, errors: { ...DEFAULT_ERROR_MESSAGES, ...errors } };
}

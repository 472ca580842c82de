/**
 * `@orgauth/core`: the headless OrgAuth B2B client. Every export is listed by name; wire types live
 * in `@orgauth/core/protocol`, test helpers in `@orgauth/core/testing`.
 */
export { createB2BClient, createOrganizationWithMembersFlow } from './client.js';
export { createClient } from './compose.js';
export type { ComposedClient, FlowFactory } from './compose.js';
export type { B2BClient, B2BClientOptions, ClientBase } from './client-types.js';
export type { FlowDeps } from './flows/deps.js';
// The flow factories `createClient` composes; an app passes only those it uses.
export { createDiscoveryFlow } from './flows/discovery.js';
export { createMagicLinksFlow } from './flows/magic-links.js';
export { createMembersFlow } from './flows/members.js';
export { createOAuthFlow } from './flows/oauth.js';
export { createOrganizationFlow } from './flows/organization.js';
export { createOtpsFlow } from './flows/otps.js';
export { createRbacFlow } from './flows/rbac.js';
export { createSelfFlow } from './flows/self.js';
export { createSsoFlow } from './flows/sso.js';
export type { AuthenticateByUrl, AuthenticateByUrlResult } from './authenticate-by-url.js';
export type { ParsedAuthenticateUrl } from './redirect.js';
export type { CookieOptions } from './session/cookies.js';
export { OrgAuthApiError, OrgAuthError, isOrgAuthApiError, isOrgAuthError } from './errors.js';
export type { OrgAuthErrorCode } from './errors.js';
export type { AuthState, AuthStatus } from './state/auth-state.js';
export {
  selectDiscoveredOrganizations,
  selectIsSignedIn,
  selectMember,
  selectOrganization,
  selectSession,
  selectStatus,
} from './state/selectors.js';
export { LOGIN_STEPS } from './machines/login-state.js';
export type { LoginEvent, LoginFlow, LoginState, LoginStep } from './machines/login-state.js';
export { initialLoginState, loginReducer } from './machines/login-machine.js';
export { createLoginController } from './machines/login-controller.js';
export { DEFAULT_LOGIN_PRODUCTS } from './machines/login-config.js';
export { oauthProvidersFor } from './machines/login-oauth.js';
export type { LoginFactorEvent, LoginFactorState, MfaContext } from './machines/login-factor-state.js';
export type {
  DirectLoginForSingleMembershipConfig,
  EmailMagicLinksOptions,
  EmailMethod,
  EmailOtpOptions,
  LoginConfig,
  LoginProduct,
  MfaProduct,
  OAuthOptions,
  PasswordOptions,
  OAuthProviderConfig,
} from './machines/login-config.js';
export type {
  CreateLoginOptions,
  LoginClient,
  LoginController,
  LoginControllerOptions,
} from './machines/login-types.js';
export { HANDLED_TOKEN_TYPES, parseAuthenticateUrl, stripAuthenticateParams } from './redirect.js';
export type { AuthenticateByUrlOptions } from './authenticate-by-url.js';
export { SLUG_ERRORS, suggestSlug, validateSlug } from './slug.js';
export type { SlugError } from './slug.js';
export { pkceChallenge } from './pkce.js';
export type { PkcePair } from './pkce.js';
export { browserPlatform } from './platform/browser.js';
export type { Platform, PlatformCookieAttributes } from './platform/types.js';
export type { SessionEndReason } from './session/session-manager.js';
export type {
  DiscoveryMagicLinkAuthenticateOptions,
  DiscoverySendOptions,
  MagicLinkAuthenticateOptions,
  MagicLinkInviteOptions,
  MagicLinkLoginOrSignupOptions,
} from './flows/magic-links.js';
export type {
  OtpEmailAuthenticateOptions,
  OtpEmailDiscoveryAuthenticateOptions,
  OtpEmailDiscoverySendOptions,
  OtpEmailLoginOrSignupOptions,
  OtpsFlow,
} from './flows/otps.js';
export type { DiscoveryOrganizationCreateOptions, IntermediateSessionExchangeOptions } from './flows/discovery.js';
// Passwords and second factors: on `createB2BClient`, loaded on their first call; their factories are
// in `@orgauth/core/factors` (src/factors.ts), so this entry carries only their types.
export type {
  PasswordAuthenticateOptions,
  PasswordResetByEmailOptions,
  PasswordResetByEmailStartOptions,
  PasswordResetByExistingPasswordOptions,
  PasswordResetBySessionOptions,
  PasswordStrengthCheckOptions,
  PasswordsFlow,
} from './flows/passwords.js';
export type {
  PasswordDiscoveryAuthenticateOptions,
  PasswordDiscoveryResetByEmailOptions,
  PasswordDiscoveryResetByEmailStartOptions,
} from './flows/passwords-discovery.js';
export type { TotpAuthenticateOptions, TotpCreateOptions, TotpFlow } from './flows/totp.js';
export type { OtpSmsAuthenticateOptions, OtpSmsSendOptions, OtpsSmsFlow } from './flows/otps-sms.js';
export type { RecoveryCodesFlow, RecoveryCodesRecoverOptions } from './flows/recovery-codes.js';
export type {
  OrganizationFlow,
  OrganizationGetBySlugOptions,
  OrganizationUpdateOptions,
} from './flows/organization.js';
export type { MemberCreateOptions, MemberSearchOptions, MemberUpdateOptions, MembersFlow } from './flows/members.js';
export type { SelfFlow, SelfUpdateOptions } from './flows/self.js';
export type { RbacFlow, RbacPermissions } from './flows/rbac.js';
export type { DiscoveryFlow } from './flows/discovery.js';
export type { MagicLinksFlow } from './flows/magic-links.js';
export type { SessionExchangeOptions, SessionsFlow } from './flows/sessions.js';
export type { SsoAuthenticateOptions, SsoFlow, SsoStartOptions } from './flows/sso.js';
export type {
  OAuthAuthenticateOptions,
  OAuthDiscoveryAuthenticateOptions,
  OAuthDiscoveryStartOptions,
  OAuthFlow,
  OAuthProviderFlow,
  OAuthStartOptions,
} from './flows/oauth.js';

import type { OAuthProviderType } from '../protocol/oauth-types.js';
import type { DiscoveredOrganization } from '../protocol/types.js';

/** Ways in the login offers, in the order it offers them (Stytch's prebuilt UI product names). */
export type LoginProduct = 'emailMagicLinks' | 'emailOtp' | 'sso' | 'oauth' | 'passwords';

/** Second factors the login can walk (Stytch's `B2BMFAProducts`): an authenticator app, SMS codes. */
export type MfaProduct = 'totp' | 'smsOtp';

/** Options of the password reset mails the login sends (Stytch's `B2BPasswordOptions`). */
export interface PasswordOptions {
  /** Where the mail's link leads when the email must be verified first. */
  loginRedirectURL?: string;
  /** Where the reset link leads (the page with this login, which shows the reset screen). */
  resetPasswordRedirectURL?: string;
  /** Where a discovery reset link leads; default the client's `redirectUrls.discovery`. */
  discoveryRedirectURL?: string;
  resetPasswordExpirationMinutes?: number;
  resetPasswordTemplateId?: string;
  verifyEmailTemplateId?: string;
  locale?: string;
}

/** How an email address is proven: a link to follow, or a code to type. */
export type EmailMethod = Extract<LoginProduct, 'emailMagicLinks' | 'emailOtp'>;

/** Options of the magic links the login sends (Stytch's `B2BEmailMagicLinksOptions`). */
export interface EmailMagicLinksOptions {
  loginRedirectURL?: string;
  signupRedirectURL?: string;
  discoveryRedirectURL?: string;
  loginTemplateId?: string;
  signupTemplateId?: string;
  locale?: string;
  loginExpirationMinutes?: number;
  signupExpirationMinutes?: number;
  discoveryExpirationMinutes?: number;
}

/** Options of the codes the login sends: Stytch's `B2BEmailOTPOptions`, plus the lifetimes of the API. */
export interface EmailOtpOptions {
  loginTemplateId?: string;
  signupTemplateId?: string;
  locale?: string;
  loginExpirationMinutes?: number;
  signupExpirationMinutes?: number;
  discoveryExpirationMinutes?: number;
}

/** One provider button of the login (Stytch's `B2BOAuthProviderConfig`). */
export interface OAuthProviderConfig {
  type: OAuthProviderType;
  /** Extra scopes asked of the provider, beyond the sign-in ones. */
  customScopes?: string[];
  /** Extra parameters passed on to the provider's authorization page (e.g. `prompt`, `login_hint`). */
  providerParams?: Record<string, string>;
}

/** Options of the OAuth buttons (Stytch's `B2BOAuthOptions`). */
export interface OAuthOptions {
  /** The buttons, in order; a name alone is shorthand for `{ type: name }`. */
  providers: ReadonlyArray<OAuthProviderConfig | OAuthProviderType>;
  loginRedirectURL?: string;
  signupRedirectURL?: string;
  discoveryRedirectURL?: string;
}

/** When discovery may skip the organization chooser (Stytch's `DirectLoginForSingleMembershipConfig`). */
export interface DirectLoginForSingleMembershipConfig {
  /** Enter the one organization the person is an active member of. */
  status: boolean;
  /** Do not count pending invites as other choices. */
  ignoreInvites: boolean;
  /** Do not count organizations the person may join by email domain as other choices. */
  ignoreJitProvisioning: boolean;
}

/**
 * The login's configuration, one typed object shaped like Stytch's prebuilt UI config, so a team
 * moving from it keeps its settings.
 */
export interface LoginConfig {
  /** Default `['emailMagicLinks', 'sso']`. With both email products the person picks link or code. */
  products?: readonly LoginProduct[];
  /**
   * `Organization`: the login of one organization (`organizationSlug`), which signs straight in;
   * `Discovery`: email first, then the organization chooser. Default: `Organization` when a slug is given.
   */
  authFlowType?: 'Discovery' | 'Organization';
  /** Length of the sessions the login creates; default the client's `sessionDurationMinutes`. */
  sessionOptions?: { sessionDurationMinutes: number };
  emailMagicLinksOptions?: EmailMagicLinksOptions;
  emailOtpOptions?: EmailOtpOptions;
  /** The provider buttons when `products` has `oauth`. */
  oauthOptions?: OAuthOptions;
  directLoginForSingleMembership?: DirectLoginForSingleMembershipConfig;
  /** With no organization to enter or join, create one (named after the email's domain) at once. */
  directCreateOrganizationForNoMembership?: boolean;
  /** Hide and refuse "Create an organization" in discovery. */
  disableCreateOrganization?: boolean;
  /** The reset mails when `products` has `passwords`. */
  passwordOptions?: PasswordOptions;
  /** The second factors offered to enrol, in this order (default `['totp', 'smsOtp']`). */
  mfaProductOrder?: readonly MfaProduct[];
  /** Only these second factors are offered to enrol (default: every one the organization allows). */
  mfaProductInclude?: readonly MfaProduct[];
}

/** The products a login offers when its configuration names none. */
export const DEFAULT_LOGIN_PRODUCTS: readonly LoginProduct[] = ['emailMagicLinks', 'sso'];

/**
 * The organization discovery enters without asking, per `directLoginForSingleMembership`: the only
 * one the person is an active member of, when no other choice counts. Null to show the chooser.
 */
export function directLoginOrganization(
  organizations: readonly DiscoveredOrganization[],
  config: DirectLoginForSingleMembershipConfig | undefined,
): DiscoveredOrganization | null {
  if (!config?.status) return null;
  const members = organizations.filter(({ membership: { type } }) => type === 'active_member');
  const others = organizations.filter(
    ({ membership: { type } }) =>
      type !== 'active_member' &&
      !(config.ignoreInvites && type === 'invited_member') &&
      !(config.ignoreJitProvisioning && type.startsWith('eligible_to_join')),
  );
  return members.length === 1 && others.length === 0 ? members[0]! : null;
}

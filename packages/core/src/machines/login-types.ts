import type { StoreApi } from 'zustand/vanilla';
import type { AuthenticateByUrl } from '../authenticate-by-url.js';
import type { DiscoveryFlow } from '../flows/discovery.js';
import type { MagicLinksFlow } from '../flows/magic-links.js';
import type { OAuthFlow } from '../flows/oauth.js';
import type { OrganizationFlow } from '../flows/organization.js';
import type { OtpsFlow } from '../flows/otps.js';
import type { OtpsSmsFlow } from '../flows/otps-sms.js';
import type { PasswordsFlow } from '../flows/passwords.js';
import type { RecoveryCodesFlow } from '../flows/recovery-codes.js';
import type { TotpFlow } from '../flows/totp.js';
import type { SsoFlow } from '../flows/sso.js';
import type { OAuthProviderType } from '../protocol/oauth-types.js';
import type { ParsedAuthenticateUrl } from '../redirect.js';
import type { AuthState } from '../state/auth-state.js';
import type { EmailMethod, LoginConfig, LoginProduct, MfaProduct } from './login-config.js';
import type { LoginState } from './login-state.js';

/** What the controller uses of a client; a `B2BClient` has all of it. */
export interface LoginClient {
  readonly store: StoreApi<AuthState>;
  magicLinks: MagicLinksFlow;
  otps: OtpsFlow & { sms: OtpsSmsFlow };
  passwords: PasswordsFlow;
  totp: TotpFlow;
  recoveryCodes: RecoveryCodesFlow;
  discovery: DiscoveryFlow;
  sso: SsoFlow;
  oauth: OAuthFlow;
  organization: OrganizationFlow;
  parseAuthenticateUrl(href?: string): ParsedAuthenticateUrl;
  authenticateByUrl: AuthenticateByUrl;
}

/** Options of `client.createLogin`: the login's configuration (Stytch's names), its organization, a hook. */
export interface CreateLoginOptions extends LoginConfig {
  /**
   * Runs the organization flow (unless `authFlowType` is `Discovery`): the login starts on this
   * organization's page (its SSO buttons and "Continue with email", which signs straight in to it),
   * and "back" and "start over" return there. Without it, discovery.
   */
  organizationSlug?: string | undefined;
  /** Called with the URL before an SSO or OAuth start leaves the page; return false to navigate yourself. */
  beforeNavigate?: (url: string) => boolean;
}

/** Extra wiring the client passes in; a controller built over any client works without it. */
export interface LoginControllerOptions extends CreateLoginOptions {
  /** Drops the intermediate session when the person starts over. */
  forgetIntermediateSession?: () => void;
}

/**
 * The headless login machine bound to a client: its state, and actions that run the requests. Actions
 * never reject: a failure is kept on the step as `error`. Call {@link LoginController.start} once.
 */
export interface LoginController {
  /** The configuration it runs with, `products` and `authFlowType` resolved: a UI renders from it. */
  readonly config: LoginConfig & { products: readonly LoginProduct[]; authFlowType: 'Discovery' | 'Organization' };
  getState(): LoginState;
  subscribe(listener: (state: LoginState, previous: LoginState) => void): () => void;
  /**
   * Starts the login on this page (`href`, default the current URL): a redirect's token (magic link,
   * SSO, OAuth) or `stytch_error` is authenticated or shown (an organization's token signs in, a
   * discovery one leads to the chooser); otherwise, in the organization flow, its page
   * is fetched. It runs once per login: later calls (a React effect in StrictMode) get the same promise.
   */
  start(href?: string): Promise<void>;
  /**
   * Emails a link or a code (`method`, default the first email product of `products`): in an
   * organization's login one that signs in to it, in discovery one that leads to the chooser.
   * A method the configuration does not offer is refused.
   */
  submitEmail(email: string, method?: EmailMethod): Promise<void>;
  /** Sends the same link or a new code again from the "Check your email" step. */
  resend(): Promise<void>;
  /**
   * Redeems the emailed code typed on the "Check your email" step: signs in to the organization,
   * or, in discovery, shows the organizations found. A failure stays on the step, the code field kept.
   */
  submitCode(code: string): Promise<void>;
  /**
   * Goes one step back (email-sent → email, create-organization → choose-organization, sso-email →
   * email; in the organization flow, email and sso-email → organization-login).
   */
  back(): Promise<void>;
  /** Exchanges the intermediate session for a session in this organization. */
  chooseOrganization(organizationId: string): Promise<void>;
  /** Shows the create-organization form (refused with `disableCreateOrganization`). */
  startCreate(): void;
  /** Creates an organization and signs in to it. */
  createOrganization(options: { organization_name: string; organization_slug: string }): Promise<void>;
  /** Back to the first screen (the organization's page in the organization flow), forgetting the intermediate session. */
  reset(): Promise<void>;
  /** Moves to the organization flow of this slug: its page, fetched; an unknown slug is an error on it. */
  loadOrganization(slug: string): Promise<void>;
  /** "Continue with email" on an organization's page: the discovery email step (`back()` returns). */
  openEmail(): void;
  /** "Continue with SSO": the step that finds the SSO connection by email domain (when `products` has `sso`). */
  openSsoEmail(): void;
  /** Finds the SSO connections for the email's domain: one is started, several are offered, none is an error. */
  submitSsoEmail(email: string): Promise<void>;
  /** Leaves for the identity provider of this connection (after the `beforeNavigate` hook). */
  startSso(connectionId: string): Promise<void>;
  /**
   * "Continue with <provider>" (from the email step or an organization's page): leaves for the
   * provider (after the `beforeNavigate` hook), to sign in to the page's organization or, in
   * discovery, to reach the organization chooser. A provider not in `oauthProvidersFor(config,
   * organization)` is refused on the step without a request: `oauth_not_allowed` when the organization
   * does not allow it, `invalid_usage` when the login does not offer it.
   */
  startOAuth(provider: OAuthProviderType): Promise<void>;
  /** "Use a password" (when `products` has `passwords`): the email + password step, the email kept. */
  openPassword(email?: string): void;
  /**
   * Signs in with email and password: into the page's organization (a second factor may follow),
   * or, in discovery, to the organization chooser. The password is never kept in state.
   */
  submitPassword(email: string, password: string): Promise<void>;
  /** "Forgot password?" on the password step: emails a reset link; the "Check your email" step follows. */
  forgotPassword(email: string): Promise<void>;
  /** Sends the reset link again from the "Check your email" step. */
  resendPasswordReset(): Promise<void>;
  /**
   * On the reset screen, as the person types: checks the new password's strength once typing pauses
   * (`STRENGTH_CHECK_DELAY_MS`), and keeps only the verdict of the last input (`strength`).
   */
  checkPasswordStrength(password: string): void;
  /** Sets the new password with the link's token: signs in (or a second factor follows; in discovery, the chooser). */
  submitNewPassword(password: string): Promise<void>;
  /** "Use another method": the choice of second factor (from an MFA step). */
  openMfaChoice(): void;
  /** Picks a second factor on the choice step: its enrolment (TOTP creates the QR code at once) or its code. */
  chooseMfaMethod(method: MfaProduct): Promise<void>;
  /** The code on `totp-enroll`, `totp-verify`, `sms-verify` or `recovery-code`: signs in when it passes. */
  submitMfaCode(code: string): Promise<void>;
  /** Texts a code: to the number typed on `sms-enroll`, or again (resend) on `sms-verify`. */
  sendSms(phoneNumber?: string): Promise<void>;
  /** "Use a recovery code" (when the member has an authenticator app enrolled). */
  openRecoveryCode(): void;
  /** "I saved my codes" on `recovery-codes-save`: on to signed-in. */
  saveRecoveryCodes(): void;
}

import type { StoreApi } from 'zustand/vanilla';
import type { AuthenticateByUrl } from './authenticate-by-url.js';
import type { createBootstrap } from './bootstrap.js';
import type { DiscoveryFlow } from './flows/discovery.js';
import type { MagicLinksFlow } from './flows/magic-links.js';
import type { MembersFlow } from './flows/members.js';
import type { OAuthFlow } from './flows/oauth.js';
import type { OrganizationFlow } from './flows/organization.js';
import type { OtpsFlow } from './flows/otps.js';
import type { OtpsSmsFlow } from './flows/otps-sms.js';
import type { PasswordsFlow } from './flows/passwords.js';
import type { RecoveryCodesFlow } from './flows/recovery-codes.js';
import type { TotpFlow } from './flows/totp.js';
import type { RbacFlow } from './flows/rbac.js';
import type { SelfFlow } from './flows/self.js';
import type { SessionsFlow } from './flows/sessions.js';
import type { SsoFlow } from './flows/sso.js';
import type { CreateLoginOptions, LoginController } from './machines/login-types.js';
import type { Platform } from './platform/types.js';
import type { ParsedAuthenticateUrl } from './redirect.js';
import type { CookieOptions } from './session/cookies.js';
import type { AuthState } from './state/auth-state.js';

/** Options of `createB2BClient` and `createClient`. */
export interface B2BClientOptions {
  /** The project's public token (`public-token-test-…`). */
  publicToken: string;
  /** Origin of the OrgAuth server, e.g. `https://auth.example.com` (no trailing `/sdk/v1`). */
  baseUrl: string;
  /**
   * Where discovery magic links and OAuth (`discovery`), organization magic links, SSO and OAuth
   * (`login` for existing members, `signup` for new ones) lead back to; when omitted the server uses the project's default per type.
   */
  redirectUrls?: { discovery?: string; login?: string; signup?: string };
  /** Length of sessions the client creates. Default 60. */
  sessionDurationMinutes?: number;
  cookieOptions?: CookieOptions;
  /** Environment port; defaults to the browser platform. Tests pass `memoryPlatform()`. */
  platform?: Platform;
}

/** What every client has, whichever flows it was composed with (`createClient` in compose.ts). */
export interface ClientBase {
  readonly publicToken: string;
  readonly baseUrl: string;
  /** The one store of auth state; subscribe to it, read it through selectors. */
  readonly store: StoreApi<AuthState>;
  /** Project settings (cached after the first call). */
  bootstrap: ReturnType<typeof createBootstrap>;
  /** The session: revalidate, exchange, revoke (refreshed in the background while signed in). */
  session: SessionsFlow;
  /** Stops timers and listeners (refresh, cross-tab). */
  destroy(): void;
}

/**
 * The headless OrgAuth client: the flows the composition root (`client.ts`) builds, under Stytch's
 * names. Each member's type is its flow's own, so the methods are documented where they are written.
 */
export interface B2BClient extends ClientBase {
  magicLinks: MagicLinksFlow;
  /** Email one-time codes, and SMS codes as a second factor (`otps.sms`, loaded on its first call). */
  otps: OtpsFlow & { sms: OtpsSmsFlow };
  /** Passwords: sign-in, discovery, resets, strength check (loaded on the first call). */
  passwords: PasswordsFlow;
  /** Authenticator-app codes as a second factor (loaded on the first call). */
  totp: TotpFlow;
  /** Recovery codes: the second factor when the app is lost (loaded on the first call). */
  recoveryCodes: RecoveryCodesFlow;
  discovery: DiscoveryFlow;
  sso: SsoFlow;
  oauth: OAuthFlow;
  /** The session's organization (and `getBySlug`, which needs no session), with its `members`. */
  organization: OrganizationFlow & { members: MembersFlow };
  /** The signed-in member's own record. */
  self: SelfFlow;
  /** Permissions of the signed-in member, decided locally from the project's policy. */
  rbac: RbacFlow;
  /** Reads the token of a redirect URL (default: the current one) without spending it. */
  parseAuthenticateUrl(href?: string): ParsedAuthenticateUrl;
  /**
   * Authenticates the token of a redirect URL (default: the current one). The token leaves the address
   * bar before the request is sent (`clearParams`, default true for the current URL); a second call
   * for the same token, or on the address bar just cleaned while the first runs, gets the same result.
   * `?stytch_error=` rejects with that `OrgAuthApiError` (a `redirect_error` when the value is not an
   * error type).
   */
  authenticateByUrl: AuthenticateByUrl;
  /** Creates a login machine bound to this client (see {@link LoginController}). */
  createLogin(options?: CreateLoginOptions): LoginController;
}

import type { StoreApi } from 'zustand/vanilla';
import type { LoginState } from './machines/login-state.js';
import type { Platform } from './platform/types.js';
import type {
  B2BAuthenticateResponse,
  BootstrapResponse,
  CommonResponse,
  DiscoveryAuthenticateResponse,
  DiscoveryOrganizationsResponse,
  OrganizationBySlug,
  SsoDiscoveryConnectionsResponse,
  TokenType,
} from './protocol/index.js';
import type { SsoAuthenticateOptions, SsoStartOptions } from './flows/sso.js';
import type { AuthState } from './state/auth-state.js';

/** Cookie names and attributes. Defaults follow the protocol (`stytch_session`, …). */
export interface CookieOptions {
  opaqueTokenCookieName?: string;
  jwtCookieName?: string;
  istCookieName?: string;
  path?: string;
  domain?: string;
  availableToSubdomains?: boolean;
}

/** Options of {@link createB2BClient}. */
export interface B2BClientOptions {
  /** The project's public token (`public-token-test-…`). */
  publicToken: string;
  /** Origin of the OrgAuth server, e.g. `https://auth.example.com` (no trailing `/sdk/v1`). */
  baseUrl: string;
  /**
   * Where magic links (`discovery`) and SSO (`login` for existing members, `signup` for new ones) lead
   * back to; when omitted the server uses the project's default per type.
   */
  redirectUrls?: { discovery?: string; login?: string; signup?: string };
  /** Length of sessions the client creates. Default 60. */
  sessionDurationMinutes?: number;
  cookieOptions?: CookieOptions;
  /** Environment port; defaults to the browser platform. Tests pass `memoryPlatform()`. */
  platform?: Platform;
}

/** Result of {@link B2BClient.parseAuthenticateUrl}. */
export type ParsedAuthenticateUrl = { handled: boolean; tokenType: TokenType | string; token: string } | null;

/** Result of {@link B2BClient.authenticateByUrl}. */
export type AuthenticateByUrlResult =
  | null
  | { handled: false; tokenType: string; token: string }
  | { handled: true; tokenType: 'discovery'; data: DiscoveryAuthenticateResponse }
  | { handled: true; tokenType: 'sso'; data: B2BAuthenticateResponse };

/** Options of {@link B2BClient.createLogin}. */
export interface CreateLoginOptions {
  /** Called with the URL before an SSO start leaves the page; return false to navigate yourself. */
  beforeNavigate?: (url: string) => boolean;
}

/** The headless login machine bound to a client: state + actions that run the requests. */
export interface LoginController {
  getState(): LoginState;
  subscribe(listener: (state: LoginState, previous: LoginState) => void): () => void;
  /** Sends the discovery magic link. */
  submitEmail(email: string): Promise<void>;
  /** Sends the same link again from the "Check your email" step. */
  resend(): Promise<void>;
  /**
   * Goes one step back (email-sent → email, create-organization → choose-organization, sso-email →
   * email; on an organization's page, email and sso-email → organization-login).
   */
  back(): void;
  /** Authenticates a redirect URL if it carries a token; resolves false when it has none. */
  handleRedirect(href?: string): Promise<boolean>;
  /** Exchanges the intermediate session for a session in this organization. */
  chooseOrganization(organizationId: string): Promise<void>;
  /** Shows the create-organization form. */
  startCreate(): void;
  /** Creates an organization and signs in to it. */
  createOrganization(options: { organization_name: string; organization_slug: string }): Promise<void>;
  /** Back to the first step (the organization's page when one was loaded), forgetting the intermediate session. */
  reset(): void;
  /** Shows the login page of the organization with this slug (its SSO buttons); an unknown slug is an error on it. */
  loadOrganization(slug: string): Promise<void>;
  /** "Continue with email" on an organization's page: the discovery email step (`back()` returns). */
  openEmail(): void;
  /** "Continue with SSO": the step that finds the SSO connection by email domain. */
  openSsoEmail(): void;
  /** Finds the SSO connections for the email's domain: one is started, several are offered, none is an error. */
  submitSsoEmail(email: string): Promise<void>;
  /** Leaves for the identity provider of this connection (after the `beforeNavigate` hook). */
  startSso(connectionId: string): Promise<void>;
}

/** The headless OrgAuth client. */
export interface B2BClient {
  readonly publicToken: string;
  readonly baseUrl: string;
  /** The one store of auth state; subscribe to it, read it through selectors. */
  readonly store: StoreApi<AuthState>;
  /** Project settings (cached after the first call). */
  bootstrap(): Promise<BootstrapResponse>;
  magicLinks: {
    email: { discovery: { send(options: { email_address: string; discovery_redirect_url?: string }): Promise<CommonResponse> } };
    discovery: { authenticate(options: { discovery_magic_links_token: string }): Promise<DiscoveryAuthenticateResponse> };
  };
  discovery: {
    organizations: {
      list(): Promise<DiscoveryOrganizationsResponse>;
      create(options: { organization_name: string; organization_slug: string; session_duration_minutes?: number }): Promise<B2BAuthenticateResponse>;
    };
    intermediateSessions: {
      exchange(options: { organization_id: string; session_duration_minutes?: number }): Promise<B2BAuthenticateResponse>;
    };
  };
  session: {
    /**
     * Revalidates (and optionally extends) the session with the server. The answer is applied only
     * while the session cookie still holds the token it was sent with: when another tab signed in or
     * out meanwhile, it is dropped and the store shows what the cookie holds now.
     */
    authenticate(options?: { session_duration_minutes?: number }): Promise<B2BAuthenticateResponse>;
    /** Revokes the session on the server and clears cookies and cached state (unless another tab has signed in since). */
    revoke(options?: { forceClear?: boolean }): Promise<void>;
    getTokens(): { session_token: string; session_jwt: string } | null;
    /** Why the last signed-in session ended, or null while none has ended. */
    lastEndReason(): 'signed-out' | 'expired' | 'revoked' | null;
  };
  sso: {
    /** Navigates to the IdP through `/v1/public/sso/start` (new PKCE pair); resolves with that URL. */
    start(options: SsoStartOptions): Promise<string>;
    /**
     * Exchanges the redirect's `sso` token for a session, with this browser's PKCE verifier.
     * @throws {OrgAuthError} `no_pkce_verifier`, before any request, when this browser did not start the sign-in.
     */
    authenticate(options: SsoAuthenticateOptions): Promise<B2BAuthenticateResponse>;
    /** Active SSO connections for the email's domain. */
    discoverConnections(email: string): Promise<SsoDiscoveryConnectionsResponse>;
  };
  organizations: {
    /** The public part of an organization by slug, or null. */
    getBySlug(slug: string): Promise<OrganizationBySlug | null>;
  };
  parseAuthenticateUrl(href?: string): ParsedAuthenticateUrl;
  /**
   * Authenticates the token of a redirect URL (default: the current one). The token leaves the address
   * bar before the request is sent (`clearParams`, default true for the current URL); a second call
   * for the same token, or on the address bar just cleaned while the first runs, gets the same result.
   * `?stytch_error=` rejects with that `OrgAuthApiError` (a `redirect_error` when the value is not an
   * error type).
   */
  authenticateByUrl(options?: { href?: string; clearParams?: boolean; session_duration_minutes?: number }): Promise<AuthenticateByUrlResult>;
  /** Creates a login machine bound to this client. */
  createLogin(options?: CreateLoginOptions): LoginController;
  /** Stops timers and listeners (refresh, cross-tab). */
  destroy(): void;
}

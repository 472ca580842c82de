import { OrgAuthError } from '../errors.js';
import type { B2BAuthenticateResponse } from '../protocol/types.js';
import type { SsoAuthenticateRequest, SsoDiscoveryConnectionsResponse } from '../protocol/sso-types.js';
import type { FlowDeps } from './deps.js';

/** Options of `sso.start`. */
export interface SsoStartOptions {
  connection_id: string;
  /** Where an existing member lands; default the client's `redirectUrls.login`, else the project's default. */
  login_redirect_url?: string;
  /** Where a just-provisioned member lands; default `redirectUrls.signup`, else the project's default. */
  signup_redirect_url?: string;
  /**
   * Called with the IdP-bound URL just before navigating; return false to navigate yourself (a
   * single-page router, a popup). The PKCE pair is already stored by then.
   */
  beforeNavigate?: (url: string) => boolean;
}

/** Options of `sso.authenticate`. */
export interface SsoAuthenticateOptions {
  sso_token: string;
  session_duration_minutes?: number | undefined;
}

/**
 * Single sign-on (SAML and OIDC alike: the server picks the protocol by connection). PKCE is always
 * on, as for magic links: the `sso` token that comes back is only worth something in the browser
 * that started, so a token minted for an attacker's IdP account cannot sign a victim in.
 */
export function createSsoFlow({
  http,
  session,
  pkce,
  platform,
  baseUrl,
  publicToken,
  sessionDurationMinutes,
  redirectUrls,
}: FlowDeps) {
  return {
    /**
     * Starts SP-initiated SSO: a new PKCE pair in the `sso` namespace, then a navigation to
     * `<baseUrl>/v1/public/sso/start?…` (not under `/sdk`: it is a browser navigation that 302s to the IdP).
     * @returns the start URL (also when `beforeNavigate` stopped the navigation).
     */
    async start(options: SsoStartOptions): Promise<string> {
      // Always new: a challenge from an earlier, abandoned start must not be reusable.
      const { code_challenge } = await pkce.create('sso');
      const query = new URLSearchParams({
        public_token: publicToken,
        connection_id: options.connection_id,
        pkce_code_challenge: code_challenge,
      });
      const login = options.login_redirect_url ?? redirectUrls.login;
      const signup = options.signup_redirect_url ?? redirectUrls.signup;
      // Omitted (or empty): the server uses the project's default URL of that type.
      if (login) query.set('login_redirect_url', login);
      if (signup) query.set('signup_redirect_url', signup);
      const url = `${baseUrl}/v1/public/sso/start?${query}`;
      if (options.beforeNavigate?.(url) !== false) platform.location.assign(url);
      return url;
    },
    /**
     * Exchanges the `sso` token of the redirect for a session, proving this browser started the flow.
     * Without a stored verifier nothing is sent, so the token stays unspent for the browser that
     * started: redeeming it here could only sign this browser in to someone else's account (login CSRF).
     * @throws {OrgAuthError} `no_pkce_verifier` when this browser did not start the sign-in.
     * @throws {OrgAuthApiError} e.g. `invalid_token` (used or expired), `pkce_mismatch` (another browser).
     */
    async authenticate(options: SsoAuthenticateOptions): Promise<B2BAuthenticateResponse> {
      const pair = pkce.get('sso');
      if (!pair) throw new OrgAuthError('no_pkce_verifier', 'No PKCE verifier.');
      const body: SsoAuthenticateRequest = {
        sso_token: options.sso_token,
        session_duration_minutes: options.session_duration_minutes ?? sessionDurationMinutes,
        pkce_code_verifier: pair.code_verifier,
      };
      const response = await http.post<B2BAuthenticateResponse>('/b2b/sso/authenticate', body);
      pkce.clear('sso');
      return session.applyAuthenticateResponse(response);
    },
    /** Active SSO connections of the organizations that allow this email's domain. */
    discoverConnections(email: string): Promise<SsoDiscoveryConnectionsResponse> {
      return http.get(`/b2b/sso/discovery/connections?email_address=${encodeURIComponent(email)}`);
    },
  };
}

/** The SSO flow. */
export type SsoFlow = ReturnType<typeof createSsoFlow>;

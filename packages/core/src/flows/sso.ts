import { OrgAuthError } from '../errors.js';
import type { B2BAuthenticateResponse, DiscoveryAuthenticateResponse } from '../protocol/types.js';
import type { SsoAuthenticateRequest, SsoDiscoveryConnectionsResponse } from '../protocol/sso-types.js';
import { createPkceStore } from '../pkce.js';
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

/** Options of `sso.discovery.start`: the connection, and where the `discovery_sso` token goes. */
export interface SsoDiscoveryStartOptions extends Pick<SsoStartOptions, 'connection_id' | 'beforeNavigate'> {
  /** Default the client's `redirectUrls.discovery`, else the project's default discovery URL. */
  discovery_redirect_url?: string;
}

/** Options of `sso.discovery.authenticate`. */
export interface SsoDiscoveryAuthenticateOptions {
  discovery_sso_token: string;
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
  platform,
  baseUrl,
  publicToken,
  sessionDurationMinutes,
  redirectUrls,
}: FlowDeps) {
  const pkce = createPkceStore(platform, publicToken);
  /**
   * A new PKCE pair in the `sso` namespace (both starts: an SSO from discovery may end in an `sso`
   * token, docs/wire-protocol.md §2.3a), then a navigation to `<baseUrl>/v1/public/sso/<path>?…`.
   * Empty redirect URLs are left out: the server uses the project's default of that type.
   */
  const go = async (
    path: string,
    options: Pick<SsoStartOptions, 'connection_id' | 'beforeNavigate'>,
    urls: Record<string, string | undefined>,
  ): Promise<string> => {
    // Always new: a challenge from an earlier, abandoned start must not be reusable.
    const { code_challenge } = await pkce.create('sso');
    const query = new URLSearchParams({
      public_token: publicToken,
      connection_id: options.connection_id,
      pkce_code_challenge: code_challenge,
    });
    for (const [key, value] of Object.entries(urls)) if (value) query.set(key, value);
    const url = `${baseUrl}/v1/public/sso/${path}?${query}`;
    if (options.beforeNavigate?.(url) !== false) platform.location.assign(url);
    return url;
  };
  /**
   * Posts a token of the redirect to `/b2b/sso/<path>` with this browser's verifier, then forgets
   * the pair. Without a stored verifier nothing is sent, so the token stays unspent for the browser
   * that started: redeeming it here could only sign this browser in to someone else's account
   * (login CSRF).
   */
  const redeem = async <T>(path: string, body: object): Promise<T> => {
    const pair = pkce.get('sso');
    if (!pair) throw new OrgAuthError('no_pkce_verifier', 'No PKCE verifier.');
    const response = await http.post<T>(`/b2b/sso/${path}`, { ...body, pkce_code_verifier: pair.code_verifier });
    pkce.clear('sso');
    return response;
  };
  return {
    /**
     * Starts SP-initiated SSO: a new PKCE pair in the `sso` namespace, then a navigation to
     * `<baseUrl>/v1/public/sso/start?…` (not under `/sdk`: it is a browser navigation that 302s to the IdP).
     * @returns the start URL (also when `beforeNavigate` stopped the navigation).
     */
    start: (options: SsoStartOptions) =>
      go('start', options, {
        login_redirect_url: options.login_redirect_url ?? redirectUrls.login,
        signup_redirect_url: options.signup_redirect_url ?? redirectUrls.signup,
      }),
    /**
     * Exchanges the `sso` token of the redirect for a session, proving this browser started the flow.
     * @throws {OrgAuthError} `no_pkce_verifier` when this browser did not start the sign-in.
     * @throws {OrgAuthApiError} e.g. `invalid_token` (used or expired), `pkce_mismatch` (another browser).
     */
    authenticate: async (options: SsoAuthenticateOptions): Promise<B2BAuthenticateResponse> =>
      session.applyAuthenticateResponse(
        await redeem<B2BAuthenticateResponse>('authenticate', {
          sso_token: options.sso_token,
          session_duration_minutes: options.session_duration_minutes ?? sessionDurationMinutes,
        } satisfies Omit<SsoAuthenticateRequest, 'pkce_code_verifier'>),
      ),
    discovery: {
      /**
       * Starts SSO from discovery (`/v1/public/sso/discovery/start`): the IdP's answer comes back as a
       * `discovery_sso` token, or as an `sso` one when the IdP did not prove the email.
       * @returns the start URL (also when `beforeNavigate` stopped the navigation).
       */
      start: (options: SsoDiscoveryStartOptions) =>
        go('discovery/start', options, {
          discovery_redirect_url: options.discovery_redirect_url ?? redirectUrls.discovery,
        }),
      /**
       * Exchanges the `discovery_sso` token for an intermediate session and the organizations found,
       * proving this browser started the flow (as `sso.authenticate`).
       * @throws {OrgAuthError} `no_pkce_verifier` when this browser did not start the sign-in.
       */
      authenticate: async (options: SsoDiscoveryAuthenticateOptions): Promise<DiscoveryAuthenticateResponse> =>
        session.applyDiscoveryResponse(await redeem<DiscoveryAuthenticateResponse>('discovery/authenticate', options)),
    },
    /** Active SSO connections of the organizations that allow this email's domain. */
    discoverConnections(email: string): Promise<SsoDiscoveryConnectionsResponse> {
      return http.get(`/b2b/sso/discovery/connections?email_address=${encodeURIComponent(email)}`);
    },
  };
}

/** The SSO flow. */
export type SsoFlow = ReturnType<typeof createSsoFlow>;

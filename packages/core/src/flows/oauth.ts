import {
  OAUTH_PROVIDERS,
  type OAuthAuthenticateRequest,
  type OAuthAuthenticateResponse,
  type OAuthDiscoveryAuthenticateRequest,
  type OAuthDiscoveryAuthenticateResponse,
  type OAuthProviderType,
} from '../protocol/oauth-types.js';
import { createPkceStore } from '../pkce.js';
import type { FlowDeps, WithUndefined } from './deps.js';

/** What both starts take: the provider's extras and the navigation hook. */
interface OAuthStartCommon {
  /** Scopes asked of the provider beyond the sign-in ones; sent space-separated. */
  custom_scopes?: readonly string[] | undefined;
  /** Passed on to the provider's authorization page as `provider_<key>` (e.g. `prompt`, `login_hint`). */
  provider_params?: Record<string, string> | undefined;
  /**
   * Called with the start URL just before navigating; return false to navigate yourself (a
   * single-page router, a popup). The PKCE pair is already stored by then.
   */
  beforeNavigate?: ((url: string) => boolean) | undefined;
}

/** Options of `oauth.<provider>.start` (Stytch's `B2BOAuthStartOptions`): one organization, by id or slug. */
export interface OAuthStartOptions extends OAuthStartCommon {
  organization_id?: string | undefined;
  organization_slug?: string | undefined;
  /** Where an existing member lands; default the client's `redirectUrls.login`, else the project's default. */
  login_redirect_url?: string | undefined;
  /** Where a just-provisioned member lands; default `redirectUrls.signup`, else the project's default. */
  signup_redirect_url?: string | undefined;
}

/** Options of `oauth.<provider>.discovery.start` (Stytch's `B2BOAuthDiscoveryStartOptions`). */
export interface OAuthDiscoveryStartOptions extends OAuthStartCommon {
  /** Where the `discovery_oauth` token lands; default the client's `redirectUrls.discovery`. */
  discovery_redirect_url?: string | undefined;
}

/** Options of `oauth.authenticate`. */
export interface OAuthAuthenticateOptions {
  oauth_token: string;
  /** Length of the session; default the client's `sessionDurationMinutes`. */
  session_duration_minutes?: number | undefined;
  locale?: string | undefined;
}

/** Options of `oauth.discovery.authenticate`. */
export interface OAuthDiscoveryAuthenticateOptions {
  discovery_oauth_token: string;
}

/** The two starts of one provider; each resolves to the start URL (also when `beforeNavigate` kept the page). */
export interface OAuthProviderFlow {
  /** Signs in to one organization: a navigation to `…/v1/b2b/public/oauth/<provider>/start`. */
  start(options: OAuthStartOptions): Promise<string>;
  discovery: {
    /** Proves who the person is, then the organization chooser: `…/oauth/<provider>/discovery/start`. */
    start(options?: OAuthDiscoveryStartOptions): Promise<string>;
  };
}

/**
 * OAuth sign-in ("Continue with Google"), docs/wire-protocol.md §2.4. Starts are navigations built
 * from the bootstrap: its `cname_domain` is the start host when set (Stytch's rule, so a custom
 * domain keeps the provider's consent screen on it), and `pkce_required_for_oauth` puts a new
 * challenge on every start; the `oauth` token that comes back is then only worth something in the
 * browser that started.
 */
export function createOAuthFlow({
  http,
  session,
  platform,
  baseUrl,
  publicToken,
  sessionDurationMinutes,
  redirectUrls,
  bootstrap,
}: FlowDeps) {
  const pkce = createPkceStore(platform, publicToken);
  const navigate = async (
    path: string,
    { custom_scopes, provider_params = {}, beforeNavigate }: OAuthStartCommon,
    target: [string, string | undefined][],
    redirects: [string, string | undefined][],
  ): Promise<string> => {
    const { cname_domain, pkce_required_for_oauth } = await bootstrap();
    // Always new: a challenge from an earlier, abandoned start must not be reusable. Without the
    // flag, a stored pair would only send a stale verifier later.
    const challenge = pkce_required_for_oauth ? (await pkce.create('oauth')).code_challenge : void pkce.clear('oauth');
    const entries: [string, string | undefined][] = [
      ['public_token', publicToken],
      ...target,
      ['custom_scopes', custom_scopes?.join(' ')],
      ...Object.entries(provider_params).map(([k, v]): [string, string] => [`provider_${k}`, v]),
      ['pkce_code_challenge', challenge],
      ...redirects,
    ];
    // Empty values are left out: the server then uses the project's default redirect URL of that type.
    const query = new URLSearchParams(entries.filter((entry): entry is [string, string] => !!entry[1]));
    const url = `${cname_domain ? `https://${cname_domain}` : baseUrl}/v1/b2b/public/oauth/${path}/start?${query}`;
    if (beforeNavigate?.(url) !== false) platform.location.assign(url);
    return url;
  };
  // Sends the verifier of this browser's last start, if any (the server matches it against the
  // challenge it kept); a redeemed token's pair is spent.
  const redeem = async <T>(path: string, body: object, apply: (response: T) => T) => {
    const sent: { pkce_code_verifier?: string } = body;
    const pair = pkce.get('oauth');
    if (pair) sent.pkce_code_verifier = pair.code_verifier;
    const response = await http.post<T>(`/b2b/oauth/${path}authenticate`, sent);
    pkce.clear('oauth');
    return apply(response);
  };
  const provider = (type: OAuthProviderType): OAuthProviderFlow => ({
    start: (options) =>
      navigate(
        type,
        options,
        [
          ['organization_id', options.organization_id],
          ['slug', options.organization_slug],
        ],
        [
          ['login_redirect_url', options.login_redirect_url ?? redirectUrls.login],
          ['signup_redirect_url', options.signup_redirect_url ?? redirectUrls.signup],
        ],
      ),
    discovery: {
      start: (options = {}) =>
        navigate(
          `${type}/discovery`,
          options,
          [],
          [['discovery_redirect_url', options.discovery_redirect_url ?? redirectUrls.discovery]],
        ),
    },
  });

  return {
    ...(Object.fromEntries(OAUTH_PROVIDERS.map((type) => [type, provider(type)])) as Record<
      OAuthProviderType,
      OAuthProviderFlow
    >),
    /**
     * Exchanges the `oauth` token of the redirect for a session, with the verifier of this browser's start.
     * @throws {OrgAuthApiError} e.g. `invalid_token` (used or expired), `pkce_mismatch` (another browser).
     */
    authenticate: (options: OAuthAuthenticateOptions): Promise<OAuthAuthenticateResponse> =>
      redeem(
        '',
        {
          ...options,
          session_duration_minutes: options.session_duration_minutes ?? sessionDurationMinutes,
        } satisfies WithUndefined<OAuthAuthenticateRequest>,
        session.applyAuthenticateResponse<OAuthAuthenticateResponse>,
      ),
    discovery: {
      /**
       * Exchanges a `discovery_oauth` token for an intermediate session and the organizations found.
       * @throws {OrgAuthApiError} e.g. `invalid_token` (used or expired), `pkce_mismatch` (another browser).
       */
      authenticate: (options: OAuthDiscoveryAuthenticateOptions): Promise<OAuthDiscoveryAuthenticateResponse> =>
        redeem(
          'discovery/',
          { ...options } satisfies OAuthDiscoveryAuthenticateRequest,
          session.applyDiscoveryResponse<OAuthDiscoveryAuthenticateResponse>,
        ),
    },
  };
}

/** The OAuth flow: `oauth.<provider>.start`, `.discovery.start`, `oauth.authenticate`, `oauth.discovery.authenticate`. */
export type OAuthFlow = ReturnType<typeof createOAuthFlow>;

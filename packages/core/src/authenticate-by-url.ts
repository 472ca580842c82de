import { OrgAuthApiError, OrgAuthError } from './errors.js';
import type { MagicLinksFlow } from './flows/magic-links.js';
import type { OAuthFlow } from './flows/oauth.js';
import type { SsoFlow } from './flows/sso.js';
import type { Platform } from './platform/types.js';
import type { ApiErrorType } from './protocol/errors.js';
import type { MagicLinkAuthenticateResponse } from './protocol/email-auth-types.js';
import type { OAuthAuthenticateResponse, OAuthDiscoveryAuthenticateResponse } from './protocol/oauth-types.js';
import type { B2BAuthenticateResponse, DiscoveryAuthenticateResponse } from './protocol/types.js';
import { parseAuthenticateUrl, parseRedirectError, stripAuthenticateParams } from './redirect.js';

/** Options of `client.authenticateByUrl`. */
export interface AuthenticateByUrlOptions {
  /** The URL to read; default the current location. */
  href?: string | undefined;
  /** Remove the token from the address bar; default true when `href` is the current location. */
  clearParams?: boolean | undefined;
  /** Length of the session an `sso`, `oauth` or `multi_tenant_magic_links` token creates; default the client's. */
  session_duration_minutes?: number | undefined;
}

/** Result of `client.authenticateByUrl`: null without a token, else what the token was spent on. */
export type AuthenticateByUrlResult =
  | null
  | { handled: false; tokenType: string; token: string; redirectType?: string }
  | { handled: true; tokenType: 'discovery' | 'discovery_sso'; data: DiscoveryAuthenticateResponse }
  | { handled: true; tokenType: 'multi_tenant_magic_links'; data: MagicLinkAuthenticateResponse }
  | { handled: true; tokenType: 'sso'; data: B2BAuthenticateResponse }
  | { handled: true; tokenType: 'oauth'; data: OAuthAuthenticateResponse }
  | { handled: true; tokenType: 'discovery_oauth'; data: OAuthDiscoveryAuthenticateResponse };

/**
 * The error a `?stytch_error=` value stands for. Anyone can write that URL, so only a well-formed
 * error type (snake_case with an underscore, as every `ApiErrorType`) becomes an `OrgAuthApiError`;
 * anything else is a `redirect_error`. No prototype key (`constructor`, `__proto__`, `toString`) has
 * that form, so none can reach a words table as an error type. Whether a well-formed type is one
 * this client knows is decided where the words are, as for a newer server's envelope; the full list
 * of types does not fit the core's size budget.
 */
const redirectError = (value: string): OrgAuthError =>
  /^[a-z]+_[a-z_]+$/.test(value)
    ? new OrgAuthApiError(value as ApiErrorType, 400, undefined, value)
    : new OrgAuthError('redirect_error', value);

/**
 * Creates `authenticateByUrl`: parses the URL, takes the one-time token out of the address bar and
 * only then runs the matching authenticate call, so the token is neither shown nor sent as `Referer`
 * while the call runs. Calls are memoised per token, so a double invocation (React StrictMode, two
 * elements) spends the token once; a second call that reads the address bar just cleaned joins the
 * call still running. A URL with `?stytch_error=<error_type>` (no token: SSO or OAuth failed before one was
 * minted) rejects with that error, so the failure is shown in words where the person started.
 */
export function createAuthenticateByUrl(
  platform: Platform,
  magicLinks: MagicLinksFlow,
  sso: SsoFlow,
  oauth: OAuthFlow,
) {
  const calls = new Map<string, Promise<AuthenticateByUrlResult>>();
  // The address bar this module cleaned, while the call its token went to (`latest`) runs.
  let cleaned: string | undefined;
  let latest: Promise<AuthenticateByUrlResult> | undefined;

  // `parseAuthenticateUrl` marks only these four and the two of `runOAuth` as handled
  // (HANDLED_TOKEN_TYPES in redirect.ts).
  const run = async (tokenType: string, token: string, minutes?: number): Promise<AuthenticateByUrlResult> =>
    tokenType === 'discovery_sso'
      ? { handled: true, tokenType, data: await sso.discovery.authenticate({ discovery_sso_token: token }) }
      : tokenType === 'sso'
        ? {
            handled: true,
            tokenType,
            data: await sso.authenticate({ sso_token: token, session_duration_minutes: minutes }),
          }
        : tokenType === 'discovery'
          ? {
              handled: true,
              tokenType,
              data: await magicLinks.discovery.authenticate({ discovery_magic_links_token: token }),
            }
          : {
              // An organization's login, signup or invite link.
              handled: true,
              tokenType: 'multi_tenant_magic_links',
              data: await magicLinks.authenticate({ magic_links_token: token, session_duration_minutes: minutes }),
            };

  // `oauth` signs in to one organization; `discovery_oauth` proves who the person is, for the chooser.
  const runOAuth = async (tokenType: string, token: string, minutes?: number) =>
    ({
      handled: true,
      tokenType,
      data: await (tokenType === 'oauth'
        ? oauth.authenticate({ oauth_token: token, session_duration_minutes: minutes })
        : oauth.discovery.authenticate({ discovery_oauth_token: token })),
    }) as AuthenticateByUrlResult;

  return (options: AuthenticateByUrlOptions = {}): Promise<AuthenticateByUrlResult> => {
    const current = platform.location.href();
    if (!options.href && current === cleaned) return latest!;
    const href = options.href ?? current;
    const clearParams = options.clearParams ?? href === current;
    const strip = () => clearParams && platform.location.replace(stripAuthenticateParams(current));
    const parsed = parseAuthenticateUrl(href);
    if (!parsed) {
      const errorType = parseRedirectError(href);
      if (!errorType) return Promise.resolve(null);
      strip();
      return Promise.reject(redirectError(errorType));
    }
    if (!parsed.handled) {
      // A reset link's token is spent later, by the reset screen: out of the address bar now all the same.
      if (parsed.redirectType === 'reset_password' || parsed.tokenType === 'multi_tenant_passwords') strip();
      return Promise.resolve({ ...parsed, handled: false });
    }
    const key = `${parsed.tokenType}:${parsed.token}`;
    let call = calls.get(key);
    if (!call) {
      // Synchronously, before the request below is sent.
      strip();
      cleaned = clearParams ? platform.location.href() : undefined;
      const runner = parsed.tokenType.endsWith('oauth') ? runOAuth : run;
      latest = call = runner(parsed.tokenType, parsed.token, options.session_duration_minutes).finally(
        () => (cleaned = undefined),
      );
      calls.set(key, call);
    }
    return call;
  };
}

/** `client.authenticateByUrl`. */
export type AuthenticateByUrl = ReturnType<typeof createAuthenticateByUrl>;

import type { AuthenticateByUrlResult } from './client-types.js';
import { OrgAuthApiError } from './errors.js';
import type { MagicLinksFlow } from './flows/magic-links.js';
import type { SsoFlow } from './flows/sso.js';
import type { Platform } from './platform/types.js';
import type { ApiErrorType } from './protocol/errors.js';
import { hasAuthenticateParams, parseAuthenticateUrl, parseRedirectError, stripAuthenticateParams } from './redirect.js';

/** Options of `client.authenticateByUrl`. */
export interface AuthenticateByUrlOptions {
  /** The URL to read; default the current location. */
  href?: string;
  /** Remove the token from the address bar; default true when `href` is the current location. */
  clearParams?: boolean;
  /** Length of the session an `sso` token creates; default the client's. */
  session_duration_minutes?: number;
}

/**
 * Creates `authenticateByUrl`: parses the URL, runs the matching authenticate call and strips the
 * one-time token from the address bar afterwards, on success and on failure alike. Calls are
 * memoised per token, so a double invocation (React StrictMode, two elements) spends the token once.
 * A URL with `?stytch_error=<error_type>` (no token: SSO failed before one was minted) rejects with
 * that `OrgAuthApiError`, so the failure is shown in words where the person started.
 */
export function createAuthenticateByUrl(platform: Platform, magicLinks: MagicLinksFlow, sso: SsoFlow) {
  const calls = new Map<string, Promise<AuthenticateByUrlResult>>();

  const run = async (tokenType: string, token: string, minutes?: number): Promise<AuthenticateByUrlResult> => {
    if (tokenType === 'discovery') {
      return { handled: true, tokenType: 'discovery', data: await magicLinks.discovery.authenticate({ discovery_magic_links_token: token }) };
    }
    if (tokenType === 'sso') {
      return { handled: true, tokenType: 'sso', data: await sso.authenticate({ sso_token: token, session_duration_minutes: minutes }) };
    }
    return { handled: false, tokenType, token };
  };

  return (options: AuthenticateByUrlOptions = {}): Promise<AuthenticateByUrlResult> => {
    const current = platform.location.href();
    const href = options.href ?? current;
    const clearParams = options.clearParams ?? href === current;
    const strip = () => {
      // The address bar may have changed meanwhile; strip whatever token it still shows.
      const now = platform.location.href();
      if (clearParams && hasAuthenticateParams(now)) platform.location.replace(stripAuthenticateParams(now));
    };
    const parsed = parseAuthenticateUrl(href);
    if (!parsed) {
      const errorType = parseRedirectError(href);
      if (!errorType) return Promise.resolve(null);
      strip();
      // The type comes from our own server's error page; an unknown one falls back to generic words.
      return Promise.reject(new OrgAuthApiError(errorType as ApiErrorType, 400, undefined, errorType));
    }
    if (!parsed.handled) return Promise.resolve({ handled: false, tokenType: parsed.tokenType, token: parsed.token });
    const key = `${parsed.tokenType}:${parsed.token}`;
    let call = calls.get(key);
    if (!call) {
      call = run(parsed.tokenType, parsed.token, options.session_duration_minutes).finally(strip);
      calls.set(key, call);
    }
    return call;
  };
}

import type { AuthenticateByUrlResult } from './client-types.js';
import type { MagicLinksFlow } from './flows/magic-links.js';
import type { Platform } from './platform/types.js';
import { hasAuthenticateParams, parseAuthenticateUrl, stripAuthenticateParams } from './redirect.js';

/** Options of `client.authenticateByUrl`. */
export interface AuthenticateByUrlOptions {
  /** The URL to read; default the current location. */
  href?: string;
  /** Remove the token from the address bar; default true when `href` is the current location. */
  clearParams?: boolean;
}

/**
 * Creates `authenticateByUrl`: parses the URL, runs the matching authenticate call and strips the
 * one-time token from the address bar afterwards, on success and on failure alike. Calls are
 * memoised per token, so a double invocation (React StrictMode, two elements) spends the token once.
 */
export function createAuthenticateByUrl(platform: Platform, magicLinks: MagicLinksFlow) {
  const calls = new Map<string, Promise<AuthenticateByUrlResult>>();

  const run = async (tokenType: string, token: string): Promise<AuthenticateByUrlResult> => {
    if (tokenType === 'discovery') {
      return { handled: true, tokenType: 'discovery', data: await magicLinks.discovery.authenticate({ discovery_magic_links_token: token }) };
    }
    return { handled: false, tokenType, token };
  };

  return (options: AuthenticateByUrlOptions = {}): Promise<AuthenticateByUrlResult> => {
    const current = platform.location.href();
    const href = options.href ?? current;
    const clearParams = options.clearParams ?? href === current;
    const parsed = parseAuthenticateUrl(href);
    if (!parsed) return Promise.resolve(null);
    if (!parsed.handled) return Promise.resolve({ handled: false, tokenType: parsed.tokenType, token: parsed.token });
    const key = `${parsed.tokenType}:${parsed.token}`;
    let call = calls.get(key);
    if (!call) {
      call = run(parsed.tokenType, parsed.token).finally(() => {
        // The address bar may have changed meanwhile; strip whatever token it still shows.
        const now = platform.location.href();
        if (clearParams && hasAuthenticateParams(now)) platform.location.replace(stripAuthenticateParams(now));
      });
      calls.set(key, call);
    }
    return call;
  };
}

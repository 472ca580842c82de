import type { ParsedAuthenticateUrl } from './client-types.js';
import type { TokenType } from './protocol/constants.js';

/** Token types this client can authenticate from a redirect today. */
export const HANDLED_TOKEN_TYPES: readonly TokenType[] = ['discovery'];

const TOKEN_PARAMS = ['token', 'stytch_token_type'] as const;

/**
 * Reads `stytch_token_type` and `token` from a redirect URL (WIRE.md §4). Pure: the URL is passed in.
 * @returns null when either parameter is missing or the URL does not parse.
 * @example
 * parseAuthenticateUrl('https://app.test/auth?stytch_token_type=discovery&token=t')
 * // → { handled: true, tokenType: 'discovery', token: 't' }
 */
export function parseAuthenticateUrl(href: string, handled: readonly string[] = HANDLED_TOKEN_TYPES): ParsedAuthenticateUrl {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return null;
  }
  const tokenType = url.searchParams.get('stytch_token_type');
  const token = url.searchParams.get('token');
  if (!tokenType || !token) return null;
  return { handled: handled.includes(tokenType), tokenType, token };
}

/** `href` without the one-time `token` and `stytch_token_type` parameters (other params and the hash kept). */
export function stripAuthenticateParams(href: string): string {
  const url = new URL(href);
  for (const name of TOKEN_PARAMS) url.searchParams.delete(name);
  return url.href;
}

/** True when `href` still carries a token parameter. */
export function hasAuthenticateParams(href: string): boolean {
  try {
    const { searchParams } = new URL(href);
    return TOKEN_PARAMS.some((name) => searchParams.has(name));
  } catch {
    return false;
  }
}

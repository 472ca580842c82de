import type { TokenType } from './protocol/constants.js';

/**
 * Result of {@link parseAuthenticateUrl} (and `client.parseAuthenticateUrl`). `redirectType` is
 * `stytch_redirect_type` when the URL has one: `reset_password` on a password reset link.
 */
export type ParsedAuthenticateUrl = {
  handled: boolean;
  tokenType: TokenType | string;
  token: string;
  redirectType?: string;
} | null;

/** Token types this client can authenticate from a redirect today. */
export const HANDLED_TOKEN_TYPES: readonly TokenType[] = [
  'discovery',
  'multi_tenant_magic_links',
  'sso',
  'oauth',
  'discovery_oauth',
  'discovery_sso',
];

// `stytch_error` (and, from the OAuth callback, `stytch_error_description`: docs/wire-protocol.md §2.4) is set
// by the server's SSO and OAuth error pages on their link back here: one-shot, like a token.
const TOKEN_PARAMS = [
  'token',
  'stytch_token_type',
  'stytch_redirect_type',
  'stytch_error',
  'stytch_error_description',
] as const;

/**
 * Reads `stytch_token_type` and `token` from a redirect URL (docs/wire-protocol.md §4). Pure: the URL is passed in.
 * @returns null when either parameter is missing or the URL does not parse.
 * @example
 * parseAuthenticateUrl('https://app.test/auth?stytch_token_type=discovery&token=t')
 * // → { handled: true, tokenType: 'discovery', token: 't' }
 */
export function parseAuthenticateUrl(href: string): ParsedAuthenticateUrl {
  if (!URL.canParse(href)) return null;
  const url = new URL(href);
  const tokenType = url.searchParams.get('stytch_token_type');
  const token = url.searchParams.get('token');
  if (!tokenType || !token) return null;
  const redirectType = url.searchParams.get('stytch_redirect_type');
  // A reset link (`multi_tenant_passwords`, or `discovery` with `stytch_redirect_type=reset_password`)
  // is spent with the new password, so it is left to the reset screen (docs/wire-protocol.md §4).
  const handled = redirectType !== 'reset_password' && (HANDLED_TOKEN_TYPES as readonly string[]).includes(tokenType);
  return redirectType ? { handled, tokenType, token, redirectType } : { handled, tokenType, token };
}

/**
 * The `error_type` the server put in `?stytch_error=` when SSO or OAuth failed at the provider or at our
 * ACS / callback; null (or '' for an empty parameter) when there is none. Pure: the URL is passed in.
 */
export function parseRedirectError(href: string): string | null {
  return URL.canParse(href) ? new URL(href).searchParams.get('stytch_error') : null;
}

/**
 * `href` without the one-time `token`, `stytch_token_type`, `stytch_redirect_type`, `stytch_error` and
 * `stytch_error_description` parameters (other params and the hash kept).
 */
export function stripAuthenticateParams(href: string): string {
  const url = new URL(href);
  for (const name of TOKEN_PARAMS) url.searchParams.delete(name);
  return url.href;
}

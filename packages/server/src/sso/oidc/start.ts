import * as oauth from 'oauth4webapi';
import type { SsoConnectionsTable } from '../../db/schema.js';
import type { AppDeps } from '../../http/index.js';
import { type ApiError, apiError } from '../../lib/api-error.js';
import { digestsEqual, newToken, sha256Hex } from '../../lib/crypto.js';
import { oidcSettings } from './connections.js';
import type { SsoRequest } from '../requests.js';
import type { SsoRedirect } from '../start.js';

/** Where every OIDC IdP sends the browser back (registered at the IdP as the redirect URI). */
export function oidcRedirectUri(publicUrl: string): string {
  return `${publicUrl}/v1/public/sso/oidc/callback`;
}

/** `openid email profile` plus the connection's custom scopes, each once. */
export function oidcScopes(customScopes: string): string {
  return [...new Set(['openid', 'email', 'profile', ...customScopes.split(' ').filter((s) => s !== '')])].join(' ');
}

// docs/security.md O2: `state` alone is a bearer value. It travels in URLs (IdP logs, Referer, a proxy,
// a user pasting a link), and whoever replays the callback URL (code + state) in their own browser
// would be signed in as the victim; conversely an attacker could push their own callback URL into a
// victim's browser (login CSRF). A secret that only the starting browser holds, in a cookie on our
// origin, closes both: the callback needs the URL *and* that browser.

/** A fresh binding: `secret` goes into the browser's cookie, only `hash` into `sso_requests`. */
export interface BrowserBinding {
  secret: string;
  hash: string;
}

/** 264 CSPRNG bits (lib/crypto newToken), far above the 128-bit floor; stored as SHA-256 only. */
export function newBrowserBinding(): BrowserBinding {
  const secret = newToken();
  return { secret, hash: sha256Hex(secret) };
}

/**
 * The per-flow part of the cookie name: 12 hex chars of SHA-256(state). Per flow so two tabs signing
 * in at once do not overwrite each other's cookie; a hash so the state itself is not repeated in a
 * cookie name (it is already in the URL; the prefix reveals nothing usable about it).
 */
export function bindingCookieSuffix(state: string): string {
  return sha256Hex(state).slice(0, 12);
}

/** The refusal: the attempt is real but this browser did not start it (or lost the cookie). */
function browserMismatch(): ApiError {
  // `sso_request_not_found` on purpose: the SDK/elements already word it ("start the sign-in again"),
  // which is the only remedy, and a distinct type would tell a replaying attacker nothing useful either.
  return apiError(
    'sso_request_not_found',
    'This sign-in was not started in this browser (or its sign-in cookie is missing). Start the sign-in again here.',
  );
}

/**
 * Checks the callback's cookie against the hash the start stored. A request without a hash (a row
 * from before migration 1000) is refused too: no legacy bypass, such an attempt just fails once.
 * @throws ApiError 400 `sso_request_not_found` (see {@link browserMismatch})
 */
export function assertBrowserBinding(storedHash: string | null, cookieSecret: string | undefined): void {
  if (storedHash === null || cookieSecret === undefined || cookieSecret === '' || cookieSecret.length > 512)
    throw browserMismatch();
  if (!digestsEqual(sha256Hex(cookieSecret), storedHash)) throw browserMismatch();
}

/**
 * `SSO_STARTERS.oidc`: the authorization-code request with PKCE (S256, a fresh 256-bit verifier per
 * attempt, sealed at rest), `state` = the SSO request's random id (so the callback finds and consumes
 * exactly this attempt), a fresh `nonce` (echoed in the ID token, binding it to this attempt), and a
 * browser-binding secret (only its hash stored) that the start route sets as a cookie, so the callback
 * is accepted only in the browser that started (docs/security.md O2).
 * @throws ApiError 400 `sso_connection_inactive` when the connection lacks its endpoints.
 */
export async function startOidc(
  deps: AppDeps,
  connection: SsoConnectionsTable,
  request: SsoRequest,
): Promise<SsoRedirect> {
  const s = oidcSettings(connection);
  if (s.authorizationUrl === '' || s.clientId === '')
    throw apiError('sso_connection_inactive', 'This OIDC connection has no authorization URL or client id yet.');
  const verifier = oauth.generateRandomCodeVerifier();
  const nonce = oauth.generateRandomNonce();
  const binding = newBrowserBinding();
  await deps.db
    .updateTable('sso_requests')
    .set({ nonce, code_verifier: deps.secretBox.seal(verifier), browser_binding_hash: binding.hash })
    .where('id_hash', '=', request.id_hash)
    .execute();
  const url = new URL(s.authorizationUrl);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('client_id', s.clientId);
  url.searchParams.set('redirect_uri', oidcRedirectUri(deps.publicUrl));
  url.searchParams.set('scope', oidcScopes(s.customScopes));
  url.searchParams.set('state', request.id);
  url.searchParams.set('nonce', nonce);
  url.searchParams.set('code_challenge', await oauth.calculatePKCECodeChallenge(verifier));
  url.searchParams.set('code_challenge_method', 'S256');
  return { url: url.href, browserBinding: { state: request.id, secret: binding.secret } };
}

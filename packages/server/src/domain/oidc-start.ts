import * as oauth from 'oauth4webapi';
import type { SsoConnectionsTable } from '../db/schema.js';
import type { AppDeps } from '../http/context.js';
import { ApiError } from '../lib/api-error.js';
import { oidcSettings } from './oidc-connections.js';
import type { SsoRequest } from './sso-requests.js';

/** Where every OIDC IdP sends the browser back (registered at the IdP as the redirect URI). */
export function oidcRedirectUri(publicUrl: string): string {
  return `${publicUrl}/v1/public/sso/oidc/callback`;
}

/** `openid email profile` plus the connection's custom scopes, each once. */
export function oidcScopes(customScopes: string): string {
  return [...new Set(['openid', 'email', 'profile', ...customScopes.split(' ').filter((s) => s !== '')])].join(' ');
}

/**
 * `SSO_STARTERS.oidc`: the authorization-code request with PKCE (S256, a fresh 256-bit verifier per
 * attempt, sealed at rest), `state` = the SSO request's random id (so the callback finds and consumes
 * exactly this attempt) and a fresh `nonce` (echoed in the ID token, binding it to this attempt).
 * @throws ApiError 400 `sso_connection_inactive` when the connection lacks its endpoints.
 */
export async function startOidc(deps: AppDeps, connection: SsoConnectionsTable, request: SsoRequest): Promise<string> {
  const s = oidcSettings(connection);
  if (s.authorizationUrl === '' || s.clientId === '') throw new ApiError(400, 'sso_connection_inactive', 'This OIDC connection has no authorization URL or client id yet.');
  const verifier = oauth.generateRandomCodeVerifier();
  const nonce = oauth.generateRandomNonce();
  await deps.db
    .updateTable('sso_requests')
    .set({ nonce, code_verifier: deps.secretBox.seal(verifier) })
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
  return url.href;
}

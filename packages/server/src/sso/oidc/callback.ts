import * as oauth from 'oauth4webapi';
import type { SsoConnectionsTable } from '../../db/schema.js';
import type { SsoRequestsTable } from '../../db/schema-sso.js';
import type { AppDeps } from '../../http/index.js';
import { apiError } from '../../lib/api-error.js';
import { sha256Hex } from '../../lib/crypto.js';
import { oidcSettings } from './connections.js';
import { ID_TOKEN_ALGS, requestOptions } from './http.js';
import { verifyIdToken } from './id-token.js';
import { assertBrowserBinding, oidcRedirectUri } from './start.js';
import { parseJson } from '../../lib/json.js';
import { completeSsoLogin } from '../login.js';
import { consumeSsoRequest, ssoRequestNotFound } from '../requests.js';

const refused = (why: string) =>
  apiError('oidc_response_invalid', `The identity provider's answer was refused: ${why}.`);
const clip = (s: string | undefined) => (s ?? '').replace(/[^\x20-\x7E]/g, '').slice(0, 200);

/** The (unconsumed) OIDC request a `state` names, for the error page's way back; never trusted further. */
export function peekOidcRequest(deps: AppDeps, state: string): Promise<SsoRequestsTable | undefined> {
  if (state === '' || state.length > 512) return Promise.resolve(undefined);
  return deps.db
    .selectFrom('sso_requests')
    .selectAll()
    .where('id_hash', '=', sha256Hex(state))
    .where('kind', '=', 'oidc')
    .executeTakeFirst();
}

/**
 * The authorization server as the connection configures it (no discovery at sign-in time). The RFC 9207
 * flag comes from the discovery document as stored when the connection was configured: with it set,
 * oauth4webapi's validateAuthResponse refuses a response without `iss`; with or without it, an `iss`
 * that is not this issuer (docs/security.md O7, mix-up).
 */
function authorizationServer(connection: SsoConnectionsTable): oauth.AuthorizationServer {
  const s = oidcSettings(connection);
  return {
    issuer: s.issuer,
    authorization_response_iss_parameter_supported: s.issParameterSupported,
    authorization_endpoint: s.authorizationUrl,
    token_endpoint: s.tokenUrl,
    jwks_uri: s.jwksUrl,
    ...(s.userinfoUrl === '' ? {} : { userinfo_endpoint: s.userinfoUrl }),
    id_token_signing_alg_values_supported: [...ID_TOKEN_ALGS],
  };
}

/** A claim as a string when it is one, else `undefined`. */
const str = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);

/**
 * Finishes an OIDC sign-in at `GET /v1/public/sso/oidc/callback`: consumes the attempt named by
 * `state` (single use), requires this browser's binding cookie secret (`browserBinding`,
 * docs/security.md O2), checks the authorization response (IdP error; RFC 9207 `iss`, required when the IdP advertises
 * it and equal to the issuer whenever sent), redeems the code with the client secret and the
 * attempt's PKCE verifier, verifies the ID token
 * (oauth4webapi's claim checks, then {@link verifyIdToken}'s signature and claim checks), and hands
 * (connection, `sub`) to `completeSsoLogin`. Email is used only when the IdP says it is verified.
 * `pending` is {@link peekOidcRequest}'s row for `state`, already read by the route (one lookup);
 * the consume below still re-checks it atomically.
 * @returns the redirect URL carrying the `sso` token.
 * @throws ApiError (`sso_request_not_found`, `idp_error`, `oidc_response_invalid`, and those of completeSsoLogin)
 */
export async function finishOidcLogin(
  deps: AppDeps,
  params: URLSearchParams,
  browserBinding: string | undefined,
  pending: SsoRequestsTable | undefined,
): Promise<string> {
  const state = params.get('state') ?? '';
  if (pending === undefined) throw ssoRequestNotFound();
  const connection = await deps.db
    .selectFrom('sso_connections')
    .selectAll()
    .where('id', '=', pending.connection_id)
    .where('type', '=', 'oidc')
    .executeTakeFirst();
  if (connection === undefined)
    throw apiError('connection_not_found', 'The OIDC connection of this sign-in no longer exists.');
  const now = deps.now();
  // Consumed before anything else: an attempt is spent whether the IdP's answer is good or not, and
  // also when the browser is not the one that started it: a callback URL seen in another browser has
  // leaked (or is being planted, login CSRF), so the attempt is burnt rather than left for a retry.
  const request = await consumeSsoRequest(deps.db, state, connection.id, now);
  assertBrowserBinding(request.browser_binding_hash, browserBinding);
  const s = oidcSettings(connection);
  const as = authorizationServer(connection);
  // oauth4webapi checks exp/iat against its clock: align it with ours (tests inject a clock).
  const client: oauth.Client = { client_id: s.clientId, [oauth.clockSkew]: Math.round((now - Date.now()) / 1000) };
  let callback: URLSearchParams;
  try {
    callback = oauth.validateAuthResponse(as, client, params, state);
  } catch (error) {
    if (error instanceof oauth.AuthorizationResponseError) {
      throw apiError(
        'idp_error',
        `The identity provider did not sign you in: ${clip(error.error)} ${clip(error.error_description)}`.trim(),
      );
    }
    throw refused(clip((error as Error).message));
  }
  if (request.code_verifier === null || request.nonce === null || s.sealedSecret === '')
    throw refused('this sign-in attempt has no PKCE verifier or nonce');
  const verifier = deps.secretBox.open(request.code_verifier);
  let tokens: oauth.TokenEndpointResponse;
  try {
    const auth = oauth.ClientSecretBasic(deps.secretBox.open(s.sealedSecret));
    const res = await oauth.authorizationCodeGrantRequest(
      as,
      client,
      auth,
      callback,
      oidcRedirectUri(deps.publicUrl),
      verifier,
      requestOptions(s.tokenUrl, deps.idpEgress),
    );
    tokens = await oauth.processAuthorizationCodeResponse(as, client, res, {
      expectedNonce: request.nonce,
      requireIdToken: true,
    });
  } catch (error) {
    if (error instanceof oauth.ResponseBodyError) throw refused(`the code exchange failed (${clip(error.error)})`);
    throw refused(clip((error as Error).message));
  }
  const claims = await verifyIdToken(tokens.id_token as string, {
    issuer: s.issuer,
    clientId: s.clientId,
    jwksUrl: s.jwksUrl,
    nonce: request.nonce,
    now,
    egress: deps.idpEgress,
  });
  let profile: Record<string, unknown> = claims;
  if (claims.email_verified !== true && s.userinfoUrl !== '') {
    try {
      const res = await oauth.userInfoRequest(
        as,
        client,
        tokens.access_token,
        requestOptions(s.userinfoUrl, deps.idpEgress),
      );
      // processUserInfoResponse refuses a `sub` other than the ID token's (docs/security.md O15).
      profile = { ...claims, ...(await oauth.processUserInfoResponse(as, client, claims.sub, res)) };
    } catch (error) {
      throw refused(`the userinfo answer was refused (${clip((error as Error).message)})`);
    }
  }
  const mapping = parseJson<Record<string, unknown>>(connection.attribute_mapping, {});
  // TEN-02: an unverified email never links or provisions a member.
  const email = profile.email_verified === true ? str(profile[str(mapping.email) ?? 'email']) : undefined;
  const name =
    str(profile[str(mapping.name) ?? 'name']) ??
    ([str(profile.given_name), str(profile.family_name)].filter(Boolean).join(' ') || undefined);
  return completeSsoLogin(deps, { request, connection, subject: claims.sub, email, name, attributes: profile, now });
}

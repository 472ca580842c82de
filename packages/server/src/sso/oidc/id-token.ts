import { createLocalJWKSet, jwtVerify, type JSONWebKeySet, type JWTPayload } from 'jose';
import { apiError } from '../../lib/api-error.js';
import type { EgressPolicy } from '../../lib/egress-guard.js';
import { boundedFetch, ID_TOKEN_ALGS } from './http.js';

/** What the ID token must match: the connection's settings and this attempt's nonce. */
export interface IdTokenExpectations {
  issuer: string;
  clientId: string;
  jwksUrl: string;
  nonce: string;
  now: number;
  /** How the JWKS may be fetched (no private networks unless allowed, O20). */
  egress: EgressPolicy;
}

const invalid = (why: string) =>
  apiError('oidc_response_invalid', `The identity provider's ID token was refused: ${why}.`);

/** Fetches the connection's key set (fresh each sign-in, so a rotated IdP key is picked up at once). */
async function fetchJwks(url: string, egress: EgressPolicy): Promise<JSONWebKeySet> {
  let res: Response;
  try {
    res = await boundedFetch(url, { headers: { accept: 'application/json' } }, egress);
  } catch (error) {
    throw invalid(`its signing keys could not be fetched (${(error as Error).message})`);
  }
  if (res.status !== 200) throw invalid(`its signing keys could not be fetched (HTTP ${res.status})`);
  const body = (await res.json().catch(() => undefined)) as JSONWebKeySet | undefined;
  if (body === undefined || !Array.isArray(body.keys)) throw invalid('its key set is not a JWKS');
  return body;
}

/**
 * Verifies an ID token ourselves, whatever the OIDC library already checked: signature with the
 * connection's JWKS only (`jku`/`x5u`/`jwk` headers are ignored), `alg` in RS256/ES256/PS256 (so
 * `none` and HS256-keyed-with-the-public-key fail before any key is used), `iss` exactly the
 * connection's issuer, `aud` containing the client id (and `azp` = client id when there are several),
 * `exp`/`iat` against our clock, `sub` present, and `nonce` equal to this attempt's.
 * @throws ApiError 400 `oidc_response_invalid`
 */
export async function verifyIdToken(
  idToken: string,
  expect: IdTokenExpectations,
): Promise<JWTPayload & { sub: string }> {
  const keys = createLocalJWKSet(await fetchJwks(expect.jwksUrl, expect.egress));
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(idToken, keys, {
      algorithms: [...ID_TOKEN_ALGS],
      issuer: expect.issuer,
      audience: expect.clientId,
      currentDate: new Date(expect.now),
      clockTolerance: 60,
      requiredClaims: ['sub', 'iat', 'exp'],
    }));
  } catch (error) {
    throw invalid((error as Error).message);
  }
  if (Array.isArray(payload.aud) && payload.aud.length > 1 && payload.azp !== expect.clientId)
    throw invalid('several audiences and azp is not our client');
  if (typeof payload.nonce !== 'string' || payload.nonce !== expect.nonce)
    throw invalid('nonce missing or not this sign-in attempt’s');
  if (typeof payload.sub !== 'string' || payload.sub === '') throw invalid('no subject');
  return payload as JWTPayload & { sub: string };
}

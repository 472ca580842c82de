import { decodeProtectedHeader, errors, importJWK, type JWK, jwtVerify } from 'jose';
import { SESSION_DURATION_MINUTES } from '@orgauth/core/protocol';
import type { Db } from '../db/schema.js';
import { type ApiError, apiError } from '../lib/api-error.js';
import { createKeyCache } from '../lib/key-cache.js';
import { publishedKey } from './signing-key-store.js';

/** What a verified session JWT proves: which session of which member it was minted for. */
export interface VerifiedSessionJwt {
  sessionId: string;
  memberId: string;
  kid: string;
}

/** Options of {@link verifySessionJwt}. */
export interface VerifyOptions {
  /**
   * Accept a JWT past its `exp` (signature, issuer and audience still checked). Only for revocation:
   * logging a session out with the JWT a browser still holds must work after the 5 minutes.
   */
  allowExpired?: boolean;
}

const MAX_JWT_LENGTH = 16 * 1024;
const publicKey = createKeyCache((jwk) => importJWK(jwk as JWK, 'ES256') as Promise<CryptoKey>);

function invalid(message = 'The session JWT is invalid.'): ApiError {
  return apiError('jwt_invalid', message);
}

/**
 * Verifies a session JWT against the project's own published keys — never a key named by the token
 * (`jwk`, `jku`, `x5u`, `x5c` headers are ignored, JWT-03) — with ES256 as the only algorithm, so
 * `alg:none` and HS256-with-the-public-key are refused before any key is used (JWT-02). `iss` must be
 * `stytch.com/<project_id>` and `aud` contain the project id (JWT-06); `exp`/`nbf` use the server clock
 * with no skew (JWT-04).
 * @throws ApiError 401 `jwt_invalid` (malformed, unknown kid, bad signature or claims) / `jwt_expired`.
 */
export async function verifySessionJwt(
  db: Db,
  projectId: string,
  jwt: string,
  nowMs: number,
  options: VerifyOptions = {},
): Promise<VerifiedSessionJwt> {
  if (jwt.length > MAX_JWT_LENGTH) throw invalid();
  let header;
  try {
    header = decodeProtectedHeader(jwt);
  } catch {
    throw invalid('The session JWT is malformed.');
  }
  if (header.alg !== 'ES256') throw invalid('The session JWT must be signed with ES256.');
  if (typeof header.kid !== 'string' || header.kid.length === 0 || header.kid.length > 200)
    throw invalid('The session JWT has no key id.');
  const row = await publishedKey(db, projectId, header.kid, nowMs);
  if (row === undefined) throw invalid('The session JWT was not signed by a key of this project.');
  let payload;
  try {
    ({ payload } = await jwtVerify(jwt, await publicKey(row.kid, row.public_jwk), {
      algorithms: ['ES256'],
      typ: 'JWT',
      issuer: `stytch.com/${projectId}`,
      audience: projectId,
      currentDate: new Date(nowMs),
      requiredClaims: ['exp', 'iat', 'sub'],
      // A session outlives its JWTs by at most the maximum session length.
      clockTolerance: options.allowExpired === true ? SESSION_DURATION_MINUTES.max * 60 : 0,
    }));
  } catch (error) {
    if (error instanceof errors.JWTExpired)
      throw apiError('jwt_expired', 'The session JWT has expired; authenticate the session token for a new one.');
    throw invalid();
  }
  const session = payload['https://stytch.com/session'] as { id?: unknown } | undefined;
  if (typeof session?.id !== 'string' || typeof payload.sub !== 'string')
    throw invalid('The session JWT carries no session.');
  return { sessionId: session.id, memberId: payload.sub, kid: row.kid };
}

import { apiError, badRequest } from '../lib/api-error.js';
import type { Db } from '../db/schema.js';
import type { Body } from '../lib/validate.js';
import { loadLiveSession, sessionNotFound, type LoadedSession } from './store.js';
import type { SigningKeys } from './signing-keys.js';
import type { VerifyOptions } from './jwt.js';

/** The session credentials a backend call may carry. */
export interface SessionCredentials {
  token?: string | undefined;
  jwt?: string | undefined;
}

function optionalCredential(body: Body, key: string): string | undefined {
  const value = body[key];
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string' || value.length > 16 * 1024) throw badRequest(`${key} must be a string.`);
  return value;
}

/**
 * Reads `session_token` / `session_jwt` from a body where a session is optional (an authenticate
 * call that may add its factor to an existing session); absent, `null` and `''` count as not sent.
 * @throws ApiError 400 `bad_request` when one is not a string.
 */
export function readOptionalSessionCredentials(body: Body): SessionCredentials {
  return { token: optionalCredential(body, 'session_token'), jwt: optionalCredential(body, 'session_jwt') };
}

/**
 * Reads the one session a backend authenticate call asks to extend (`session_token` OR
 * `session_jwt`, or neither). Both at once are refused: which names the session would be a guess,
 * and an extra credential is never silently ignored (AUTH-17).
 * @throws ApiError 400 `bad_request`
 */
export function readHeldSessionCredentials(body: Body): SessionCredentials {
  const credentials = readOptionalSessionCredentials(body);
  if (credentials.token !== undefined && credentials.jwt !== undefined)
    throw badRequest('Send session_token or session_jwt, not both.');
  return credentials;
}

/**
 * Reads `session_token` / `session_jwt` from a body.
 * @throws ApiError 400 `bad_request` when neither is present or one is not a string.
 */
export function readSessionCredentials(body: Body): SessionCredentials {
  const credentials = readOptionalSessionCredentials(body);
  if (credentials.token === undefined && credentials.jwt === undefined)
    throw badRequest('session_token or session_jwt is required.');
  return credentials;
}

/**
 * Resolves credentials to a live session. A JWT is verified with the project's own keys first, then
 * its session must still be live in the database, so a revoked session's JWT dies at once (SES-05).
 * When both a token and a JWT arrive, both are checked and must name the same session (AUTH-17): an
 * extra credential is never silently ignored.
 * @returns the session and the opaque token when one was sent (`''` otherwise).
 * @throws ApiError 404 `session_not_found`, 401 `jwt_invalid` / `jwt_expired`, 400 when they disagree.
 */
export async function proveSession(
  db: Db,
  keys: SigningKeys,
  projectId: string,
  credentials: SessionCredentials,
  now: number,
  options: VerifyOptions = {},
): Promise<{ loaded: LoadedSession; token: string }> {
  const fromJwt =
    credentials.jwt === undefined ? undefined : await keys.verifySessionJwt(projectId, credentials.jwt, now, options);
  if (credentials.token !== undefined) {
    const loaded = await loadLiveSession(db, projectId, { token: credentials.token }, now);
    if (fromJwt !== undefined && fromJwt.sessionId !== loaded.session.id) {
      throw apiError('bad_request', 'session_token and session_jwt belong to different sessions.');
    }
    return { loaded, token: credentials.token };
  }
  if (fromJwt === undefined) throw sessionNotFound();
  const loaded = await loadLiveSession(db, projectId, { id: fromJwt.sessionId }, now);
  // Defence in depth: a JWT's subject must be the member its session belongs to.
  if (loaded.member.id !== fromJwt.memberId) throw sessionNotFound();
  return { loaded, token: '' };
}

import { randomBytes } from 'node:crypto';
import { consumeOnce } from '../db/consume-once.js';
import type { Db } from '../db/schema.js';
import type { OAuthRequestsTable } from '../db/schema-oauth.js';
import { type ApiError, apiError } from '../lib/api-error.js';
import { sha256Hex } from '../lib/crypto.js';

/** How long a started sign-in stays redeemable at the callback: a provider login with MFA fits. */
export const OAUTH_REQUEST_TTL_MS = 10 * 60_000;

/** A started sign-in: its row and the plaintext `state` (known only at creation). */
export interface OAuthRequest {
  row: OAuthRequestsTable;
  state: string;
}

/**
 * Records a started sign-in. `state` is 256 random bits stored as SHA-256 only, so the database
 * never holds a value that would let a reader finish someone's sign-in.
 */
export async function createOAuthRequest(
  db: Db,
  fields: Omit<OAuthRequestsTable, 'id_hash' | 'created_at' | 'expires_at' | 'used_at'>,
  now: number,
): Promise<OAuthRequest> {
  const state = randomBytes(32).toString('base64url');
  const row: OAuthRequestsTable = {
    ...fields,
    id_hash: sha256Hex(state),
    created_at: now,
    expires_at: now + OAUTH_REQUEST_TTL_MS,
    used_at: null,
  };
  await db.insertInto('oauth_requests').values(row).execute();
  // Housekeeping rides on starts (indexed by key, long-expired rows only) rather than a timer.
  await db
    .deleteFrom('oauth_requests')
    .where('expires_at', '<', now - 86_400_000)
    .execute();
  return { row, state };
}

/** The 400 for a `state` that is unknown, used, expired, or not this browser's. */
export function oauthRequestNotFound(detail = 'is unknown, already used, or expired'): ApiError {
  return apiError('oauth_request_not_found', `This sign-in attempt ${detail}. Start the sign-in again.`);
}

/** The row a `state` names, unconsumed or not: the callback's way back to the app on refusal. */
export function peekOAuthRequest(db: Db, state: string): Promise<OAuthRequestsTable | undefined> {
  if (state === '' || state.length > 512) return Promise.resolve(undefined);
  return db.selectFrom('oauth_requests').selectAll().where('id_hash', '=', sha256Hex(state)).executeTakeFirst();
}

/**
 * Spends the attempt `state` names, exactly once (one conditional UPDATE, db/consume-once.ts).
 * @throws ApiError 400 `oauth_request_not_found`
 */
export async function consumeOAuthRequest(db: Db, state: string, now: number): Promise<OAuthRequestsTable> {
  if (state === '' || state.length > 512) throw oauthRequestNotFound();
  const hash = sha256Hex(state);
  if (!(await consumeOnce(db, 'oauth_requests', now, (eb) => eb('id_hash', '=', hash)))) throw oauthRequestNotFound();
  return db.selectFrom('oauth_requests').selectAll().where('id_hash', '=', hash).executeTakeFirstOrThrow();
}

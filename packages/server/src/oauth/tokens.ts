import { consumeOnce } from '../db/consume-once.js';
import type { Db } from '../db/schema.js';
import type { OAuthTokensTable } from '../db/schema-oauth.js';
import { apiError } from '../lib/api-error.js';
import { newToken, pkceChallenge, sha256Hex } from '../lib/crypto.js';

/** Lifetime of the `oauth` / `discovery_oauth` token handed to the redirect URL: one page load's worth. */
export const OAUTH_TOKEN_TTL_MS = 10 * 60_000;

/** `oauth` (organization sign-in) or `discovery_oauth` (discovery). */
export type OAuthTokenKind = 'oauth' | 'discovery_oauth';

/** Issues a one-time token; only its SHA-256 is stored. Returns the plaintext for the redirect URL. */
export async function issueOAuthToken(
  db: Db,
  fields: Omit<OAuthTokensTable, 'hash' | 'created_at' | 'expires_at' | 'used_at'>,
  now: number,
): Promise<string> {
  const token = newToken();
  await db
    .insertInto('oauth_tokens')
    .values({ ...fields, hash: sha256Hex(token), created_at: now, expires_at: now + OAUTH_TOKEN_TTL_MS, used_at: null })
    .execute();
  return token;
}

/**
 * Spends a token exactly once: one conditional UPDATE (db/consume-once.ts) checks unused, unexpired,
 * project, kind, and the PKCE verifier against the stored challenge; with `requireChallenge` (the SDK
 * routes, docs/security.md CSRF-02) a token issued without a challenge is refused. A refusal does not
 * burn the token, so the browser that holds the right verifier can still redeem it.
 * @throws ApiError 404 `oauth_token_not_found`, 400 `pkce_required` / `pkce_mismatch`
 */
export async function consumeOAuthToken(
  db: Db,
  projectId: string,
  kind: OAuthTokenKind,
  token: string,
  verifier: string | undefined,
  now: number,
  requireChallenge: boolean,
): Promise<OAuthTokensTable> {
  const hash = sha256Hex(token);
  const challenge = verifier === undefined ? null : pkceChallenge(verifier);
  const consumed = await consumeOnce(db, 'oauth_tokens', now, (eb) =>
    eb.and([
      eb('hash', '=', hash),
      eb('project_id', '=', projectId),
      eb('kind', '=', kind),
      challenge === null
        ? eb('pkce_code_challenge', 'is', null)
        : eb.or([eb('pkce_code_challenge', 'is', null), eb('pkce_code_challenge', '=', challenge)]),
      ...(requireChallenge ? [eb('pkce_code_challenge', 'is not', null)] : []),
    ]),
  );
  const row = await db
    .selectFrom('oauth_tokens')
    .selectAll()
    .where('hash', '=', hash)
    .where('project_id', '=', projectId)
    .where('kind', '=', kind)
    .executeTakeFirst();
  if (consumed && row !== undefined) return row;
  const usable = row !== undefined && row.used_at === null && row.expires_at > now;
  if (usable && requireChallenge && row.pkce_code_challenge === null) {
    throw apiError(
      'pkce_required',
      'This OAuth sign-in was started without a pkce_code_challenge, so the SDK cannot redeem its token. Start it with a PKCE challenge, or redeem the token from your backend.',
    );
  }
  if (usable && row.pkce_code_challenge !== null)
    throw apiError('pkce_mismatch', 'The PKCE code verifier does not match the code challenge of this OAuth sign-in.');
  throw apiError('oauth_token_not_found', 'The OAuth token is unknown, already used, or expired.');
}

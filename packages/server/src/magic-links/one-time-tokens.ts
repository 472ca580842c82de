import { consumeOnce } from '../db/consume-once.js';
import type { Db } from '../db/schema.js';
import { apiError } from '../lib/api-error.js';
import { newToken, pkceChallenge, sha256Hex } from '../lib/crypto.js';

/**
 * What a token is for; a token of one kind never authenticates as another. The org magic-link kinds
 * (login, signup, invite) share one authenticate endpoint, which accepts exactly those three.
 */
export type OneTimeTokenKind =
  | 'discovery_magic_link'
  | 'login_magic_link'
  | 'signup_magic_link'
  | 'invite_magic_link'
  | 'sso'
  | 'discovery_sso';

/** A new one-time token's binding. */
export interface IssueTokenInput {
  projectId: string;
  kind: OneTimeTokenKind;
  email: string;
  organizationId?: string | undefined;
  pkceChallenge?: string | undefined;
  redirectUrl: string;
  ttlMinutes: number;
  /** The SSO connection an `sso` / `discovery_sso` token's sign-in came through (sso/mfa-trust.ts). */
  connectionId?: string | undefined;
}

/** A consumed token's binding. */
export interface ConsumedToken {
  kind: OneTimeTokenKind;
  email: string;
  organizationId: string | null;
  /** See {@link IssueTokenInput.connectionId}; null for other kinds and older tokens. */
  connectionId: string | null;
  consumedAt: number;
}

/** Issues a token; only its SHA-256 is stored. Returns the plaintext, to be mailed and forgotten. */
export async function issueOneTimeToken(db: Db, input: IssueTokenInput, now: number): Promise<string> {
  const token = newToken();
  await db
    .insertInto('one_time_tokens')
    .values({
      hash: sha256Hex(token),
      project_id: input.projectId,
      kind: input.kind,
      email: input.email,
      organization_id: input.organizationId ?? null,
      pkce_challenge: input.pkceChallenge ?? null,
      connection_id: input.connectionId ?? null,
      redirect_url: input.redirectUrl,
      expires_at: now + input.ttlMinutes * 60_000,
      used_at: null,
      created_at: now,
    })
    .execute();
  return token;
}

/**
 * Consumes a token exactly once. The single conditional UPDATE (db/consume-once.ts) is the whole check (unused, unexpired,
 * right project and kind, PKCE verifier matching any stored challenge, a challenge stored at all when
 * `requireChallenge`), so of N concurrent calls at most one sees a changed row. A refused attempt
 * does not burn the token: the rightful browser (or, for a token issued without a challenge, the
 * backend) can still use it.
 * @throws ApiError 404 `magic_link_not_found` (unknown, used, expired), 400 `pkce_required` (no
 *   challenge stored while `requireChallenge`) or 400 `pkce_mismatch`.
 */
export async function consumeOneTimeToken(
  db: Db,
  projectId: string,
  kind: OneTimeTokenKind | readonly OneTimeTokenKind[],
  token: string,
  pkceVerifier: string | undefined,
  now: number,
  options: { requireChallenge?: boolean } = {},
): Promise<ConsumedToken> {
  const requireChallenge = options.requireChallenge === true;
  const hash = sha256Hex(token);
  const kinds: readonly OneTimeTokenKind[] = typeof kind === 'string' ? [kind] : kind;
  const challenge = pkceVerifier === undefined ? null : pkceChallenge(pkceVerifier);
  const consumed = await consumeOnce(db, 'one_time_tokens', now, (eb) =>
    eb.and([
      eb('hash', '=', hash),
      eb('project_id', '=', projectId),
      eb('kind', 'in', kinds),
      challenge === null
        ? eb('pkce_challenge', 'is', null)
        : eb.or([eb('pkce_challenge', 'is', null), eb('pkce_challenge', '=', challenge)]),
      ...(requireChallenge ? [eb('pkce_challenge', 'is not', null)] : []),
    ]),
  );
  const row = await db
    .selectFrom('one_time_tokens')
    .select(['kind', 'email', 'organization_id', 'connection_id', 'used_at', 'expires_at', 'pkce_challenge'])
    .where('hash', '=', hash)
    .where('project_id', '=', projectId)
    .where('kind', 'in', kinds)
    .executeTakeFirst();
  if (consumed && row !== undefined) {
    return {
      kind: row.kind as OneTimeTokenKind,
      email: row.email,
      organizationId: row.organization_id,
      connectionId: row.connection_id ?? null,
      consumedAt: now,
    };
  }
  const usable = row !== undefined && row.used_at === null && row.expires_at > now;
  if (usable && requireChallenge && row.pkce_challenge === null) {
    throw apiError(
      'pkce_required',
      'This token was issued without a PKCE code challenge, which this endpoint requires.',
    );
  }
  if (usable && row.pkce_challenge !== null) {
    throw apiError('pkce_mismatch', 'The PKCE code verifier does not match the code challenge of this magic link.');
  }
  throw apiError(
    'magic_link_not_found',
    'The magic link could not be authenticated: it is unknown, already used, or expired.',
  );
}

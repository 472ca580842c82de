import { consumeOnce } from '../db/consume-once.js';
import type { Db } from '../db/schema.js';
import { apiError } from '../lib/api-error.js';
import { newToken, pkceChallenge, sha256Hex } from '../lib/crypto.js';

/** Stytch's bounds and default of `reset_password_expiration_minutes` (5 minutes to 7 days; 30). */
export const RESET_TTL = { min: 5, max: 10_080, default: 30 } as const;

/** What a new reset link is bound to. */
export interface ResetBinding {
  projectId: string;
  /** Lowercased. */
  email: string;
  /** The organization of an organization reset; `undefined` for a discovery reset. */
  organizationId?: string | undefined;
  /** The SDK's PKCE challenge, when it sent one. */
  codeChallenge?: string | undefined;
  ttlMinutes: number;
}

/** A spent reset link: the email it proves and the organization it was for (null: discovery). */
export interface ConsumedReset {
  email: string;
  organizationId: string | null;
}

/**
 * Issues a reset token (33 random bytes, lib/crypto.ts); only its SHA-256 is stored (AUTH-07).
 * Returns the plaintext, to be mailed and forgotten. Pass the caller's transaction as `db`.
 */
export async function issueResetToken(db: Db, binding: ResetBinding, now: number): Promise<string> {
  const token = newToken();
  await db
    .insertInto('password_resets')
    .values({
      hash: sha256Hex(token),
      project_id: binding.projectId,
      email: binding.email,
      organization_id: binding.organizationId ?? null,
      code_challenge: binding.codeChallenge ?? null,
      expires_at: now + binding.ttlMinutes * 60_000,
      used_at: null,
      created_at: now,
    })
    .execute();
  return token;
}

/**
 * Spends a reset token exactly once: one conditional UPDATE (db/consume-once.ts) checks the whole
 * binding (unused, unexpired, right project, right kind: organization vs discovery, and the PKCE
 * verifier against a stored challenge), so of N concurrent calls at most one wins. Call it inside
 * the transaction that sets the password, so any later refusal (a weak password) gives it back.
 * A verifier sent for a token stored without a challenge is tolerated, as for magic links
 * (docs/wire-protocol.md §2.9); a challenge stored and no or another verifier is a mismatch.
 * @throws ApiError 401 `unable_to_auth_magic_link` (unknown, used, expired, or the other kind),
 *   400 `pkce_mismatch`
 */
export async function consumeResetToken(
  db: Db,
  projectId: string,
  kind: 'organization' | 'discovery',
  token: string,
  verifier: string | undefined,
  now: number,
): Promise<ConsumedReset> {
  const hash = sha256Hex(token);
  const challenge = verifier === undefined ? null : pkceChallenge(verifier);
  const consumed = await consumeOnce(db, 'password_resets', now, (eb) =>
    eb.and([
      eb('hash', '=', hash),
      eb('project_id', '=', projectId),
      kind === 'discovery' ? eb('organization_id', 'is', null) : eb('organization_id', 'is not', null),
      challenge === null
        ? eb('code_challenge', 'is', null)
        : eb.or([eb('code_challenge', 'is', null), eb('code_challenge', '=', challenge)]),
    ]),
  );
  const row = await db
    .selectFrom('password_resets')
    .select(['email', 'organization_id', 'code_challenge', 'used_at', 'expires_at'])
    .where('hash', '=', hash)
    .where('project_id', '=', projectId)
    .executeTakeFirst();
  const rightKind = row !== undefined && (row.organization_id === null) === (kind === 'discovery');
  if (consumed && row !== undefined) return { email: row.email, organizationId: row.organization_id };
  if (rightKind && row.used_at === null && row.expires_at > now && row.code_challenge !== null) {
    throw apiError('pkce_mismatch', 'The PKCE code verifier does not match the code challenge of this reset link.');
  }
  throw apiError(
    'unable_to_auth_magic_link',
    'The password reset link could not be authenticated: it is unknown, already used, or expired.',
  );
}

/**
 * The email a live reset link of `kind` is for, when `verifier` fits its challenge, without spending
 * it: lets the caller judge and hash the new password BEFORE the transaction that spends the link
 * (hashing is slow and must not hold the database). `undefined` when the link would be refused;
 * {@link consumeResetToken} then gives the reason.
 */
export async function peekResetEmail(
  db: Db,
  projectId: string,
  kind: 'organization' | 'discovery',
  token: string,
  verifier: string | undefined,
  now: number,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('password_resets')
    .select(['email', 'organization_id', 'code_challenge'])
    .where('hash', '=', sha256Hex(token))
    .where('project_id', '=', projectId)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  if (row === undefined || (row.organization_id === null) !== (kind === 'discovery')) return undefined;
  if (row.code_challenge !== null && (verifier === undefined || pkceChallenge(verifier) !== row.code_challenge))
    return undefined;
  return row.email;
}

/**
 * After a reset, the email's other unspent reset links die with the old password: a mail still
 * lying in an inbox must not set the password again.
 */
export async function spendOtherResets(db: Db, projectId: string, email: string, now: number): Promise<void> {
  await db
    .updateTable('password_resets')
    .set({ used_at: now })
    .where('project_id', '=', projectId)
    .where('email', '=', email)
    .where('used_at', 'is', null)
    .execute();
}

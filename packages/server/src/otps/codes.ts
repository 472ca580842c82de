import { randomBytes, randomInt } from 'node:crypto';
import { otpWrongCodeMessage } from '@orgauth/core/protocol';
import type { Db } from '../db/schema.js';
import { type ApiError, apiError } from '../lib/api-error.js';
import { digestsEqual } from '../lib/crypto.js';
import type { SecretBox } from '../lib/secret-box.js';

/** Wrong tries a code survives: the fifth wrong one kills it (docs/security.md AUTH-11). */
export const MAX_ATTEMPTS = 5;
/** The `organization_id` of discovery codes, which belong to no organization. */
export const DISCOVERY = '';
/** Expired codes are kept this long (so a late try hears "expired"), then purged. */
const KEEP_EXPIRED_MS = 24 * 60 * 60 * 1000;
const PURGE_EVERY = 100;
let issued = 0;

/** A fresh six-digit code, uniform over 000000-999999 from the CSPRNG (email and SMS codes alike). */
export function newSixDigitCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

/** A fresh per-code salt for the keyed digest of a code. */
export function newCodeSalt(): string {
  return randomBytes(16).toString('base64url');
}

/** Whom a code is for: it authenticates only this email, in this organization (or discovery), of this project. */
export interface CodeBinding {
  projectId: string;
  /** An organization id, or {@link DISCOVERY}. */
  organizationId: string;
  email: string;
}

/**
 * The stored form of `code`: HMAC-SHA-256 under a key kept outside the database (lib/secret-box.ts),
 * over a fresh per-code salt, the binding and the code. A plain or salted SHA-256 of six digits falls
 * to a million guesses offline; without the key a copy of the database reveals nothing.
 */
function digest(box: SecretBox, binding: CodeBinding, salt: string, code: string): string {
  return box.mac('email-otp', [salt, binding.projectId, binding.organizationId, binding.email, code].join('\n'));
}

/** Writes the binding's one code, replacing any earlier one (and its attempt count) in one statement. */
async function store(db: Db, binding: CodeBinding, salt: string, codeHash: string, ttlMinutes: number, now: number) {
  if (++issued % PURGE_EVERY === 0)
    await db
      .deleteFrom('email_otps')
      .where('expires_at', '<', now - KEEP_EXPIRED_MS)
      .execute();
  await db
    .insertInto('email_otps')
    .values({
      project_id: binding.projectId,
      organization_id: binding.organizationId,
      email: binding.email,
      code_hash: codeHash,
      salt,
      attempts: 0,
      expires_at: now + ttlMinutes * 60_000,
      created_at: now,
    })
    .onConflict((oc) =>
      oc.columns(['project_id', 'organization_id', 'email']).doUpdateSet((eb) => ({
        code_hash: eb.ref('excluded.code_hash'),
        salt: eb.ref('excluded.salt'),
        attempts: 0,
        expires_at: eb.ref('excluded.expires_at'),
        created_at: eb.ref('excluded.created_at'),
      })),
    )
    .execute();
}

/**
 * Issues a new six-digit code (uniform, from the CSPRNG) for `binding`; the previous one, used or
 * not, stops working at once. Returns the plaintext, to be mailed and forgotten.
 */
export async function issueEmailOtp(
  db: Db,
  box: SecretBox,
  binding: CodeBinding,
  ttlMinutes: number,
  now: number,
): Promise<string> {
  const code = newSixDigitCode();
  const salt = newCodeSalt();
  await store(db, binding, salt, digest(box, binding, salt, code), ttlMinutes, now);
  return code;
}

/**
 * Stores a code no one can know (a random digest no six digits produce) for an email the SDK
 * refused, and mails nothing. Authenticating against it then behaves exactly as against a real code
 * (wrong, attempts left, expired, too many tries), so the answers never tell a member from a
 * stranger (docs/security.md AUTH-03).
 */
export async function issueDecoyOtp(db: Db, binding: CodeBinding, ttlMinutes: number, now: number): Promise<void> {
  await store(db, binding, randomBytes(16).toString('base64url'), randomBytes(32).toString('hex'), ttlMinutes, now);
}

/** Why no attempt could be claimed on the binding's code. */
async function unusable(db: Db, binding: CodeBinding, now: number): Promise<ApiError> {
  const row = await db
    .selectFrom('email_otps')
    .select(['expires_at', 'attempts'])
    .where('project_id', '=', binding.projectId)
    .where('organization_id', '=', binding.organizationId)
    .where('email', '=', binding.email)
    .executeTakeFirst();
  if (row === undefined)
    return apiError('otp_code_not_found', 'No code is waiting for this email address. Request a new one.');
  if (row.expires_at <= now) return apiError('unable_to_auth_otp_code', 'This code has expired. Request a new one.');
  return apiError(
    'too_many_otp_attempts',
    `This code was tried ${MAX_ATTEMPTS} times without success and no longer works. Request a new one.`,
  );
}

/**
 * Redeems the binding's code: claims one attempt (an atomic increment, refused once
 * {@link MAX_ATTEMPTS} are spent or the code expired, and committed whatever happens next), compares
 * in constant time, then, for the right code, deletes the row and runs `use` in ONE transaction: of
 * concurrent right answers exactly one deletes it, and a refusal inside `use` gives the code back.
 * A used code is gone, so it answers like no code at all.
 * @throws ApiError 404 `otp_code_not_found` (wrong code, with the attempts left; or none waiting),
 *   401 `unable_to_auth_otp_code` (expired), 401 `too_many_otp_attempts`, or whatever `use` throws.
 */
export async function redeemEmailOtp<T>(
  db: Db,
  box: SecretBox,
  binding: CodeBinding,
  code: string,
  now: number,
  use: (trx: Db) => Promise<T>,
): Promise<T> {
  const claimed = await db
    .updateTable('email_otps')
    .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
    .where('project_id', '=', binding.projectId)
    .where('organization_id', '=', binding.organizationId)
    .where('email', '=', binding.email)
    .where('expires_at', '>', now)
    .where('attempts', '<', MAX_ATTEMPTS)
    .returning(['code_hash', 'salt', 'attempts'])
    .executeTakeFirst();
  if (claimed === undefined) throw await unusable(db, binding, now);
  if (!digestsEqual(digest(box, binding, claimed.salt, code), claimed.code_hash)) {
    const left = MAX_ATTEMPTS - Number(claimed.attempts);
    throw apiError('otp_code_not_found', otpWrongCodeMessage(left));
  }
  return db.transaction().execute(async (trx) => {
    const spent = await trx
      .deleteFrom('email_otps')
      .where('project_id', '=', binding.projectId)
      .where('organization_id', '=', binding.organizationId)
      .where('email', '=', binding.email)
      .where('code_hash', '=', claimed.code_hash)
      .where('expires_at', '>', now)
      .executeTakeFirst();
    if (Number(spent.numDeletedRows) !== 1)
      throw apiError('otp_code_not_found', 'This code was already used or replaced by a newer one. Request a new one.');
    return use(trx);
  });
}

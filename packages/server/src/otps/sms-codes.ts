import { otpWrongCodeMessage } from '@orgauth/core/protocol';
import type { Db } from '../db/schema.js';
import { type ApiError, apiError } from '../lib/api-error.js';
import { digestsEqual } from '../lib/crypto.js';
import type { SecretBox } from '../lib/secret-box.js';
import { MAX_ATTEMPTS, newCodeSalt, newSixDigitCode } from './codes.js';

/**
 * How long an SMS code lives: 5 minutes, Stytch's lifetime of its SMS one-time codes, and half the
 * email codes' default (docs/security.md AUTH-09): the phone is in the person's hand.
 */
export const SMS_OTP_TTL_MINUTES = 5;
/** Expired codes are kept this long (so a late try hears "expired"), then purged. */
const KEEP_EXPIRED_MS = 24 * 60 * 60 * 1000;
const PURGE_EVERY = 100;
let issued = 0;

/** Whose code it is: one member of one organization of one project. */
export interface SmsCodeBinding {
  projectId: string;
  organizationId: string;
  memberId: string;
}

/**
 * The stored form of `code`, as for email codes (otps/codes.ts): HMAC-SHA-256 under the secret box
 * key over a per-code salt, the binding, the number it went to and the code. Six digits under a
 * plain hash fall to a million guesses; under a key kept outside the database they do not.
 */
function digest(box: SecretBox, binding: SmsCodeBinding, phone: string, salt: string, code: string): string {
  return box.mac(
    'sms-otp',
    [salt, binding.projectId, binding.organizationId, binding.memberId, phone, code].join('\n'),
  );
}

const byBinding = (binding: SmsCodeBinding) => ({
  project_id: binding.projectId,
  organization_id: binding.organizationId,
  member_id: binding.memberId,
});

/**
 * Issues a new code for `binding`, sent to `phone` (E.164); the member's previous code, used or not,
 * stops working at once (the row is replaced in one statement, its attempt count with it). Returns
 * the plaintext, to be sent and forgotten.
 */
export async function issueSmsOtp(
  db: Db,
  box: SecretBox,
  binding: SmsCodeBinding,
  phone: string,
  now: number,
): Promise<string> {
  if (++issued % PURGE_EVERY === 0)
    await db
      .deleteFrom('sms_otps')
      .where('expires_at', '<', now - KEEP_EXPIRED_MS)
      .execute();
  const code = newSixDigitCode();
  const salt = newCodeSalt();
  const row = {
    phone_number: phone,
    code_hash: digest(box, binding, phone, salt, code),
    salt,
    attempts: 0,
    expires_at: now + SMS_OTP_TTL_MINUTES * 60_000,
    created_at: now,
  };
  await db
    .insertInto('sms_otps')
    .values({ ...byBinding(binding), ...row })
    .onConflict((oc) => oc.columns(['project_id', 'organization_id', 'member_id']).doUpdateSet(row))
    .execute();
  return code;
}

/** Why no attempt could be claimed on the member's code. */
async function unusable(db: Db, binding: SmsCodeBinding, now: number): Promise<ApiError> {
  const row = await db
    .selectFrom('sms_otps')
    .select(['expires_at'])
    .where('project_id', '=', binding.projectId)
    .where('organization_id', '=', binding.organizationId)
    .where('member_id', '=', binding.memberId)
    .executeTakeFirst();
  if (row === undefined)
    return apiError('otp_code_not_found', 'No SMS code is waiting for this member. Request a new one.');
  if (row.expires_at <= now) return apiError('unable_to_auth_otp_code', 'This code has expired. Request a new one.');
  return apiError(
    'too_many_otp_attempts',
    `This code was tried ${MAX_ATTEMPTS} times without success and no longer works. Request a new one.`,
  );
}

/**
 * Redeems the member's code exactly as email codes are redeemed (otps/codes.ts `redeemEmailOtp`):
 * one attempt claimed atomically and committed (at most {@link MAX_ATTEMPTS}, never after expiry),
 * a constant-time comparison, then the row deleted and `use` run with the number the code went to
 * in ONE transaction, so of concurrent right answers exactly one succeeds and a refusal inside
 * `use` gives the code back.
 * @throws ApiError 404 `otp_code_not_found` (wrong code, with the attempts left; or none waiting),
 *   401 `unable_to_auth_otp_code` (expired), 401 `too_many_otp_attempts`, or whatever `use` throws.
 */
export async function redeemSmsOtp<T>(
  db: Db,
  box: SecretBox,
  binding: SmsCodeBinding,
  code: string,
  now: number,
  use: (trx: Db, phone: string) => Promise<T>,
): Promise<T> {
  const claimed = await db
    .updateTable('sms_otps')
    .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
    .where('project_id', '=', binding.projectId)
    .where('organization_id', '=', binding.organizationId)
    .where('member_id', '=', binding.memberId)
    .where('expires_at', '>', now)
    .where('attempts', '<', MAX_ATTEMPTS)
    .returning(['code_hash', 'salt', 'attempts', 'phone_number'])
    .executeTakeFirst();
  if (claimed === undefined) throw await unusable(db, binding, now);
  if (!digestsEqual(digest(box, binding, claimed.phone_number, claimed.salt, code), claimed.code_hash))
    throw apiError('otp_code_not_found', otpWrongCodeMessage(MAX_ATTEMPTS - Number(claimed.attempts)));
  return db.transaction().execute(async (trx) => {
    const spent = await trx
      .deleteFrom('sms_otps')
      .where('project_id', '=', binding.projectId)
      .where('organization_id', '=', binding.organizationId)
      .where('member_id', '=', binding.memberId)
      .where('code_hash', '=', claimed.code_hash)
      .where('expires_at', '>', now)
      .executeTakeFirst();
    if (Number(spent.numDeletedRows) !== 1)
      throw apiError('otp_code_not_found', 'This code was already used or replaced by a newer one. Request a new one.');
    return use(trx, claimed.phone_number);
  });
}

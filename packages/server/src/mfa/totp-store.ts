import type { Db, MembersTable, OrganizationsTable } from '../db/schema.js';
import { apiError } from '../lib/api-error.js';
import { envOf } from '../lib/crypto.js';
import type { SecretBox } from '../lib/secret-box.js';
import { randomUUID } from 'node:crypto';
import { rotateRecoveryCodes } from './recovery-codes.js';
import { matchTotpStep, newTotpSecret, totpQrCode } from './totp.js';

/** What `totps.create` shows once: the secret is never returned again. */
export interface CreatedTotp {
  totp_registration_id: string;
  secret: string;
  qr_code: string;
  recovery_codes: string[];
}

/**
 * Starts a TOTP registration for `member`: a new secret (sealed at rest: verifying needs it back),
 * its QR code, and ten new recovery codes replacing any old ones. The registration counts once a
 * code from it passes ({@link verifyTotpCode}); unverified, it dies after `expirationMinutes`.
 * An earlier unverified registration is replaced.
 * @throws ApiError 400 `active_totp_exists` when the member already has a verified one.
 */
export async function createTotpRegistration(
  trx: Db,
  box: SecretBox,
  member: MembersTable,
  organization: OrganizationsTable,
  expirationMinutes: number,
  now: number,
): Promise<CreatedTotp> {
  if ((member.totp_registration_id ?? '') !== '') {
    throw apiError('active_totp_exists', 'This member already has a TOTP registration; delete it to create another.');
  }
  await trx.deleteFrom('member_totps').where('member_id', '=', member.id).where('verified', '=', 0).execute();
  const secret = newTotpSecret();
  const id = `member-totp-${envOf(member.project_id)}-${randomUUID()}`;
  await trx
    .insertInto('member_totps')
    .values({
      id,
      project_id: member.project_id,
      organization_id: member.organization_id,
      member_id: member.id,
      secret_sealed: box.seal(secret),
      verified: 0,
      last_used_step: null,
      expires_at: now + expirationMinutes * 60_000,
      created_at: now,
    })
    .execute();
  const recoveryCodes = await rotateRecoveryCodes(trx, box, member, now);
  return {
    totp_registration_id: id,
    secret,
    qr_code: await totpQrCode(secret, organization.name, member.email),
    recovery_codes: recoveryCodes,
  };
}

/**
 * Checks `code` against the member's TOTP registration (the verified one, else the newest live
 * unverified one) within ±1 step, and spends its time step: one conditional UPDATE moves
 * `last_used_step` forward, so a code (or an older one) is refused once a code of its step passed,
 * even under concurrency. A first good code verifies the registration and makes it the member's
 * `totp_registration_id`. Returns the member as updated.
 * @throws ApiError 404 `totp_not_found` / `otp_code_not_found`, 400 `totp_code_already_authenticated`
 */
export async function verifyTotpCode(
  trx: Db,
  box: SecretBox,
  member: MembersTable,
  code: string,
  now: number,
): Promise<MembersTable> {
  const registration = await trx
    .selectFrom('member_totps')
    .selectAll()
    .where('member_id', '=', member.id)
    .where((eb) => eb.or([eb('verified', '=', 1), eb('expires_at', '>', now)]))
    .orderBy('verified', 'desc')
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
  if (registration === undefined) throw apiError('totp_not_found', 'This member has no TOTP registration.');
  const step = matchTotpStep(box.open(registration.secret_sealed), code, now);
  if (step === null) throw apiError('otp_code_not_found', 'That code is wrong.');
  const spent = await trx
    .updateTable('member_totps')
    .set({ last_used_step: step, verified: 1 })
    .where('id', '=', registration.id)
    .where((eb) => eb.or([eb('last_used_step', 'is', null), eb('last_used_step', '<', step)]))
    .executeTakeFirst();
  if (Number(spent.numUpdatedRows) !== 1) {
    throw apiError('totp_code_already_authenticated', 'That code was already used; wait for the next one.');
  }
  if (registration.verified === 1) return member;
  await trx.deleteFrom('member_totps').where('member_id', '=', member.id).where('id', '<>', registration.id).execute();
  await trx
    .updateTable('members')
    .set({ totp_registration_id: registration.id, updated_at: now })
    .where('id', '=', member.id)
    .execute();
  return { ...member, totp_registration_id: registration.id, updated_at: now };
}

/** Removes the member's TOTP (and its recovery codes); returns the member as updated. */
export async function deleteTotpRegistration(trx: Db, member: MembersTable, now: number): Promise<MembersTable> {
  await trx.deleteFrom('member_totps').where('member_id', '=', member.id).execute();
  await trx.deleteFrom('member_recovery_codes').where('member_id', '=', member.id).execute();
  const changes = {
    totp_registration_id: '',
    updated_at: now,
    ...(member.default_mfa_method === 'totp' ? { default_mfa_method: '' } : {}),
  };
  await trx.updateTable('members').set(changes).where('id', '=', member.id).execute();
  return { ...member, ...changes };
}

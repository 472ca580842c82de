import { randomUUID } from 'node:crypto';
import type { Db, MembersTable } from '../db/schema.js';
import type { AppDeps } from '../http/index.js';
import { apiError, badRequest } from '../lib/api-error.js';
import { envOf } from '../lib/crypto.js';
import type { SecretBox } from '../lib/secret-box.js';
import { requiredString, type Body } from '../lib/validate.js';
import { toMember, withOAuthRegistrations } from '../members/index.js';
import { toOrganization } from '../organizations/index.js';
import type { Project } from '../projects/index.js';
import { memberOfBody } from './caller.js';
import { assertMfaMethodAllowed } from './policy.js';
import { normalizeRecoveryCode, replaceRecoveryCodes, rotateRecoveryCodes } from './recovery-codes.js';

/**
 * The shortest secret imported: 80 bits (16 base32 characters), what many authenticator deployments
 * issued. RFC 4226 asks 128 bits of new secrets (ours are 160, mfa/totp.ts), but an import carries
 * over what members' apps already hold; refusing it would make every such member enrol again.
 */
const MIN_SECRET_BYTES = 10;
/** The longest secret imported: 512 bits, beyond any authenticator app's. */
const MAX_SECRET_BYTES = 64;
/** Imported recovery codes: other systems hand out 8 to 16; the cap only bounds the request. */
const MAX_IMPORTED_CODES = 32;

/**
 * The base32 secret (RFC 4648 alphabet) of a body, normalized as authenticator apps read it: spaces
 * (secrets are often shown in groups of four) and `=` padding dropped, upper case.
 * @throws ApiError 400 `bad_request` naming what is wrong
 */
export function readTotpSecret(body: Body): string {
  const secret = requiredString(body, 'secret', { max: 256 })
    .replace(/[\s=]+/g, '')
    .toUpperCase();
  if (!/^[A-Z2-7]+$/.test(secret))
    throw badRequest('secret must be base32 (the letters A to Z and the digits 2 to 7).');
  const bytes = Math.floor((secret.length * 5) / 8);
  if (bytes < MIN_SECRET_BYTES || bytes > MAX_SECRET_BYTES)
    throw badRequest(`secret must be ${MIN_SECRET_BYTES * 8} to ${MAX_SECRET_BYTES * 8} bits of base32.`);
  return secret;
}

/**
 * The `recovery_codes` of a body, trimmed; `[]` when absent or empty (new ones are minted then).
 * @throws ApiError 400 `bad_request` for a non-string, an over-long list, or two codes that compare equal
 */
export function readImportedRecoveryCodes(body: Body): string[] {
  const value = body.recovery_codes ?? [];
  if (!Array.isArray(value) || value.length > MAX_IMPORTED_CODES)
    throw badRequest(`recovery_codes must be an array of at most ${MAX_IMPORTED_CODES} codes.`);
  const codes = value.map((code) => {
    if (typeof code !== 'string' || code.trim() === '' || code.length > 64)
      throw badRequest('recovery_codes must contain non-empty strings of at most 64 characters.');
    return code.trim();
  });
  if (new Set(codes.map(normalizeRecoveryCode)).size !== codes.length)
    throw badRequest('recovery_codes must not repeat a code.');
  return codes;
}

/**
 * Stores `secret` as the member's verified TOTP registration (sealed, as a created one: the app
 * already holds it, so no first code is awaited) and the recovery codes (imported, or ten new).
 * @throws ApiError 400 `active_totp_exists` when the member already has a verified one
 */
async function importTotp(trx: Db, box: SecretBox, member: MembersTable, secret: string, codes: string[], now: number) {
  if ((member.totp_registration_id ?? '') !== '')
    throw apiError('active_totp_exists', 'This member already has a TOTP registration; delete it to import another.');
  await trx.deleteFrom('member_totps').where('member_id', '=', member.id).execute();
  const id = `member-totp-${envOf(member.project_id)}-${randomUUID()}`;
  await trx
    .insertInto('member_totps')
    .values({
      id,
      project_id: member.project_id,
      organization_id: member.organization_id,
      member_id: member.id,
      secret_sealed: box.seal(secret),
      verified: 1,
      last_used_step: null,
      expires_at: now,
      created_at: now,
    })
    .execute();
  const recoveryCodes =
    codes.length > 0
      ? await replaceRecoveryCodes(trx, box, member, codes, now)
      : await rotateRecoveryCodes(trx, box, member, now);
  await trx
    .updateTable('members')
    .set({ totp_registration_id: id, updated_at: now })
    .where('id', '=', member.id)
    .execute();
  return { member: { ...member, totp_registration_id: id, updated_at: now }, id, recoveryCodes };
}

/**
 * Backend `totps.migrate` (`POST /v1/b2b/totp/migrate`, the path of the `stytch` Node SDK): imports
 * a member's existing TOTP secret and recovery codes from another system. Answers `MemberResp` +
 * `totp_registration_id` and `recovery_codes` (the imported ones, or ten minted when none are given).
 * @throws ApiError 400 `bad_request` (secret not base32, too short), `active_totp_exists`; 403
 *   `unauthorized_action` when the organization does not allow TOTP; 404 `member_not_found`
 */
export async function migrateTotp(deps: AppDeps, project: Project, body: Body) {
  const secret = readTotpSecret(body);
  const codes = readImportedRecoveryCodes(body);
  const target = await memberOfBody(deps.db, project.id, body);
  assertMfaMethodAllowed(target.organization, 'totp');
  const now = deps.now();
  const done = await deps.db
    .transaction()
    .execute((trx) => importTotp(trx, deps.secretBox, target.member, secret, codes, now));
  const [member] = await withOAuthRegistrations(deps.db, [toMember(done.member)]);
  return {
    member_id: done.member.id,
    member,
    organization: toOrganization(target.organization),
    totp_registration_id: done.id,
    recovery_codes: done.recoveryCodes,
  };
}

import { randomInt } from 'node:crypto';
import type { Db, MembersTable } from '../db/schema.js';
import type { SecretBox } from '../lib/secret-box.js';

/** Stytch's count and shape: ten codes like `ckss-2skx-ebow` (12 base-36 characters, ~62 bits). */
export const RECOVERY_CODE_COUNT = 10;
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';
const MAC_PURPOSE = 'recovery-code';

function newRecoveryCode(): string {
  const chars = Array.from({ length: 12 }, () => ALPHABET[randomInt(ALPHABET.length)]);
  return `${chars.slice(0, 4).join('')}-${chars.slice(4, 8).join('')}-${chars.slice(8).join('')}`;
}

/** A typed code as compared: lowercase, without spaces (people copy them with stray whitespace). */
export const normalizeRecoveryCode = (code: string) => code.trim().toLowerCase().replace(/\s+/g, '');

/** The keyed digest a code is found by, bound to its member so it verifies for no one else. */
const macOf = (box: SecretBox, memberId: string, code: string) =>
  box.mac(MAC_PURPOSE, `${memberId}\n${normalizeRecoveryCode(code)}`);

/**
 * Replaces the member's recovery codes with ten new ones and returns them. At rest each code is a
 * keyed digest (SecretBox.mac, AUTH-07), the only thing `recover` compares; it is ALSO sealed
 * (AES-GCM under the key outside the database) because `recoveryCodes.get` must show the member the
 * codes left, as Stytch's API does. A copy of the database alone yields neither: the digest needs
 * the key to brute-force, the sealed copy needs it to open.
 */
export async function rotateRecoveryCodes(
  db: Db,
  box: SecretBox,
  member: MembersTable,
  now: number,
): Promise<string[]> {
  return replaceRecoveryCodes(db, box, member, Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode), now);
}

/**
 * Replaces the member's recovery codes with `codes`, stored as {@link rotateRecoveryCodes} stores new
 * ones (digest + sealed copy): `totps.migrate` imports a member's existing codes this way. Callers
 * pass codes distinct once normalized ({@link normalizeRecoveryCode}): one digest per code. Returns `codes`.
 */
export async function replaceRecoveryCodes(
  db: Db,
  box: SecretBox,
  member: MembersTable,
  codes: string[],
  now: number,
): Promise<string[]> {
  await db.deleteFrom('member_recovery_codes').where('member_id', '=', member.id).execute();
  if (codes.length === 0) return codes;
  await db
    .insertInto('member_recovery_codes')
    .values(
      codes.map((code) => ({
        project_id: member.project_id,
        organization_id: member.organization_id,
        member_id: member.id,
        code_mac: macOf(box, member.id, code),
        sealed: box.seal(code),
        used_at: null,
        created_at: now,
      })),
    )
    .execute();
  return codes;
}

/** The member's unused recovery codes, opened (for `recoveryCodes.get`), oldest first. */
export async function unusedRecoveryCodes(db: Db, box: SecretBox, memberId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('member_recovery_codes')
    .select('sealed')
    .where('member_id', '=', memberId)
    .where('used_at', 'is', null)
    .orderBy('created_at')
    .orderBy('code_mac')
    .execute();
  return rows.map((row) => box.open(row.sealed));
}

/**
 * Spends `code` of the member exactly once: one conditional UPDATE, so two concurrent uses of one
 * code cannot both pass. Returns whether it was a live code, and how many stay unused.
 */
export async function spendRecoveryCode(
  db: Db,
  box: SecretBox,
  memberId: string,
  code: string,
  now: number,
): Promise<{ spent: boolean; remaining: number }> {
  const result = await db
    .updateTable('member_recovery_codes')
    .set({ used_at: now })
    .where('member_id', '=', memberId)
    .where('code_mac', '=', macOf(box, memberId, code))
    .where('used_at', 'is', null)
    .executeTakeFirst();
  const left = await db
    .selectFrom('member_recovery_codes')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('member_id', '=', memberId)
    .where('used_at', 'is', null)
    .executeTakeFirstOrThrow();
  return { spent: Number(result.numUpdatedRows) === 1, remaining: Number(left.n) };
}

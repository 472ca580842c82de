import type { Db, MemberPasswordsTable } from '../db/schema.js';
import { envOf, newId } from '../lib/crypto.js';
import { checkAgainstDummy, checkPasswordHash, hashPassword } from './hash.js';

/**
 * The `member_passwords` table: one password per (project, lowercased email), shared by every member
 * with that email (Stytch's cross-organization passwords), so its id is every such member's
 * `member_password_id`. Callers validate first (passwords/strength.ts `assertStrongPassword` for new
 * passwords); the store hashes, upserts and checks. The hash never leaves this module's rows: no
 * serializer reads it.
 */

const key = (email: string) => email.trim().toLowerCase();

/** The password row of `email` in the project, if one was ever set. */
export function findPassword(db: Db, projectId: string, email: string): Promise<MemberPasswordsTable | undefined> {
  return db
    .selectFrom('member_passwords')
    .selectAll()
    .where('project_id', '=', projectId)
    .where('email', '=', key(email))
    .executeTakeFirst();
}

/** Writes `hash` as the password of `email` (insert, or replace keeping the row's id) and returns the row. */
export async function storePasswordHash(
  db: Db,
  projectId: string,
  email: string,
  hash: string,
  now: number,
): Promise<MemberPasswordsTable> {
  return db
    .insertInto('member_passwords')
    .values({
      id: newId('member-password', envOf(projectId)),
      project_id: projectId,
      email: key(email),
      hash,
      created_at: now,
      updated_at: now,
    })
    .onConflict((oc) =>
      oc.columns(['project_id', 'email']).doUpdateSet((eb) => ({
        hash: eb.ref('excluded.hash'),
        updated_at: eb.ref('excluded.updated_at'),
      })),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
}

/**
 * Hashes `plaintext` (scrypt at the current cost, passwords/hash.ts) and stores it as the password of
 * `email`, replacing any earlier one. Hashing happens before any statement, so no transaction is held
 * open for it. Returns the row (its `id` is the `member_password_id`).
 */
export async function setPassword(
  db: Db,
  projectId: string,
  email: string,
  plaintext: string,
  now: number,
): Promise<MemberPasswordsTable> {
  return storePasswordHash(db, projectId, email, await hashPassword(plaintext), now);
}

/**
 * Whether `plaintext` is the password of `email`. Constant-time on the derived keys; an email without
 * a password spends the same hashing time against a dummy hash (docs/security.md AUTH-03). On success
 * a hash that is imported or of an older cost is replaced by one at the current cost; the replace is
 * conditional on the old hash, so a password changed meanwhile is never overwritten.
 */
export async function verifyPassword(
  db: Db,
  projectId: string,
  email: string,
  plaintext: string,
  now: number,
): Promise<boolean> {
  const row = await findPassword(db, projectId, email);
  if (row === undefined) return checkAgainstDummy(plaintext);
  const { ok, upgrade } = await checkPasswordHash(plaintext, row.hash);
  if (ok && upgrade) {
    const hash = await hashPassword(plaintext);
    await db
      .updateTable('member_passwords')
      .set({ hash, updated_at: now })
      .where('id', '=', row.id)
      .where('hash', '=', row.hash)
      .execute();
  }
  return ok;
}

/** Deletes the password `id` of the project (for every member sharing it). Returns whether one was deleted. */
export async function deletePassword(db: Db, projectId: string, id: string): Promise<boolean> {
  const result = await db
    .deleteFrom('member_passwords')
    .where('project_id', '=', projectId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

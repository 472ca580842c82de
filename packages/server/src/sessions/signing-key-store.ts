import { randomUUID } from 'node:crypto';
import { SESSION_JWT_LIFETIME_SECONDS } from '@orgauth/core/protocol';
import { exportJWK, generateKeyPair, type JWK } from 'jose';
import type { Db, SigningKeysTable } from '../db/schema.js';
import type { SecretBox } from '../lib/secret-box.js';

/**
 * How long a retired key stays in the JWKS: one JWT lifetime (5 min, the last JWT the old key signed)
 * plus the 10 minutes the `stytch` SDK caches a JWKS, so a verifier holding a stale key set still
 * finds every kid it meets, and a fresh one never sees a JWT whose key is gone.
 */
export const KEY_OVERLAP_MS = SESSION_JWT_LIFETIME_SECONDS * 1000 + 10 * 60_000;

/** A public key as published in the JWKS. */
export interface PublicJwk extends JWK {
  kid: string;
  alg: 'ES256';
  use: 'sig';
  key_ops: ['verify'];
}

/** The environment part of a project id (`project-live-…` → `live`), for Stytch-shaped kids. */
function envOf(projectId: string): string {
  return projectId.startsWith('project-live-') ? 'live' : 'test';
}

async function newKeyRow(
  projectId: string,
  state: 'next' | 'active',
  now: number,
  box: SecretBox,
): Promise<SigningKeysTable> {
  const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
  const kid = `jwk-${envOf(projectId)}-${randomUUID()}`;
  const publicJwk: PublicJwk = { ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig', key_ops: ['verify'] };
  const privateJwk = { ...(await exportJWK(privateKey)), kid, alg: 'ES256' };
  return {
    kid,
    project_id: projectId,
    alg: 'ES256',
    // Sealed at rest (docs/security.md JWT-10): a copy of the database alone cannot mint session JWTs.
    private_jwk: box.seal(JSON.stringify(privateJwk)),
    public_jwk: JSON.stringify(publicJwk),
    state,
    created_at: now,
    retired_at: null,
  };
}

function keyInState(db: Db, projectId: string, state: 'next' | 'active'): Promise<SigningKeysTable | undefined> {
  return db
    .selectFrom('session_signing_keys')
    .selectAll()
    .where('project_id', '=', projectId)
    .where('state', '=', state)
    .executeTakeFirst();
}

/**
 * The kid of the project's active key, or `undefined` when it has none yet: the read a signature
 * makes every time, so it fetches one short column, not the sealed key (sessions/signing-keys.ts).
 */
export async function activeKid(db: Db, projectId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('session_signing_keys')
    .select('kid')
    .where('project_id', '=', projectId)
    .where('state', '=', 'active')
    .executeTakeFirst();
  return row?.kid;
}

/** One key row by kid (any state), or `undefined`. */
export function keyByKid(db: Db, kid: string): Promise<SigningKeysTable | undefined> {
  return db.selectFrom('session_signing_keys').selectAll().where('kid', '=', kid).executeTakeFirst();
}

/**
 * The project's active key; on first need it is created together with the *next* key, which the JWKS
 * publishes ahead of use so a rotation never signs with a kid verifiers have not seen (JWT-07).
 */
export async function ensureActiveKey(
  db: Db,
  projectId: string,
  now: number,
  box: SecretBox,
): Promise<SigningKeysTable> {
  const found = await keyInState(db, projectId, 'active');
  if (found !== undefined) return found;
  // Two servers may race here: the partial unique indexes keep one key per state, both read it back.
  for (const state of ['active', 'next'] as const) {
    await db
      .insertInto('session_signing_keys')
      .values(await newKeyRow(projectId, state, now, box))
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
  const created = await keyInState(db, projectId, 'active');
  if (created === undefined) throw new Error(`No active signing key for ${projectId}.`);
  return created;
}

/** Publishes a next key when the project has none (keys migrated from before 0300 had no next key). */
export async function ensureNextKey(db: Db, projectId: string, now: number, box: SecretBox): Promise<void> {
  if ((await keyInState(db, projectId, 'next')) !== undefined) return;
  await db
    .insertInto('session_signing_keys')
    .values(await newKeyRow(projectId, 'next', now, box))
    .onConflict((oc) => oc.doNothing())
    .execute();
}

const STATE_ORDER = { active: 0, next: 1, retired: 2 } as const;

/** The keys a verifier may meet: the active key first, then the next key, then retired keys in their overlap. */
export async function publishedKeys(db: Db, projectId: string, now: number): Promise<SigningKeysTable[]> {
  const rows = await db
    .selectFrom('session_signing_keys')
    .selectAll()
    .where('project_id', '=', projectId)
    .where((eb) => eb.or([eb('state', '!=', 'retired'), eb('retired_at', '>', now - KEY_OVERLAP_MS)]))
    .orderBy('created_at', 'desc')
    .orderBy('kid')
    .execute();
  return rows.sort((a, b) => STATE_ORDER[a.state] - STATE_ORDER[b.state]);
}

/** One published key of the project by `kid`, or `undefined` (unknown, other project, or dropped). */
export function publishedKey(
  db: Db,
  projectId: string,
  kid: string,
  now: number,
): Promise<SigningKeysTable | undefined> {
  return db
    .selectFrom('session_signing_keys')
    .selectAll()
    .where('kid', '=', kid)
    .where('project_id', '=', projectId)
    .where((eb) => eb.or([eb('state', '!=', 'retired'), eb('retired_at', '>', now - KEY_OVERLAP_MS)]))
    .executeTakeFirst();
}

/** What a rotation did. */
export interface RotationResult {
  projectId: string;
  /** The key that signs from now on (it was already published as the next key). */
  kid: string;
  retiredKid: string | null;
  /** The new next key, published now and used at the following rotation. */
  nextKid: string;
}

/**
 * Rotates the project's session-JWT key: the active key is retired (it stays in the JWKS for
 * {@link KEY_OVERLAP_MS}, so its JWTs keep verifying), the already-published next key becomes active
 * and signs every JWT from now on, a fresh next key is published, and keys retired longer ago than
 * the overlap are deleted. One transaction; a concurrent rotation elsewhere fails on the partial
 * unique indexes instead of leaving two active keys.
 */
export async function rotateSigningKey(
  db: Db,
  projectId: string,
  now: number,
  box: SecretBox,
): Promise<RotationResult> {
  await ensureActiveKey(db, projectId, now, box);
  const fresh = await newKeyRow(projectId, 'next', now, box);
  const fallback = await newKeyRow(projectId, 'active', now, box);
  return db.transaction().execute(async (trx) => {
    const previous = await keyInState(trx, projectId, 'active');
    const next = await keyInState(trx, projectId, 'next');
    await trx
      .updateTable('session_signing_keys')
      .set({ state: 'retired', retired_at: now })
      .where('project_id', '=', projectId)
      .where('state', '=', 'active')
      .execute();
    await trx
      .deleteFrom('session_signing_keys')
      .where('project_id', '=', projectId)
      .where('state', '=', 'retired')
      .where('retired_at', '<=', now - KEY_OVERLAP_MS)
      .execute();
    let kid = fallback.kid;
    if (next === undefined) await trx.insertInto('session_signing_keys').values(fallback).execute();
    else {
      await trx.updateTable('session_signing_keys').set({ state: 'active' }).where('kid', '=', next.kid).execute();
      kid = next.kid;
    }
    await trx.insertInto('session_signing_keys').values(fresh).execute();
    return { projectId, kid, retiredKid: previous?.kid ?? null, nextKid: fresh.kid };
  });
}

/**
 * Seals every `private_jwk` still in plaintext (rows written before migration 0700, or by an older
 * server sharing the database). Runs at start; the signing path also seals what it meets.
 */
export async function sealLegacySigningKeys(db: Db, box: SecretBox): Promise<number> {
  const rows = await db
    .selectFrom('session_signing_keys')
    .select(['kid', 'private_jwk'])
    .where('private_jwk', 'not like', 'v1.%')
    .execute();
  for (const row of rows) {
    // The `where` on the old value makes a concurrent sealer's write win instead of double-sealing.
    await db
      .updateTable('session_signing_keys')
      .set({ private_jwk: box.seal(row.private_jwk) })
      .where('kid', '=', row.kid)
      .where('private_jwk', '=', row.private_jwk)
      .execute();
  }
  return rows.length;
}

/** The plaintext private JWK of a row, sealing the row first when it predates sealing. */
export async function openPrivateJwk(db: Db, row: SigningKeysTable, box: SecretBox): Promise<string> {
  if (box.isSealed(row.private_jwk)) return box.open(row.private_jwk);
  await db
    .updateTable('session_signing_keys')
    .set({ private_jwk: box.seal(row.private_jwk) })
    .where('kid', '=', row.kid)
    .where('private_jwk', '=', row.private_jwk)
    .execute();
  return row.private_jwk;
}

import { randomBytes, timingSafeEqual } from 'node:crypto';
import { verifyImportedHash } from './imported-hash.js';
import { type ScryptCost, scryptKey } from './scrypt-key.js';

export type { ScryptCost } from './scrypt-key.js';

/**
 * The production default, one of OWASP's Password Storage Cheat Sheet scrypt settings (N=2^16, r=8,
 * p=2: 64 MiB, the same work as its N=2^17/p=1 line at half the memory). Measured on the 2-core
 * development machine: 0.8 s per hash alone, 1.6 s with the cores busy (passwords/hash.test.ts
 * prints the figure); a smaller machine may lower it through `ServerOptions.passwordHashCost`.
 */
export const DEFAULT_SCRYPT_COST: ScryptCost = { ln: 16, r: 8, p: 2 };

const SALT_BYTES = 16;
const KEY_BYTES = 32;

// Process-wide, set by the server from `ServerOptions.passwordHashCost` (tests lower it to stay fast).
let cost: ScryptCost = DEFAULT_SCRYPT_COST;
let dummy: Promise<string> | undefined;

/** Sets the cost of NEW hashes; stored hashes of another cost are re-hashed at their next sign-in. */
export function setPasswordHashCost(next: ScryptCost | undefined): void {
  const chosen = next ?? DEFAULT_SCRYPT_COST;
  if (!Number.isInteger(chosen.ln) || chosen.ln < 1 || chosen.ln > 20 || chosen.r < 1 || chosen.p < 1)
    throw new Error('passwordHashCost: ln must be 1..20, r and p at least 1.');
  if (chosen.ln === cost.ln && chosen.r === cost.r && chosen.p === cost.p) return;
  cost = { ...chosen };
  dummy = undefined;
}

/** The cost new hashes get now. */
export function passwordHashCost(): ScryptCost {
  return { ...cost };
}

/**
 * NIST SP 800-63B 5.1.1.2: Unicode passwords are normalized (NFKC) before hashing, so the same
 * password typed on two keyboards is one password. Imported hashes are checked against the raw text,
 * as the system that made them saw it.
 */
const normalized = (plaintext: string) => Buffer.from(plaintext.normalize('NFKC'), 'utf8');

const b64 = (bytes: Buffer) => bytes.toString('base64').replace(/=+$/, '');

/** Hashes `plaintext` with scrypt at the current cost: `$scrypt$ln=16,r=8,p=2$<salt>$<key>` (PHC, base64). */
export async function hashPassword(plaintext: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await scryptKey(normalized(plaintext), salt, cost, KEY_BYTES);
  return `$scrypt$ln=${cost.ln},r=${cost.r},p=${cost.p}$${b64(salt)}$${b64(key)}`;
}

/** A stored scrypt hash, parsed; `undefined` for any other format. */
export function parseScrypt(stored: string): { cost: ScryptCost; salt: Buffer; key: Buffer } | undefined {
  const match = /^\$scrypt\$ln=(\d{1,2}),r=(\d{1,3}),p=(\d{1,3})\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/.exec(stored);
  if (match === null) return undefined;
  const [, ln, r, p, salt, key] = match;
  return {
    cost: { ln: Number(ln), r: Number(r), p: Number(p) },
    salt: Buffer.from(salt ?? '', 'base64'),
    key: Buffer.from(key ?? '', 'base64'),
  };
}

/** What checking a password against a stored hash found. */
export interface HashCheck {
  ok: boolean;
  /** The hash is not scrypt at the current cost: store a new one now that the plaintext is known. */
  upgrade: boolean;
}

/**
 * Checks `plaintext` against `stored` in constant time (`timingSafeEqual` on the derived keys):
 * this server's scrypt, or an imported bcrypt / scrypt / argon2 / PBKDF2 hash (passwords/imported-hash.ts).
 * An unreadable hash never matches.
 */
export async function checkPasswordHash(plaintext: string, stored: string): Promise<HashCheck> {
  const ours = parseScrypt(stored);
  if (ours === undefined) return { ok: await verifyImportedHash(plaintext, stored), upgrade: true };
  const key = await scryptKey(normalized(plaintext), ours.salt, ours.cost, ours.key.length);
  const ok = key.length === ours.key.length && timingSafeEqual(key, ours.key);
  const current = ours.cost.ln === cost.ln && ours.cost.r === cost.r && ours.cost.p === cost.p;
  return { ok, upgrade: !current || ours.key.length !== KEY_BYTES };
}

/**
 * Spends the time of one check at the current cost and fails, for an email with no password: the
 * answer must not come back faster than a wrong password's (docs/security.md AUTH-03).
 */
export async function checkAgainstDummy(plaintext: string): Promise<false> {
  dummy ??= hashPassword(randomBytes(16).toString('hex'));
  await checkPasswordHash(plaintext, await dummy);
  return false;
}

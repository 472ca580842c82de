import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../db/schema.js';

/** The prefix of every sealed value; a stored value without it is plaintext from before sealing. */
export const SEALED_PREFIX = 'v1.';
/** Name of the key file in the data dir (created 0600 on first start). */
export const KEY_FILE = 'encryption.key';

/**
 * Encryption at rest for secrets the server must read back (OIDC client secrets, SAML SP private keys,
 * OIDC code verifiers, session signing keys): AES-256-GCM, a fresh 96-bit IV per seal, stored as
 * `v1.<iv>.<ciphertext+tag>` (base64url). Hashing is not an option for these: they are used, not compared.
 */
export interface SecretBox {
  /** Encrypts `plaintext`; two seals of one value differ (random IV). */
  seal(plaintext: string): string;
  /**
   * Decrypts a sealed value.
   * @throws Error when it is not sealed, was sealed with another key, or was tampered with.
   */
  open(sealed: string): string;
  /** Whether `value` has the sealed format (plaintext rows from before sealing do not). */
  isSealed(value: string): boolean;
  /** HMAC of a constant under the key: identifies the key without revealing it (key-mismatch check). */
  readonly fingerprint: string;
  /**
   * HMAC-SHA-256 (hex) of `value` under a subkey of the key for `purpose`: a digest of a low-entropy
   * secret (a six-digit code) that a copy of the database alone cannot brute-force, because the key
   * lives outside it. One subkey per purpose, so a digest never verifies in another context.
   */
  mac(purpose: string, value: string): string;
}

/** Builds a box over a 32-byte key. @throws Error when the key is not 32 bytes. */
export function createSecretBox(key: Buffer): SecretBox {
  if (key.length !== 32) throw new Error(`The encryption key must be 32 bytes (base64), got ${key.length}.`);
  const fingerprint = createHmac('sha256', key)
    .update('orgauth secret-box key check v1')
    .digest('base64url')
    .slice(0, 22);
  const subkeys = new Map<string, Buffer>();
  const subkey = (purpose: string) => {
    let derived = subkeys.get(purpose);
    if (derived === undefined) {
      derived = createHmac('sha256', key).update(`orgauth mac subkey v1\n${purpose}`).digest();
      subkeys.set(purpose, derived);
    }
    return derived;
  };
  return {
    fingerprint,
    mac: (purpose, value) => createHmac('sha256', subkey(purpose)).update(value, 'utf8').digest('hex'),
    isSealed: (value) => value.startsWith(SEALED_PREFIX),
    seal(plaintext) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
      return `${SEALED_PREFIX}${iv.toString('base64url')}.${body.toString('base64url')}`;
    },
    open(sealed) {
      const [version, ivText, bodyText, ...rest] = sealed.split('.');
      if (version !== 'v1' || ivText === undefined || bodyText === undefined || rest.length > 0)
        throw new Error('Not a sealed value.');
      const iv = Buffer.from(ivText, 'base64url');
      const body = Buffer.from(bodyText, 'base64url');
      if (iv.length !== 12 || body.length < 16) throw new Error('Not a sealed value.');
      const decipher = createDecipheriv('aes-256-gcm', key, iv);
      decipher.setAuthTag(body.subarray(body.length - 16));
      // `final()` throws when the tag does not verify (other key, altered bytes).
      return Buffer.concat([decipher.update(body.subarray(0, body.length - 16)), decipher.final()]).toString('utf8');
    },
  };
}

/** Where {@link loadSecretBox} looks for the key. */
export interface SecretBoxSource {
  /** Base64 of 32 bytes (`ServerOptions.encryptionKey`); wins over everything else. */
  encryptionKey?: string | undefined;
  /** `process.env` (reads `ORGAUTH_ENCRYPTION_KEY`). */
  env?: Record<string, string | undefined>;
  /** The data dir: `<dataDir>/encryption.key` is read, or created 0600 when absent. */
  dataDir?: string | undefined;
}

function decodeKey(text: string, from: string): Buffer {
  const key = Buffer.from(text.trim(), 'base64');
  if (key.length !== 32)
    throw new Error(`${from} must be 32 random bytes in base64 (e.g. \`openssl rand -base64 32\`).`);
  return key;
}

/**
 * Resolves the key: option, then `ORGAUTH_ENCRYPTION_KEY`, then the data dir's key file (made on first
 * start). Without any of them (PostgreSQL with no data dir) the server refuses to start: a key kept
 * in the same database as the secrets it protects would protect nothing.
 * @throws Error with the fix spelled out.
 */
export function loadSecretBox(source: SecretBoxSource): SecretBox {
  if (source.encryptionKey !== undefined && source.encryptionKey !== '')
    return createSecretBox(decodeKey(source.encryptionKey, 'encryptionKey'));
  const fromEnv = source.env?.ORGAUTH_ENCRYPTION_KEY;
  if (fromEnv !== undefined && fromEnv !== '') return createSecretBox(decodeKey(fromEnv, 'ORGAUTH_ENCRYPTION_KEY'));
  if (source.dataDir === undefined) {
    throw new Error(
      'No encryption key: set ORGAUTH_ENCRYPTION_KEY (openssl rand -base64 32) or pass a data dir to keep encryption.key in.',
    );
  }
  const file = join(source.dataDir, KEY_FILE);
  if (!existsSync(file)) {
    mkdirSync(source.dataDir, { recursive: true });
    try {
      // `wx`: of two servers starting on one data dir, exactly one writes the key; the other reads it.
      const fd = openSync(file, 'wx', 0o600);
      writeSync(fd, `${randomBytes(32).toString('base64')}\n`);
      closeSync(fd);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  return createSecretBox(decodeKey(readFileSync(file, 'utf8'), file));
}

/**
 * Records the key's fingerprint on first start and refuses a different key afterwards: sealed
 * secrets would not open, and silently minting new ones under a second key would split the data.
 * @throws Error naming the fix (use the original key: `ORGAUTH_ENCRYPTION_KEY` or `encryption.key`).
 */
export async function checkSecretBoxKey(db: Db, box: SecretBox, now: number): Promise<void> {
  await db
    .insertInto('secret_box_keys')
    .values({ id: 'current', fingerprint: box.fingerprint, created_at: now })
    .onConflict((oc) => oc.doNothing())
    .execute();
  const row = await db
    .selectFrom('secret_box_keys')
    .select('fingerprint')
    .where('id', '=', 'current')
    .executeTakeFirstOrThrow();
  if (row.fingerprint !== box.fingerprint) {
    throw new Error(
      'The encryption key does not match the one this database was sealed with. Start every server of this database ' +
        "with the same key (ORGAUTH_ENCRYPTION_KEY, or a copy of the first server's <data-dir>/encryption.key).",
    );
  }
}

import { badRequest } from '../lib/api-error.js';
import { optionalObject, requiredString, type Body } from '../lib/validate.js';
import { IMPORT_LIMITS, isImportedHash } from './imported-hash.js';

/** The `hash_type`s `passwords/migrate` takes: the memory-hard and iterated ones (no bare MD5/SHA). */
export const MIGRATE_HASH_TYPES = ['bcrypt', 'scrypt', 'argon_2i', 'argon_2id', 'pbkdf_2'] as const;

const unpadded = (base64: string) => base64.replace(/=+$/, '');

/** A base64 field of a config (standard or URL alphabet, padding optional), re-encoded standard, unpadded. */
function base64Field(config: Record<string, unknown>, key: string, where: string): string {
  const value = config[key];
  if (typeof value !== 'string' || value === '' || value.length > 1024 || !/^[A-Za-z0-9+/_-]+={0,2}$/.test(value))
    throw badRequest(`${where}.${key} must be a base64 string.`);
  return unpadded(
    Buffer.from(value, value.includes('-') || value.includes('_') ? 'base64url' : 'base64').toString('base64'),
  );
}

function intField(config: Record<string, unknown>, key: string, where: string, min: number, max: number): number {
  const value = config[key];
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max)
    throw badRequest(`${where}.${key} must be an integer from ${min} to ${max}.`);
  return value;
}

function config(body: Body, key: string): Record<string, unknown> {
  const value = optionalObject(body, key);
  if (value === undefined) throw badRequest(`${key} is required for this hash_type.`);
  return value;
}

/**
 * The stored form (passwords/imported-hash.ts) of a `passwords/migrate` body, Stytch's fields:
 * - `bcrypt`: `hash` is the `$2a$`/`$2b$`/`$2y$` string;
 * - `argon_2i` / `argon_2id`: `hash` is the encoded `$argon2…$` string, or the base64 raw hash with
 *   `argon_2_config {salt (text), iteration_amount, memory (KiB), threads, key_length}`;
 * - `scrypt`: base64 `hash` with `scrypt_config {salt (base64), n_parameter, r_parameter, p_parameter,
 *   key_length}`;
 * - `pbkdf_2`: base64 `hash` with `pbkdf_2_config {salt (base64), iteration_amount, key_length,
 *   algorithm: sha256 | sha512}`.
 * Bounds (IMPORT_LIMITS) keep one check from taking the server down.
 * @throws ApiError 400 `bad_request` naming the field
 */
export function importedHashOf(body: Body): string {
  const type = requiredString(body, 'hash_type', { max: 32 });
  const hash = requiredString(body, 'hash', { max: 1024 });
  let stored: string;
  if (type === 'bcrypt') stored = hash;
  else if (type === 'argon_2i' || type === 'argon_2id') {
    const variant = type === 'argon_2i' ? 'argon2i' : 'argon2id';
    if (hash.startsWith('$')) {
      stored = hash.replace(/=+(?=\$|$)/g, '');
      if (!stored.startsWith(`$${variant}$`)) throw badRequest(`hash is not an ${variant} hash.`);
    } else {
      const c = config(body, 'argon_2_config');
      if (typeof c.salt !== 'string' || c.salt === '' || c.salt.length > 256)
        throw badRequest('argon_2_config.salt is required.');
      const memory = intField(c, 'memory', 'argon_2_config', 8, IMPORT_LIMITS.argon2MemoryKiB);
      const iterations = intField(c, 'iteration_amount', 'argon_2_config', 1, 64);
      const threads = intField(c, 'threads', 'argon_2_config', 1, 16);
      const raw = base64Field({ hash }, 'hash', 'body');
      const keyLength = intField(c, 'key_length', 'argon_2_config', 4, 1024);
      if (Buffer.from(raw, 'base64').length !== keyLength) throw badRequest('hash is not key_length bytes long.');
      const salt = unpadded(Buffer.from(c.salt, 'utf8').toString('base64'));
      stored = `$${variant}$v=19$m=${memory},t=${iterations},p=${threads}$${salt}$${raw}`;
    }
    const memory = Number(/\$m=(\d+),/.exec(stored)?.[1] ?? 0);
    if (memory > IMPORT_LIMITS.argon2MemoryKiB) throw badRequest('hash: argon2 memory above 256 MiB is not accepted.');
  } else if (type === 'scrypt') {
    const c = config(body, 'scrypt_config');
    const n = intField(c, 'n_parameter', 'scrypt_config', 2, 2 ** IMPORT_LIMITS.scryptLn);
    if ((n & (n - 1)) !== 0) throw badRequest('scrypt_config.n_parameter must be a power of two.');
    const r = intField(c, 'r_parameter', 'scrypt_config', 1, IMPORT_LIMITS.scryptR);
    const p = intField(c, 'p_parameter', 'scrypt_config', 1, 16);
    const raw = base64Field({ hash }, 'hash', 'body');
    const keyLength = intField(c, 'key_length', 'scrypt_config', 4, 1024);
    if (Buffer.from(raw, 'base64').length !== keyLength) throw badRequest('hash is not key_length bytes long.');
    stored = `$scrypt-import$ln=${Math.log2(n)},r=${r},p=${p}$${base64Field(c, 'salt', 'scrypt_config')}$${raw}`;
  } else if (type === 'pbkdf_2') {
    const c = config(body, 'pbkdf_2_config');
    const algorithm = c.algorithm === undefined || c.algorithm === '' ? 'sha256' : c.algorithm;
    if (algorithm !== 'sha256' && algorithm !== 'sha512')
      throw badRequest('pbkdf_2_config.algorithm must be sha256 or sha512.');
    const iterations = intField(c, 'iteration_amount', 'pbkdf_2_config', 1, IMPORT_LIMITS.pbkdf2Iterations);
    const raw = base64Field({ hash }, 'hash', 'body');
    const keyLength = intField(c, 'key_length', 'pbkdf_2_config', 4, 1024);
    if (Buffer.from(raw, 'base64').length !== keyLength) throw badRequest('hash is not key_length bytes long.');
    stored = `$pbkdf2-${algorithm}$i=${iterations}$${base64Field(c, 'salt', 'pbkdf_2_config')}$${raw}`;
  } else {
    throw badRequest(`hash_type must be one of: ${MIGRATE_HASH_TYPES.join(', ')}.`);
  }
  if (!isImportedHash(stored)) throw badRequest(`hash is not a well-formed ${type} hash.`);
  return stored;
}

import { pbkdf2, timingSafeEqual } from 'node:crypto';
import { scryptKey } from './scrypt-key.js';

/**
 * Hashes brought in by `passwords/migrate` (passwords/migrate.ts), stored in a PHC-style string each:
 * - bcrypt: the hash as given (`$2a$` / `$2b$` / `$2y$`);
 * - argon2: `$argon2i$` / `$argon2id$v=19$m=…,t=…,p=…$<salt>$<hash>`;
 * - scrypt: `$scrypt-import$ln=…,r=…,p=…$<salt>$<hash>` (not `$scrypt$`: the other system hashed
 *   the raw text, where this server normalizes first, passwords/hash.ts);
 * - PBKDF2: `$pbkdf2-sha256$i=…$<salt>$<hash>` (or sha512).
 * Salts and hashes are standard base64 without padding. Node has scrypt and PBKDF2 built in; bcrypt
 * and argon2 come from `hash-wasm` (maintained, WebAssembly, no native build, both algorithms in one
 * package), loaded on the first imported hash so a server that never sees one never loads it. Every
 * comparison is ours, with `timingSafeEqual`, not the library's.
 */

const B64 = '[A-Za-z0-9+/]+';
const BCRYPT = /^\$2[aby]\$(\d\d)\$([./A-Za-z0-9]{22})([./A-Za-z0-9]{31})$/;
const ARGON2 = new RegExp(
  `^\\$(argon2i|argon2id)\\$v=19\\$m=(\\d{1,7}),t=(\\d{1,4}),p=(\\d{1,3})\\$(${B64})\\$(${B64})$`,
);
const SCRYPT = new RegExp(`^\\$scrypt-import\\$ln=(\\d{1,2}),r=(\\d{1,3}),p=(\\d{1,3})\\$(${B64})\\$(${B64})$`);
const PBKDF2 = new RegExp(`^\\$pbkdf2-(sha256|sha512)\\$i=(\\d{1,8})\\$(${B64})\\$(${B64})$`);

/** Bounds an imported hash must keep, so checking one can never exhaust the server (256 MiB, 2^18). */
export const IMPORT_LIMITS = { argon2MemoryKiB: 262_144, scryptLn: 18, scryptR: 32, pbkdf2Iterations: 10_000_000 };

let wasm: Promise<typeof import('hash-wasm')> | undefined;
const hashWasm = () => {
  wasm ??= import('hash-wasm');
  return wasm;
};

const equal = (a: Buffer, b: Buffer) => a.length === b.length && a.length > 0 && timingSafeEqual(a, b);
const bytes = (base64: string) => Buffer.from(base64, 'base64');

// bcrypt writes its salt in its own base64 alphabet; the same positions in the standard one decode it.
const BCRYPT_ALPHABET = './ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const STANDARD_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
function bcryptSalt(encoded: string): Uint8Array {
  const standard = [...encoded].map((ch) => STANDARD_ALPHABET[BCRYPT_ALPHABET.indexOf(ch)]).join('');
  return new Uint8Array(Buffer.from(standard, 'base64').subarray(0, 16));
}

/** Whether `stored` is an imported hash this server can check (migrate refuses any other). */
export function isImportedHash(stored: string): boolean {
  return [BCRYPT, ARGON2, SCRYPT, PBKDF2].some((format) => format.test(stored));
}

/** Checks `plaintext` against an imported hash; an unknown format never matches. */
export async function verifyImportedHash(plaintext: string, stored: string): Promise<boolean> {
  const password = Buffer.from(plaintext, 'utf8');
  let m = BCRYPT.exec(stored);
  if (m !== null) {
    const [, costFactor, salt, hash] = m;
    const encoded = await (await hashWasm()).bcrypt({
      // bcrypt reads at most 72 bytes; hash-wasm refuses more, other implementations cut.
      password: new Uint8Array(password.subarray(0, 72)),
      salt: bcryptSalt(salt ?? ''),
      costFactor: Number(costFactor),
      outputType: 'encoded',
    });
    return equal(Buffer.from(encoded.slice(-31)), Buffer.from(hash ?? ''));
  }
  m = ARGON2.exec(stored);
  if (m !== null) {
    const [, variant, memory, iterations, parallelism, salt, hash] = m;
    const expected = bytes(hash ?? '');
    const lib = await hashWasm();
    const derive = variant === 'argon2i' ? lib.argon2i : lib.argon2id;
    const derived = await derive({
      password,
      salt: bytes(salt ?? ''),
      memorySize: Number(memory),
      iterations: Number(iterations),
      parallelism: Number(parallelism),
      hashLength: expected.length,
      outputType: 'binary',
    });
    return equal(Buffer.from(derived), expected);
  }
  m = SCRYPT.exec(stored);
  if (m !== null) {
    const [, ln, r, p, salt, hash] = m;
    const expected = bytes(hash ?? '');
    const cost = { ln: Number(ln), r: Number(r), p: Number(p) };
    return equal(await scryptKey(password, bytes(salt ?? ''), cost, expected.length), expected);
  }
  m = PBKDF2.exec(stored);
  if (m !== null) {
    const [, digest, iterations, salt, hash] = m;
    const expected = bytes(hash ?? '');
    const derived = await new Promise<Buffer>((resolve, reject) =>
      pbkdf2(password, bytes(salt ?? ''), Number(iterations), expected.length, digest ?? 'sha256', (error, key) =>
        error ? reject(error) : resolve(key),
      ),
    );
    return equal(derived, expected);
  }
  return false;
}

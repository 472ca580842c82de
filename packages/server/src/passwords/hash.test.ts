import { afterEach, describe, expect, test } from 'vitest';
import {
  checkAgainstDummy,
  checkPasswordHash,
  DEFAULT_SCRYPT_COST,
  hashPassword,
  parseScrypt,
  passwordHashCost,
  setPasswordHashCost,
} from './hash.js';
import { isImportedHash, verifyImportedHash } from './imported-hash.js';

// Hashing at rest (docs/security.md AUTH-07): scrypt with its parameters in the stored string,
// constant-time checks, imported hashes checked against vectors made by other implementations.
const FAST = { ln: 4, r: 8, p: 1 };
afterEach(() => setPasswordHashCost(FAST));
const strip = (base64: string) => base64.replace(/=+$/, '');

describe("this server's scrypt hashes", () => {
  test('production cost: N=2^16, r=8, p=2 by default; the time of one hash is printed', async () => {
    setPasswordHashCost(undefined);
    expect(passwordHashCost()).toEqual(DEFAULT_SCRYPT_COST);
    expect(DEFAULT_SCRYPT_COST).toEqual({ ln: 16, r: 8, p: 2 });
    const started = performance.now();
    const hash = await hashPassword('correct horse battery staple');
    const hashMs = performance.now() - started;
    const again = performance.now();
    expect(await checkPasswordHash('correct horse battery staple', hash)).toEqual({ ok: true, upgrade: false });
    console.log(
      `[passwords] scrypt ln=16 r=8 p=2 (64 MiB): hash ${hashMs.toFixed(0)} ms, verify ${(performance.now() - again).toFixed(0)} ms`,
    );
  });

  test('are PHC strings with their parameters, a fresh salt each, never the plaintext', async () => {
    setPasswordHashCost(FAST);
    const a = await hashPassword('hunter2-but-longer');
    const b = await hashPassword('hunter2-but-longer');
    expect(a).toMatch(/^\$scrypt\$ln=4,r=8,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain('hunter2');
    expect(parseScrypt(a)?.key).toHaveLength(32);
  });

  test('check: right, wrong, and the same password in another Unicode form (NFKC)', async () => {
    setPasswordHashCost(FAST);
    const hash = await hashPassword('Ångström ﬁle');
    expect((await checkPasswordHash('Ångström ﬁle', hash)).ok).toBe(true);
    expect((await checkPasswordHash('A\u030angstro\u0308m file', hash)).ok).toBe(true);
    expect((await checkPasswordHash('Angstrom file', hash)).ok).toBe(false);
    expect((await checkPasswordHash('', hash)).ok).toBe(false);
    expect((await checkPasswordHash('x', '$scrypt$ln=4,r=8,p=1$AAAA$')).ok).toBe(false);
    expect((await checkPasswordHash('x', 'garbage')).ok).toBe(false);
  });

  test('a hash of another cost asks for an upgrade once the cost is raised; the current one does not', async () => {
    setPasswordHashCost(FAST);
    const old = await hashPassword('pw-upgrade-check');
    expect(await checkPasswordHash('pw-upgrade-check', old)).toEqual({ ok: true, upgrade: false });
    setPasswordHashCost({ ln: 5, r: 8, p: 1 });
    expect(await checkPasswordHash('pw-upgrade-check', old)).toEqual({ ok: true, upgrade: true });
    expect(await checkPasswordHash('wrong', old)).toEqual({ ok: false, upgrade: true });
  });

  test('an email without a password spends a check too, and fails', async () => {
    setPasswordHashCost(FAST);
    expect(await checkAgainstDummy('anything')).toBe(false);
  });

  test('refuses a cost outside its bounds', () => {
    expect(() => setPasswordHashCost({ ln: 0, r: 8, p: 1 })).toThrow(/ln/);
    expect(() => setPasswordHashCost({ ln: 25, r: 8, p: 1 })).toThrow(/ln/);
  });
});

describe('imported hashes, checked against vectors from other implementations', () => {
  test('bcrypt ($2a$ / $2b$ / $2y$, crypt_blowfish test vector)', async () => {
    for (const prefix of ['$2a$', '$2b$', '$2y$']) {
      const hash = `${prefix}05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW`;
      expect(isImportedHash(hash)).toBe(true);
      expect(await verifyImportedHash('U*U', hash)).toBe(true);
      expect(await verifyImportedHash('U*V', hash)).toBe(false);
    }
    const upgrade = await checkPasswordHash('U*U', '$2a$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW');
    expect(upgrade).toEqual({ ok: true, upgrade: true });
  });

  test('argon2i and argon2id (the reference implementation test vectors)', async () => {
    const i = '$argon2i$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$wWKIMhR9lyDFvRz9YTZweHKfbftvj+qf+YFY4NeBbtA';
    const id = '$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc';
    expect(await verifyImportedHash('password', i)).toBe(true);
    expect(await verifyImportedHash('password', id)).toBe(true);
    expect(await verifyImportedHash('passwort', id)).toBe(false);
  });

  test('scrypt with its own parameters and PBKDF2 sha256 / sha512 (vectors from Python hashlib)', async () => {
    const scrypt = `$scrypt-import$ln=10,r=8,p=1$${strip(Buffer.from('pepper-salt').toString('base64'))}$${strip('Ky4Ort7PlY7xMppXYKvsQX4WtPmd8e8/T5viCFbplAU=')}`;
    expect(await verifyImportedHash('correct horse', scrypt)).toBe(true);
    expect(await verifyImportedHash('correct horsf', scrypt)).toBe(false);
    const sha256 = `$pbkdf2-sha256$i=1000$${strip('c2FsdHNhbHQxMjM0')}$${strip('vCowWi1dB0WkHn96blKCnL2OG83kjxRxvy4fTd6Hm28=')}`;
    expect(await verifyImportedHash('correct horse', sha256)).toBe(true);
    expect(await verifyImportedHash('correct horse ', sha256)).toBe(false);
    const sha512 = `$pbkdf2-sha512$i=2000$${strip(Buffer.from('NaCl').toString('base64'))}$${strip('L2qPv9W0hqI4sWz5Ny/cEgWtIsosNWfUcktQ8IX/B2sWpasLb0FlHsFRwAZ7tUxiB0yB5NCQ5abccdInZQUeUg==')}`;
    expect(await verifyImportedHash('pässwörd', sha512)).toBe(true);
    expect(await checkPasswordHash('pässwörd', sha512)).toEqual({ ok: true, upgrade: true });
  });

  test('an unknown format never matches', async () => {
    expect(isImportedHash('$md5$abc')).toBe(false);
    expect(await verifyImportedHash('x', '$md5$abc')).toBe(false);
  });
});

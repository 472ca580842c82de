import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, test } from 'vitest';
import { createSecretBox, KEY_FILE, loadSecretBox } from './secret-box.js';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'orgauth-box-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('createSecretBox (AES-256-GCM)', () => {
  const box = createSecretBox(randomBytes(32));

  test('round-trips, in the versioned v1.<iv>.<ciphertext+tag> format, with a fresh IV each time', () => {
    const a = box.seal('client-secret-éß');
    const b = box.seal('client-secret-éß');
    expect(a).toMatch(/^v1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]+$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain('client-secret');
    expect(box.open(a)).toBe('client-secret-éß');
    expect(box.isSealed(a)).toBe(true);
    expect(box.isSealed('{"kty":"EC"}')).toBe(false);
  });

  test('mac: keyed, per purpose, deterministic; another key gives another digest', () => {
    const digest = box.mac('email-otp', '123456');
    expect(digest).toMatch(/^[0-9a-f]{64}$/);
    expect(box.mac('email-otp', '123456')).toBe(digest);
    expect(box.mac('email-otp', '123457')).not.toBe(digest);
    expect(box.mac('other', '123456')).not.toBe(digest);
    expect(createSecretBox(randomBytes(32)).mac('email-otp', '123456')).not.toBe(digest);
  });

  test('refuses a tampered value, a value sealed with another key, and non-sealed text', () => {
    const sealed = box.seal('secret');
    const [v, iv, body] = sealed.split('.') as [string, string, string];
    const flipped = Buffer.from(body, 'base64url');
    flipped[0] = flipped[0]! ^ 1;
    expect(() => box.open(`${v}.${iv}.${flipped.toString('base64url')}`)).toThrow();
    expect(() => createSecretBox(randomBytes(32)).open(sealed)).toThrow();
    expect(() => box.open('secret')).toThrow(/Not a sealed value/);
    expect(() => box.open(`v1.${iv}`)).toThrow(/Not a sealed value/);
  });

  test('keys must be 32 bytes; the fingerprint identifies the key without revealing it', () => {
    expect(() => createSecretBox(randomBytes(16))).toThrow(/32 bytes/);
    const key = randomBytes(32);
    expect(createSecretBox(key).fingerprint).toBe(createSecretBox(key).fingerprint);
    expect(createSecretBox(key).fingerprint).not.toBe(createSecretBox(randomBytes(32)).fingerprint);
    expect(createSecretBox(key).fingerprint).not.toContain(key.toString('base64url').slice(0, 8));
  });
});

describe('loadSecretBox: option, then ORGAUTH_ENCRYPTION_KEY, then <dataDir>/encryption.key', () => {
  test('creates the key file 0600 on first start and reuses it', () => {
    const dir = tempDir();
    const first = loadSecretBox({ dataDir: dir, env: {} });
    const file = join(dir, KEY_FILE);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(Buffer.from(readFileSync(file, 'utf8').trim(), 'base64')).toHaveLength(32);
    expect(loadSecretBox({ dataDir: dir, env: {} }).open(first.seal('x'))).toBe('x');
  });

  test('the option wins over the env, the env over the key file', () => {
    const dir = tempDir();
    const optionKey = randomBytes(32).toString('base64');
    const envKey = randomBytes(32).toString('base64');
    const fromOption = loadSecretBox({
      encryptionKey: optionKey,
      env: { ORGAUTH_ENCRYPTION_KEY: envKey },
      dataDir: dir,
    });
    expect(fromOption.fingerprint).toBe(createSecretBox(Buffer.from(optionKey, 'base64')).fingerprint);
    const fromEnv = loadSecretBox({ env: { ORGAUTH_ENCRYPTION_KEY: envKey }, dataDir: dir });
    expect(fromEnv.fingerprint).toBe(createSecretBox(Buffer.from(envKey, 'base64')).fingerprint);
    expect(() => statSync(join(dir, KEY_FILE))).toThrow();
  });

  test('no key and no data dir (PostgreSQL) refuses with the fix spelled out; a short key is refused', () => {
    expect(() => loadSecretBox({ env: {} })).toThrow(/ORGAUTH_ENCRYPTION_KEY/);
    expect(() => loadSecretBox({ env: { ORGAUTH_ENCRYPTION_KEY: 'c2hvcnQ=' } })).toThrow(/32 random bytes/);
  });
});

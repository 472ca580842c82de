import { describe, expect, test } from 'vitest';
import { matchTotpStep, newTotpSecret, totpCode, totpQrCode, totpStep } from './totp.js';

// RFC 6238 with the parameters authenticator apps assume: SHA-1, 30 s, 6 digits; ±1 step accepted.

describe('TOTP codes (RFC 6238)', () => {
  test('match the RFC 6238 SHA-1 test vector (secret "12345678901234567890", T = 59 s → 287082)', () => {
    const secret = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ'; // base32 of the RFC's ASCII key
    expect(totpCode(secret, 59_000)).toBe('287082');
    expect(totpCode(secret, 1_111_111_109_000)).toBe('081804');
  });

  test('a code of the step before or after is accepted, two steps away refused', () => {
    const secret = newTotpSecret();
    const now = Date.parse('2030-01-01T00:00:10Z');
    const step = totpStep(now);
    expect(matchTotpStep(secret, totpCode(secret, now), now)).toBe(step);
    expect(matchTotpStep(secret, totpCode(secret, now - 30_000), now)).toBe(step - 1);
    expect(matchTotpStep(secret, totpCode(secret, now + 30_000), now)).toBe(step + 1);
    expect(matchTotpStep(secret, totpCode(secret, now - 60_000), now)).toBeNull();
    expect(matchTotpStep(secret, totpCode(secret, now + 60_000), now)).toBeNull();
  });

  test('malformed codes never match', () => {
    const secret = newTotpSecret();
    for (const code of ['', '12345', '1234567', 'abcdef', ' 123456']) expect(matchTotpStep(secret, code, 0)).toBeNull();
  });

  test('secrets are 160-bit base32; the QR code is a PNG data URL', async () => {
    const secret = newTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(newTotpSecret()).not.toBe(secret);
    const qr = await totpQrCode(secret, 'Acme', 'ada@acme.test');
    expect(qr).toMatch(/^data:image\/png;base64,[A-Za-z0-9+/]+=*$/);
    console.log(`TOTP QR code data URL: ${qr.length} characters`);
  });
});

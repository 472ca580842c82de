import { describe, expect, test } from 'vitest';
import { digestsEqual, newId, newSecret, newToken, pkceChallenge, sha256Hex } from './crypto.js';

describe('crypto helpers', () => {
  test('tokens are 44-char base64url with ≥ 256 bits and do not repeat', () => {
    const tokens = new Set(Array.from({ length: 1000 }, newToken));
    expect(tokens.size).toBe(1000);
    for (const token of tokens) expect(token).toMatch(/^[A-Za-z0-9_-]{44}$/);
  });

  test('ids and secrets have the Stytch shapes', () => {
    expect(newId('organization')).toMatch(
      /^organization-test-[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(newSecret()).toMatch(/^secret-test-[A-Za-z0-9_-]{43}$/);
  });

  test('digest comparison', () => {
    expect(digestsEqual(sha256Hex('a'), sha256Hex('a'))).toBe(true);
    expect(digestsEqual(sha256Hex('a'), sha256Hex('b'))).toBe(false);
    expect(digestsEqual('', '')).toBe(false);
  });

  test('PKCE S256 matches the Stytch SDK test vector', () => {
    expect(pkceChallenge('0'.repeat(32))).toBe('hODA6vqpWjTCk_J4rFLkXOU3urXnUqAOaVmhOuEDtlo');
  });
});

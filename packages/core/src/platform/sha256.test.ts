import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sha256Sync } from './sha256.js';

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

describe('sha256Sync', () => {
  it('matches the FIPS 180-2 vector for "abc"', () => {
    expect(hex(sha256Sync(new TextEncoder().encode('abc')))).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });

  it('matches node:crypto for inputs around the 55/56/64-byte padding edges', () => {
    for (const length of [0, 1, 55, 56, 63, 64, 65, 119, 128, 1000]) {
      const input = randomBytes(length);
      expect(hex(sha256Sync(input)), `length ${length}`).toBe(createHash('sha256').update(input).digest('hex'));
    }
  });
});

describe('sha256 computed constants', () => {
  it('digests the empty string (a single padding block) as FIPS 180-4 says', () => {
    expect(hex(sha256Sync(new Uint8Array()))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });
});

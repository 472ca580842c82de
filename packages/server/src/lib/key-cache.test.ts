import { createPrivateKey, generateKeyPairSync } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { createKeyCache } from './key-cache.js';

const pair = () => generateKeyPairSync('ec', { namedCurve: 'P-256' });

describe('createKeyCache', () => {
  test('reads each kid once, and retries a kid whose read failed', async () => {
    const jwk = JSON.stringify(pair().privateKey.export({ format: 'jwk' }));
    const cache = createKeyCache((parsed) => createPrivateKey({ key: parsed, format: 'jwk' }));
    let reads = 0;
    const read = async () => {
      reads++;
      return jwk;
    };
    const a = await cache('kid-1', read);
    expect(await cache('kid-1', read)).toBe(a);
    expect(reads).toBe(1);
    await expect(cache('kid-2', async () => 'not json')).rejects.toThrow();
    expect(await cache('kid-2', read)).toBeDefined();
  });
});

import { generateKeyPairSync } from 'node:crypto';
import { decodeProtectedHeader, jwtVerify } from 'jose';
import { describe, expect, test } from 'vitest';
import { signEs256 } from './jws.js';

const pair = () => generateKeyPairSync('ec', { namedCurve: 'P-256' });

describe('signEs256', () => {
  test('makes a JWT jose verifies, with the header and claims given', async () => {
    const { privateKey, publicKey } = pair();
    const payload = { sub: 'member-test-1', aud: ['project-test-1'], nested: { ünïcode: '✓' }, exp: 4_000_000_000 };
    const jwt = signEs256({ typ: 'JWT', kid: 'kid-1' }, payload, privateKey);
    expect(decodeProtectedHeader(jwt)).toEqual({ alg: 'ES256', typ: 'JWT', kid: 'kid-1' });
    const verified = await jwtVerify(jwt, publicKey, { algorithms: ['ES256'], audience: 'project-test-1' });
    expect(verified.payload).toEqual(payload);
    // JWS wants the raw 64-byte r‖s signature, not DER.
    expect(Buffer.from(jwt.split('.')[2] as string, 'base64url')).toHaveLength(64);
  });

  test('a changed payload or another key fails verification', async () => {
    const { privateKey, publicKey } = pair();
    const jwt = signEs256({ typ: 'JWT', kid: 'kid-1' }, { sub: 'a' }, privateKey);
    const [head, , signature] = jwt.split('.');
    const forged = `${head}.${Buffer.from(JSON.stringify({ sub: 'b' })).toString('base64url')}.${signature}`;
    await expect(jwtVerify(forged, publicKey)).rejects.toThrow();
    await expect(jwtVerify(jwt, pair().publicKey)).rejects.toThrow();
  });
});

import { createHmac, generateKeyPairSync } from 'node:crypto';
import { SignJWT, type JWTPayload } from 'jose';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createOidcFixture, type OidcFixture } from './testing/oidc-flow.js';

let f: OidcFixture;
beforeEach(async () => {
  f = await createOidcFixture();
});
afterEach(async () => {
  await f.close();
});

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** Signs in and expects a refusal page of `errorType`, with no session and no member created. */
async function expectRefused(errorType = 'oidc_response_invalid') {
  const res = await f.signIn();
  expect(res.status, res.text).toBe(400);
  expect(res.errorType).toBe(errorType);
  expect(res.location).toBeNull();
  expect(await f.t.server.db.selectFrom('sessions').select('id').execute()).toHaveLength(0);
  expect(
    await f.t.server.db.selectFrom('members').select('id').where('organization_id', '=', f.organizationId).execute(),
  ).toHaveLength(0);
  expect(
    await f.t.server.db.selectFrom('one_time_tokens').select('hash').where('kind', '=', 'sso').execute(),
  ).toHaveLength(0);
  return res;
}

const withClaims = (change: (c: JWTPayload) => JWTPayload) => {
  f.op.claims = change;
};

describe('OIDC attack cases (docs/security.md §3), each refused', () => {
  test('control: the untampered flow succeeds', async () => {
    expect((await f.signIn()).status).toBe(303);
  });

  test('O4: missing nonce', async () => {
    withClaims(({ nonce: _nonce, ...rest }) => rest);
    await expectRefused();
  });

  test('O4: wrong nonce', async () => {
    withClaims((c) => ({ ...c, nonce: 'someone-elses-nonce' }));
    await expectRefused();
  });

  test('O5: wrong issuer in the ID token', async () => {
    withClaims((c) => ({ ...c, iss: 'https://evil.example' }));
    await expectRefused();
  });

  test('O8: wrong audience', async () => {
    withClaims((c) => ({ ...c, aud: 'another-client' }));
    await expectRefused();
  });

  test('O8: several audiences without azp', async () => {
    withClaims((c) => ({ ...c, aud: [f.op.clientId, 'another-client'] }));
    await expectRefused();
  });

  test('O10: alg none (unsigned ID token)', async () => {
    f.op.idToken = (claims) => `${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims)}.`;
    await expectRefused();
  });

  test('O11: HS256 signed with the OP public key as the HMAC secret', async () => {
    f.op.idToken = (claims) => {
      const input = `${b64({ alg: 'HS256', typ: 'JWT', kid: 'op-key-1' })}.${b64(claims)}`;
      return `${input}.${createHmac('sha256', f.op.publicPem).update(input).digest('base64url')}`;
    };
    await expectRefused();
  });

  test('O9: RS256 signature by another key (kid of the real one)', async () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    f.op.idToken = (claims) =>
      new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: 'op-key-1' }).sign(privateKey);
    await expectRefused();
  });

  test('O16: an embedded jwk header is ignored (attacker key in the token itself)', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const jwk = publicKey.export({ format: 'jwk' });
    f.op.idToken = (claims) =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: 'RS256', jwk: { kty: 'RSA', n: jwk.n as string, e: jwk.e as string } })
        .sign(privateKey);
    await expectRefused();
  });

  test('O14: expired ID token', async () => {
    withClaims((c) => ({ ...c, iat: (c.iat as number) - 7200, exp: (c.iat as number) - 3600 }));
    await expectRefused();
  });

  test('O14: missing sub', async () => {
    withClaims(({ sub: _sub, ...rest }) => rest);
    await expectRefused();
  });

  test('O15: userinfo sub differs from the ID token sub', async () => {
    withClaims((c) => ({ ...c, sub: 'other-subject', email_verified: false }));
    await expectRefused();
  });
});

import { createHmac } from 'node:crypto';
import { SignJWT, decodeJwt, decodeProtectedHeader, exportJWK, generateKeyPair, importJWK, type JWK } from 'jose';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { revokeSessionsForMember } from './revocation.js';
import { createSigningKeys } from './signing-keys.js';
import { discover, signUp } from '../testing/journey.js';
import { createTestServer, type TestServer } from '../testing/test-server.js';

let t: TestServer;
beforeEach(async () => {
  t = await createTestServer({ dev: true });
});
afterEach(async () => {
  await t.close();
});

const b64 = (value: unknown) =>
  Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
const authenticateJwt = (jwt: string) => t.api('/sessions/authenticate', { body: { session_jwt: jwt } });

async function refusedAsInvalid(jwt: string): Promise<void> {
  const res = await authenticateJwt(jwt);
  expect(res.status).toBe(401);
  expect(res.body.error_type).toBe('jwt_invalid');
}

describe('session JWT verification (docs/security.md JWT-01…06, SES-05/06/15)', () => {
  test('the genuine JWT passes (control for every refusal below)', async () => {
    const s = await signUp(t, 'ada@example.com', 'acme');
    expect((await authenticateJwt(s.session_jwt)).status).toBe(200);
  });

  test('one flipped byte in the payload or the signature is refused (JWT-01)', async () => {
    const s = await signUp(t, 'ada@example.com', 'acme');
    const [header, payload, signature] = s.session_jwt.split('.') as [string, string, string];
    const bytes = Buffer.from(payload, 'base64url');
    const at = bytes.indexOf('ada@example.com');
    bytes[at] = 'b'.charCodeAt(0); // still valid JSON, different email
    await refusedAsInvalid(`${header}.${bytes.toString('base64url')}.${signature}`);
    const sig = Buffer.from(signature, 'base64url');
    sig[10] = (sig[10] ?? 0) ^ 1;
    await refusedAsInvalid(`${header}.${payload}.${sig.toString('base64url')}`);
  });

  test('alg:none and HS256 keyed with the public key (JWK and PEM bytes) are refused (JWT-02)', async () => {
    const s = await signUp(t, 'ada@example.com', 'acme');
    const { kid } = decodeProtectedHeader(s.session_jwt);
    const payload = s.session_jwt.split('.')[1] as string;
    await refusedAsInvalid(`${b64({ alg: 'none', typ: 'JWT', kid })}.${payload}.`);
    const jwks = (await t.api(`/sessions/jwks/${t.server.project.project_id}`, { auth: null })).body;
    const jwk = jwks.keys[0];
    const { createPublicKey } = await import('node:crypto');
    const pem = createPublicKey({ key: jwk, format: 'jwk' }).export({ format: 'pem', type: 'spki' }).toString();
    for (const secret of [JSON.stringify(jwk), pem]) {
      const signingInput = `${b64({ alg: 'HS256', typ: 'JWT', kid })}.${payload}`;
      const mac = createHmac('sha256', secret).update(signingInput).digest('base64url');
      await refusedAsInvalid(`${signingInput}.${mac}`);
    }
  });

  test('a key embedded in the token or an unknown kid is never used (JWT-03)', async () => {
    const s = await signUp(t, 'ada@example.com', 'acme');
    const claims = decodeJwt(s.session_jwt);
    const { kid } = decodeProtectedHeader(s.session_jwt);
    const attacker = await generateKeyPair('ES256');
    const jwk = await exportJWK(attacker.publicKey);
    await refusedAsInvalid(
      await new SignJWT(claims)
        .setProtectedHeader({ alg: 'ES256', typ: 'JWT', kid: kid as string, jwk })
        .sign(attacker.privateKey),
    );
    await refusedAsInvalid(
      await new SignJWT(claims)
        .setProtectedHeader({ alg: 'ES256', typ: 'JWT', kid: 'jwk-test-nope' })
        .sign(attacker.privateKey),
    );
  });

  test("project B's JWT is refused by project A, even with A's iss and aud (JWT-06)", async () => {
    const s = await signUp(t, 'ada@example.com', 'acme');
    const other = createSigningKeys(t.server.db, t.clock.now, t.server.secretBox);
    const forged = await other.signSessionJwt('project-test-other', s.member_session, t.clock.now());
    await refusedAsInvalid(forged);
    // Re-sign A's exact claims (iss, aud, sub, session) with B's genuine key and kid.
    const bKid = decodeProtectedHeader(forged).kid as string;
    const bRow = await t.server.db
      .selectFrom('session_signing_keys')
      .selectAll()
      .where('kid', '=', bKid)
      .executeTakeFirstOrThrow();
    const bKey = await importJWK(JSON.parse(t.server.secretBox.open(bRow.private_jwk)) as JWK, 'ES256');
    await refusedAsInvalid(
      await new SignJWT(decodeJwt(s.session_jwt))
        .setProtectedHeader({ alg: 'ES256', typ: 'JWT', kid: bKid })
        .sign(bKey),
    );
    const aJwks = (await t.api(`/sessions/jwks/${t.server.project.project_id}`, { auth: null })).body;
    expect(aJwks.keys.map((k: { kid: string }) => k.kid)).not.toContain(bKid);
  });

  test('an expired JWT is refused with jwt_expired even though the session lives (JWT-04)', async () => {
    const s = await signUp(t, 'ada@example.com', 'acme');
    t.clock.advance(299_000);
    expect((await authenticateJwt(s.session_jwt)).status).toBe(200);
    t.clock.advance(1_000);
    const res = await authenticateJwt(s.session_jwt);
    expect(res.status).toBe(401);
    expect(res.body.error_type).toBe('jwt_expired');
    expect((await t.api('/sessions/authenticate', { body: { session_token: s.session_token } })).status).toBe(200);
  });

  test("a revoked session's still-unexpired JWT is refused at once (SES-05)", async () => {
    const s = await signUp(t, 'ada@example.com', 'acme');
    expect((await t.sdk('/b2b/sessions/revoke', { method: 'POST', session: s.session_token })).status).toBe(200);
    const res = await authenticateJwt(s.session_jwt);
    expect(res.status).toBe(404);
    expect(res.body.error_type).toBe('session_not_found');
  });

  test('an intermediate session token is not a session, by token or as a JWT (SES-15, JWT-05)', async () => {
    const { ist } = await discover(t, 'ada@example.com');
    expect((await t.api('/sessions/authenticate', { body: { session_token: ist } })).body.error_type).toBe(
      'unauthorized_credentials',
    );
    await refusedAsInvalid(ist);
  });

  test('revokeSessionsForMember (member deletion) kills every token and JWT of the member (SES-06)', async () => {
    const s = await signUp(t, 'ada@example.com', 'acme');
    const second = await t.api('/sessions/authenticate', { body: { session_token: s.session_token } });
    const count = await revokeSessionsForMember(
      t.server.db,
      t.server.project.project_id,
      s.member.member_id,
      t.clock.now(),
    );
    expect(count).toBe(1);
    for (const body of [
      { session_token: s.session_token },
      { session_jwt: s.session_jwt },
      { session_jwt: second.body.session_jwt },
    ]) {
      expect((await t.api('/sessions/authenticate', { body })).body.error_type).toBe('session_not_found');
    }
    expect(await revokeSessionsForMember(t.server.db, 'project-test-other', s.member.member_id, t.clock.now())).toBe(0);
  });
});

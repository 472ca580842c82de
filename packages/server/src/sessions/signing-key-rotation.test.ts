import { decodeProtectedHeader } from 'jose';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { signUp } from '../testing/journey.js';
import { createTestServer, type TestServer } from '../testing/test-server.js';
import { KEY_OVERLAP_MS, rotateSigningKey } from './signing-key-store.js';

let t: TestServer;
beforeEach(async () => {
  t = await createTestServer({ dev: true });
});
afterEach(async () => {
  await t.close();
});

const jwksKids = async () =>
  ((await t.api(`/sessions/jwks/${t.server.project.project_id}`, { auth: null })).body.keys as { kid: string }[]).map(
    (k) => k.kid,
  );
const kidOf = (jwt: string) => decodeProtectedHeader(jwt).kid as string;
const refresh = (token: string) => t.api('/sessions/authenticate', { body: { session_token: token } });

describe('signing-key rotation (JWT-07)', () => {
  test('JWKS keys are public EC P-256 keys with the fields jose/stytch check, and no private part', async () => {
    const res = await t.api(`/sessions/jwks/${t.server.project.project_id}`, { auth: null });
    expect(res.status).toBe(200);
    expect(res.body.keys).toHaveLength(2);
    for (const key of res.body.keys)
      expect(key).toEqual({
        kty: 'EC',
        crv: 'P-256',
        x: expect.any(String),
        y: expect.any(String),
        kid: expect.stringMatching(/^jwk-test-/),
        alg: 'ES256',
        use: 'sig',
        key_ops: ['verify'],
      });
    expect((await t.api('/sessions/jwks/project-test-nope', { auth: null })).status).toBe(404);
  });

  test('after rotation new JWTs use the new kid; the old JWT verifies during the overlap, then its key is gone', async () => {
    const s = await signUp(t, 'ada@example.com', 'acme');
    const oldKid = kidOf(s.session_jwt);
    const before = await jwksKids();
    expect(before).toHaveLength(2);
    expect(before[0]).toBe(oldKid); // the signing key comes first

    t.clock.advance(1000);
    const rotation = await rotateSigningKey(
      t.server.db,
      t.server.project.project_id,
      t.clock.now(),
      t.server.secretBox,
    );
    expect(rotation.retiredKid).toBe(oldKid);
    // The new signing key was published before it signed anything (JWT-07).
    expect(before).toContain(rotation.kid);
    expect((await jwksKids()).sort()).toEqual([rotation.kid, rotation.nextKid, oldKid].sort());
    const fresh = await refresh(s.session_token);
    expect(kidOf(fresh.body.session_jwt)).toBe(rotation.kid);
    expect((await t.api('/sessions/authenticate', { body: { session_jwt: s.session_jwt } })).status).toBe(200);

    // Survives a restart: the keys live in the database, not in memory.
    await t.restart();
    expect(kidOf((await refresh(s.session_token)).body.session_jwt)).toBe(rotation.kid);

    t.clock.advance(KEY_OVERLAP_MS - 1);
    expect(await jwksKids()).toContain(oldKid);
    t.clock.advance(1);
    expect((await jwksKids()).sort()).toEqual([rotation.kid, rotation.nextKid].sort());
    expect(KEY_OVERLAP_MS).toBe(15 * 60_000);
  });

  test('a JWT signed by a dropped key is refused even with a live session', async () => {
    const s = await signUp(t, 'ada@example.com', 'acme');
    await t.api('/sessions/authenticate', { body: { session_token: s.session_token, session_duration_minutes: 120 } });
    await rotateSigningKey(t.server.db, t.server.project.project_id, t.clock.now(), t.server.secretBox);
    t.clock.advance(KEY_OVERLAP_MS);
    // The old JWT is long expired by now too; revocation with allowExpired still needs a published key.
    const res = await t.api('/sessions/revoke', { body: { session_jwt: s.session_jwt } });
    expect(res.status).toBe(401);
    expect(res.body.error_type).toBe('jwt_invalid');
  });

  test('rotating twice purges keys past their overlap and keeps exactly one active key', async () => {
    await signUp(t, 'ada@example.com', 'acme');
    const projectId = t.server.project.project_id;
    const first = await rotateSigningKey(t.server.db, projectId, t.clock.now(), t.server.secretBox);
    t.clock.advance(KEY_OVERLAP_MS + 1);
    const second = await rotateSigningKey(t.server.db, projectId, t.clock.now(), t.server.secretBox);
    const rows = await t.server.db
      .selectFrom('session_signing_keys')
      .select(['kid', 'state'])
      .where('project_id', '=', projectId)
      .execute();
    expect(rows.map((r) => r.kid).sort()).toEqual([first.kid, second.kid, second.nextKid].sort());
    expect(second.kid).toBe(first.nextKid);
    expect(rows.filter((r) => r.state === 'active').map((r) => r.kid)).toEqual([second.kid]);
    expect(rows.filter((r) => r.state === 'next').map((r) => r.kid)).toEqual([second.nextKid]);
  });
});

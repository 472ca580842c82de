import { decodeJwt, decodeProtectedHeader } from 'jose';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { signUp } from '../testing/journey.js';
import { createTestServer, type TestServer } from '../testing/test-server.js';
import { createJwtMemo, JWT_REUSE_MS } from './jwt-memo.js';
import { createSigningKeys } from './signing-keys.js';

describe('createJwtMemo', () => {
  test('returns the JWT for the same claims inside the window, nothing after it or for other claims', () => {
    const memo = createJwtMemo();
    memo.set('p:s1', 'kid:claims', 1_000_000, 'jwt-1');
    expect(memo.get('p:s1', 'kid:claims', 1_000_000)).toBe('jwt-1');
    expect(memo.get('p:s1', 'kid:claims', 1_000_000 + JWT_REUSE_MS - 1)).toBe('jwt-1');
    expect(memo.get('p:s1', 'kid:claims', 1_000_000 + JWT_REUSE_MS)).toBeUndefined();
    expect(memo.get('p:s1', 'kid:other-claims', 1_000_000)).toBeUndefined();
    expect(memo.get('p:s2', 'kid:claims', 1_000_000)).toBeUndefined();
    // A clock that went back never reuses: the JWT would carry an iat in the future.
    expect(memo.get('p:s1', 'kid:claims', 999_999)).toBeUndefined();
  });

  test('holds at most its limit, dropping the oldest session first', () => {
    const memo = createJwtMemo(2);
    memo.set('a', 'c', 0, 'jwt-a');
    memo.set('b', 'c', 0, 'jwt-b');
    memo.set('c', 'c', 0, 'jwt-c');
    expect(memo.get('a', 'c', 0)).toBeUndefined();
    expect(memo.get('b', 'c', 0)).toBe('jwt-b');
    expect(memo.get('c', 'c', 0)).toBe('jwt-c');
  });
});

describe('signSessionJwt reuses a recent JWT only while nothing in it would change', () => {
  let t: TestServer;
  beforeEach(async () => {
    t = await createTestServer({ dev: true });
  });
  afterEach(async () => {
    await t.close();
  });

  test('same session and claims within the window: the same JWT; later, changed claims, another project or key: a new one', async () => {
    const s = await signUp(t, 'ada@example.com', 'acme');
    const keys = createSigningKeys(t.server.db, t.clock.now, t.server.secretBox);
    const projectId = t.server.project.project_id;
    const first = await keys.signSessionJwt(projectId, s.member_session, t.clock.now());
    t.clock.advance(JWT_REUSE_MS - 1_000);
    expect(await keys.signSessionJwt(projectId, s.member_session, t.clock.now())).toBe(first);

    const promoted = { ...s.member_session, roles: [...s.member_session.roles, 'auditor'] };
    const changed = await keys.signSessionJwt(projectId, promoted, t.clock.now());
    expect(changed).not.toBe(first);
    expect((decodeJwt(changed)['https://stytch.com/session'] as { roles: string[] }).roles).toContain('auditor');

    const other = await keys.signSessionJwt('project-test-other', s.member_session, t.clock.now());
    expect(decodeJwt(other).iss).toBe('stytch.com/project-test-other');

    t.clock.advance(2_000);
    const later = await keys.signSessionJwt(projectId, promoted, t.clock.now());
    expect(later).toBe(changed);
    t.clock.advance(JWT_REUSE_MS);
    const renewed = await keys.signSessionJwt(projectId, promoted, t.clock.now());
    expect(renewed).not.toBe(changed);
    expect(decodeJwt(renewed).iat).toBe(Math.floor(t.clock.now() / 1000));

    await keys.rotate(projectId);
    const afterRotation = await keys.signSessionJwt(projectId, promoted, t.clock.now());
    expect(decodeProtectedHeader(afterRotation).kid).not.toBe(decodeProtectedHeader(renewed).kid);
  });
});

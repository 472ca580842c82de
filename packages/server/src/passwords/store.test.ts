import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createTestServer, type TestServer } from '../testing/test-server.js';
import { hashPassword, setPasswordHashCost } from './hash.js';
import { deletePassword, findPassword, setPassword, storePasswordHash, verifyPassword } from './store.js';

// The per-email password store on the test server's database (SQLite, or PostgreSQL with
// ORGAUTH_TEST_DATABASE_URL): one row per (project, lowercased email), upgrades on sign-in.
let t: TestServer;
let project: string;
beforeEach(async () => {
  t = await createTestServer({ rateLimits: false });
  project = t.server.project.project_id;
});
afterEach(async () => {
  setPasswordHashCost({ ln: 4, r: 8, p: 1 });
  await t.close();
});

describe('the password store', () => {
  test('set: one row per lowercased email, the id kept when the password changes; the hash is scrypt', async () => {
    const first = await setPassword(t.server.db, project, 'Ada@Acme.test', 'first-password', 1000);
    expect(first.id).toMatch(/^member-password-test-[0-9a-f-]{36}$/);
    expect(first).toMatchObject({ email: 'ada@acme.test', created_at: 1000, updated_at: 1000 });
    expect(first.hash).toMatch(/^\$scrypt\$ln=4,r=8,p=1\$/);
    const second = await setPassword(t.server.db, project, 'ada@acme.test', 'second-password', 2000);
    expect(second.id).toBe(first.id);
    expect(Number(second.updated_at)).toBe(2000);
    expect(second.hash).not.toBe(first.hash);
    expect(await t.server.db.selectFrom('member_passwords').selectAll().execute()).toHaveLength(1);
    expect((await findPassword(t.server.db, project, 'ADA@acme.test'))?.id).toBe(first.id);
    expect(await findPassword(t.server.db, 'project-test-other', 'ada@acme.test')).toBeUndefined();
  });

  test('verify: right, wrong, unknown email, other project', async () => {
    await setPassword(t.server.db, project, 'ada@acme.test', 'right-password', 1000);
    expect(await verifyPassword(t.server.db, project, 'ADA@acme.test', 'right-password', 2000)).toBe(true);
    expect(await verifyPassword(t.server.db, project, 'ada@acme.test', 'wrong-password', 2000)).toBe(false);
    expect(await verifyPassword(t.server.db, project, 'eve@acme.test', 'right-password', 2000)).toBe(false);
    expect(await verifyPassword(t.server.db, 'project-test-other', 'ada@acme.test', 'right-password', 2000)).toBe(
      false,
    );
  });

  test('verify upgrades an imported or older-cost hash on success only, keeping the id', async () => {
    const imported = '$2a$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW';
    const row = await storePasswordHash(t.server.db, project, 'bob@acme.test', imported, 1000);
    expect(await verifyPassword(t.server.db, project, 'bob@acme.test', 'U*V', 2000)).toBe(false);
    expect((await findPassword(t.server.db, project, 'bob@acme.test'))?.hash).toBe(imported);
    expect(await verifyPassword(t.server.db, project, 'bob@acme.test', 'U*U', 3000)).toBe(true);
    const upgraded = await findPassword(t.server.db, project, 'bob@acme.test');
    expect(upgraded).toMatchObject({ id: row.id, hash: expect.stringMatching(/^\$scrypt\$ln=4,/) });
    expect(Number(upgraded?.updated_at)).toBe(3000);
    expect(await verifyPassword(t.server.db, project, 'bob@acme.test', 'U*U', 4000)).toBe(true);
    setPasswordHashCost({ ln: 5, r: 8, p: 1 });
    expect(await verifyPassword(t.server.db, project, 'bob@acme.test', 'U*U', 5000)).toBe(true);
    expect((await findPassword(t.server.db, project, 'bob@acme.test'))?.hash).toMatch(/^\$scrypt\$ln=5,/);
  });

  test('an upgrade never overwrites a password changed meanwhile', async () => {
    const old = await hashPassword('old-password');
    setPasswordHashCost({ ln: 5, r: 8, p: 1 });
    await storePasswordHash(t.server.db, project, 'cy@acme.test', old, 1000);
    const verifying = verifyPassword(t.server.db, project, 'cy@acme.test', 'old-password', 2000);
    await setPassword(t.server.db, project, 'cy@acme.test', 'new-password', 2000);
    expect(await verifying).toBe(true);
    expect(await verifyPassword(t.server.db, project, 'cy@acme.test', 'new-password', 3000)).toBe(true);
    expect(await verifyPassword(t.server.db, project, 'cy@acme.test', 'old-password', 3000)).toBe(false);
  });

  test('delete: by id within the project only', async () => {
    const row = await setPassword(t.server.db, project, 'ada@acme.test', 'right-password', 1000);
    expect(await deletePassword(t.server.db, 'project-test-other', row.id)).toBe(false);
    expect(await deletePassword(t.server.db, project, row.id)).toBe(true);
    expect(await deletePassword(t.server.db, project, row.id)).toBe(false);
    expect(await verifyPassword(t.server.db, project, 'ada@acme.test', 'right-password', 2000)).toBe(false);
  });

  test('an unknown email spends a full hash, as a wrong password does (AUTH-03 timing)', async () => {
    // A cost high enough that skipping the hash would show: ~10 ms per check instead of ~0.1 ms.
    setPasswordHashCost({ ln: 12, r: 8, p: 1 });
    await setPassword(t.server.db, project, 'ada@acme.test', 'right-password', 1000);
    const time = async (email: string) => {
      const samples: number[] = [];
      for (let i = 0; i < 7; i++) {
        const started = performance.now();
        await verifyPassword(t.server.db, project, email, 'wrong-password', 2000);
        samples.push(performance.now() - started);
      }
      return samples.sort((a, b) => a - b)[3] ?? 0;
    };
    await time('eve@acme.test'); // the dummy hash is made once, on first use
    const known = await time('ada@acme.test');
    const unknown = await time('eve@acme.test');
    console.log(
      `[passwords] median verify at ln=12: known email ${known.toFixed(1)} ms, unknown ${unknown.toFixed(1)} ms`,
    );
    expect(unknown).toBeGreaterThan(known / 3);
  });
});

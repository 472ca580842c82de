import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestServer, type TestServer } from '../testing/test-server.js';
import { consumeOnce } from './consume-once.js';

let t: TestServer;
beforeAll(async () => {
  t = await createTestServer();
});
afterAll(() => t.close());

const NOW = Date.parse('2030-01-01T00:00:00.000Z');

async function insertIst(hash: string, expiresAt: number): Promise<void> {
  await t.server.db
    .insertInto('intermediate_sessions')
    .values({
      hash,
      project_id: t.server.project.project_id,
      email: 'a@b.test',
      factors: '[]',
      expires_at: expiresAt,
      used_at: null,
      created_at: NOW,
    })
    .execute();
}

describe('consumeOnce', () => {
  test('of 12 concurrent callers exactly one spends the row, and it stays spent', async () => {
    await insertIst('race', NOW + 60_000);
    const results = await Promise.all(
      Array.from({ length: 12 }, () =>
        consumeOnce(t.server.db, 'intermediate_sessions', NOW, (eb) => eb('hash', '=', 'race')),
      ),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await consumeOnce(t.server.db, 'intermediate_sessions', NOW + 1, (eb) => eb('hash', '=', 'race'))).toBe(
      false,
    );
    const row = await t.server.db
      .selectFrom('intermediate_sessions')
      .select('used_at')
      .where('hash', '=', 'race')
      .executeTakeFirstOrThrow();
    expect(row.used_at).toBe(NOW);
  });

  test('an expired row is never spent; an unknown one neither', async () => {
    await insertIst('old', NOW - 1);
    expect(await consumeOnce(t.server.db, 'intermediate_sessions', NOW, (eb) => eb('hash', '=', 'old'))).toBe(false);
    expect(await consumeOnce(t.server.db, 'intermediate_sessions', NOW, (eb) => eb('hash', '=', 'nope'))).toBe(false);
  });

  test('a rolled-back transaction gives the row back', async () => {
    await insertIst('again', NOW + 60_000);
    await expect(
      t.server.db.transaction().execute(async (trx) => {
        expect(await consumeOnce(trx, 'intermediate_sessions', NOW, (eb) => eb('hash', '=', 'again'))).toBe(true);
        throw new Error('later step failed');
      }),
    ).rejects.toThrow('later step failed');
    expect(await consumeOnce(t.server.db, 'intermediate_sessions', NOW, (eb) => eb('hash', '=', 'again'))).toBe(true);
  });
});

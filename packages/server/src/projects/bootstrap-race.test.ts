import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REDIRECT_URL_TYPES } from '@orgauth/core/protocol';
import { afterEach, describe, expect, test } from 'vitest';
import { createFreshSchema, type FreshSchema } from '../conformance/loopback.js';
import { openDatabase, type OpenDatabase } from '../db/database.js';
import { migrateToLatest } from '../db/migrations/index.js';
import type { Db } from '../db/schema.js';
import { sha256Hex } from '../lib/crypto.js';
import { ensureProjects, type ProjectCredentials } from './bootstrap.js';

/**
 * Several instances starting at the same instant on one empty database must create exactly one
 * project per environment between them (the check-and-create of `ensureProjects` is serialized).
 */
const pgBase = process.env.ORGAUTH_TEST_DATABASE_URL;
const pgEnabled = pgBase !== undefined && pgBase !== '';
const INSTANCES = 8;
const ROUNDS = 3;
const now = () => Date.parse('2030-01-01T00:00:00.000Z');

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Everything bootstrap writes, checked against the callers' answers. */
async function expectOneProjectPerEnvironment(db: Db, results: ProjectCredentials[]): Promise<void> {
  const projects = await db
    .selectFrom('projects')
    .select(['id', 'env', 'public_token', 'secret_hash'])
    .orderBy('env')
    .execute();
  expect(
    projects.map((p) => p.env),
    'one project per environment',
  ).toEqual(['live', 'test']);
  const [live, testProject] = projects;
  const rules = await db
    .selectFrom('redirect_urls')
    .select(['project_id', 'url', 'type', 'is_default'])
    .orderBy('type')
    .execute();
  expect(rules, 'exactly one default redirect URL rule set, on the test project').toEqual(
    [...REDIRECT_URL_TYPES]
      .sort()
      .map((type) => ({ project_id: testProject?.id, url: 'http://localhost:3000/', type, is_default: 1 })),
  );
  const origins = await db.selectFrom('authorized_origins').select(['project_id', 'origin']).execute();
  expect(origins).toEqual([{ project_id: testProject?.id, origin: 'http://localhost:3000' }]);
  // Every caller serves the one project; only ever a secret that opens it (or '' when unknown).
  for (const result of results) {
    expect([result.project_id, result.public_token, result.live.project_id, result.live.public_token]).toEqual([
      testProject?.id,
      testProject?.public_token,
      live?.id,
      live?.public_token,
    ]);
    if (result.secret !== '') expect(sha256Hex(result.secret)).toBe(testProject?.secret_hash);
    if (result.live.secret !== '') expect(sha256Hex(result.live.secret)).toBe(live?.secret_hash);
  }
}

describe('ensureProjects on SQLite', () => {
  test(`${INSTANCES} concurrent calls in one process create one project per environment, and rotate nothing`, async () => {
    const dataDir = tempDir('orgauth-bootstrap-race-');
    const database = openDatabase({ dataDir });
    cleanups.push(() => database.close());
    await migrateToLatest(database.db as never);
    const results = await Promise.all(
      Array.from({ length: INSTANCES }, () => ensureProjects(database.db, dataDir, now)),
    );
    await expectOneProjectPerEnvironment(database.db, results);
    // The data dir owns this database: every caller hands out the working secrets project.json holds.
    const file = JSON.parse(readFileSync(join(dataDir, 'project.json'), 'utf8')) as ProjectCredentials;
    for (const result of results) expect(result).toEqual(file);
  });
});

if (!pgEnabled) {
  test.skip('concurrent bootstrap on one PostgreSQL: skipped, ORGAUTH_TEST_DATABASE_URL is not set', () => {});
}

(pgEnabled ? describe : describe.skip)('ensureProjects on one PostgreSQL from several instances', () => {
  /** `count` independent pools on a fresh, migrated, empty schema, each with a live connection. */
  async function instances(count: number): Promise<{ schema: FreshSchema; databases: OpenDatabase[] }> {
    const schema = await createFreshSchema(pgBase as string);
    cleanups.push(() => schema.drop());
    const databases = Array.from({ length: count }, () =>
      openDatabase({ dataDir: tempDir('orgauth-bootstrap-pg-'), databaseUrl: schema.databaseUrl }),
    );
    cleanups.push(() => Promise.all(databases.map((d) => d.close())).then(() => undefined));
    await migrateToLatest(databases[0]?.db as never);
    // Connect every pool first, so the bootstraps below start together instead of staggered by connecting.
    await Promise.all(databases.map((d) => d.db.selectFrom('projects').select('id').execute()));
    return { schema, databases };
  }

  test(`${INSTANCES} instances starting at once create one project per environment (${ROUNDS} rounds)`, async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const { databases } = await instances(INSTANCES);
      const dataDirs = databases.map(() => tempDir('orgauth-bootstrap-dir-'));
      const results = await Promise.all(databases.map((d, i) => ensureProjects(d.db, dataDirs[i], now, true)));
      const first = databases[0] as OpenDatabase;
      await expectOneProjectPerEnvironment(first.db, results);
      // One instance created the projects and learnt the secrets; the others cannot (shared database, never rotated).
      const creators = results.filter((r) => r.secret !== '');
      expect(creators).toHaveLength(1);
      expect(creators[0]?.live.secret).not.toBe('');
      expect(results.filter((r) => r.secret === '' && r.live.secret === '')).toHaveLength(INSTANCES - 1);
      expect(dataDirs.filter((dir) => existsSync(join(dir, 'project.json')))).toHaveLength(1);
    }
  }, 60_000);

  test('a second start on the populated schema keeps the secret and reports it as unknown', async () => {
    const { databases } = await instances(2);
    const [a, b] = databases as [OpenDatabase, OpenDatabase];
    const created = await ensureProjects(a.db, tempDir('orgauth-bootstrap-a-'), now, true);
    const again = await ensureProjects(b.db, tempDir('orgauth-bootstrap-b-'), now, true);
    expect(again).toEqual({ ...created, secret: '', live: { ...created.live, secret: '' } });
    await expectOneProjectPerEnvironment(a.db, [created, again]);
  });
});

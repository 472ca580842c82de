import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, test } from 'vitest';
import { createFreshSchema, type FreshSchema } from '../conformance/loopback.js';
import { buildServerCli, startServerProcess, type ServerProcess } from '../conformance/server-process.js';

/**
 * Two real `orgauth-server` processes (the CLI, freshly built) spawned at the same instant on one
 * empty PostgreSQL schema, each with its own data dir: between them they create one project per
 * environment, both serve it, and only the one that created it knows the secret.
 */
const pgBase = process.env.ORGAUTH_TEST_DATABASE_URL;
const enabled = pgBase !== undefined && pgBase !== '';

if (!enabled) {
  test.skip('two servers starting at once on one PostgreSQL: skipped, ORGAUTH_TEST_DATABASE_URL is not set', () => {});
}

let schema: FreshSchema | undefined;
let build: { cli: string; remove(): void } | undefined;
const dataDirs: string[] = [];
const servers: ServerProcess[] = [];

afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  await schema?.drop();
  build?.remove();
  for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
}, 30_000);

(enabled ? describe : describe.skip)('two server processes starting at once on one empty PostgreSQL', () => {
  test('create one project per environment and serve it from both', async () => {
    schema = await createFreshSchema(pgBase as string);
    build = buildServerCli();
    // One encryption key for both, as a deployment must: the sealed signing keys are shared.
    const env = { DATABASE_URL: schema.databaseUrl, ORGAUTH_ENCRYPTION_KEY: randomBytes(32).toString('base64') };
    dataDirs.push(mkdtempSync(join(tmpdir(), 'orgauth-race-a-')), mkdtempSync(join(tmpdir(), 'orgauth-race-b-')));
    const started = await Promise.allSettled(dataDirs.map((dir) => startServerProcess(build?.cli as string, dir, env)));
    for (const s of started) if (s.status === 'fulfilled') servers.push(s.value);
    for (const s of started) if (s.status === 'rejected') throw s.reason;
    const [a, b] = servers as [ServerProcess, ServerProcess];

    const client = new pg.Client({ connectionString: schema.databaseUrl });
    await client.connect();
    try {
      const projects = await client.query<{ env: string; id: string }>('select env, id from projects order by env');
      expect(projects.rows.map((r) => r.env)).toEqual(['live', 'test']);
      const rules = await client.query<{ project_id: string }>('select distinct project_id from redirect_urls');
      expect(rules.rows).toEqual([{ project_id: projects.rows[1]?.id }]);
    } finally {
      await client.end();
    }

    expect(b.project.project_id).toBe(a.project.project_id);
    const liveId = (s: ServerProcess) => /Live project:\s+(\S+)/.exec(s.output())?.[1];
    expect(liveId(b)).toBe(liveId(a));
    expect(b.project.public_token).toBe(a.project.public_token);
    // The creator prints the secret; the other cannot know it (a shared database's secret is never rotated).
    const secrets = servers.map((s) => s.project.secret).sort();
    expect(secrets[0]).toBe('(unknown:');
    expect(secrets[1]).toMatch(/^secret-test-/);
    expect(dataDirs.filter((dir) => existsSync(join(dir, 'project.json')))).toHaveLength(1);

    // Both answer SDK calls for that one project.
    for (const server of servers) {
      const res = await fetch(`${server.origin}/sdk/v1/projects/bootstrap/${a.project.public_token}`, {
        signal: AbortSignal.timeout(10_000),
      });
      expect(res.status, server.output()).toBe(200);
    }
  }, 90_000);
});

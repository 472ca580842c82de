import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { buildServerCli } from '../conformance/server-process.js';
import { createOrgAuthServer, type OrgAuthServer } from '../server.js';
import { runProjectCommand } from './project-commands.js';
import { type CliTestDatabase, cliTestDatabase } from './test-database.js';

let dataDir: string;
let env: Record<string, string | undefined>;
let database: CliTestDatabase | undefined;

// Same database choice as the rest of the suite: a fresh PostgreSQL schema when configured.
beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'orgauth-cli-'));
  database = await cliTestDatabase();
  env = database.databaseUrl ? { DATABASE_URL: database.databaseUrl } : {};
});
afterEach(async () => {
  await database?.drop();
  database = undefined;
  rmSync(dataDir, { recursive: true, force: true });
});

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runProjectCommand([...argv, '--data-dir', dataDir], {
    out: (s) => void (out += s),
    err: (s) => void (err += s),
    env,
  });
  return { code, out, err };
}

const startServer = () =>
  createOrgAuthServer({ dataDir, ...(env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : {}) });
const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
const backend = (server: OrgAuthServer, user: string, password: string) =>
  server.app.fetch(
    new Request('http://localhost/v1/b2b/organizations/search', {
      method: 'POST',
      headers: { authorization: basic(user, password) },
      body: '{}',
    }),
  );

describe('operator CLI', () => {
  test('secret rotate --env live: printed once, project.json updated, old secret dead at once', async () => {
    const server = await startServer();
    try {
      const before = server.project;
      const rotated = await cli('secret', 'rotate', '--env', 'live');
      expect(rotated.code).toBe(0);
      const secret = /secret-live-[A-Za-z0-9_-]{43}/.exec(rotated.out)?.[0];
      expect(secret).toBeDefined();
      const file = JSON.parse(readFileSync(join(dataDir, 'project.json'), 'utf8'));
      expect(file.live.secret).toBe(secret);
      expect(file.secret).toBe(before.secret);
      expect(file.project_id).toBe(before.project_id);
      // The running server checks the hash in the database on every request.
      expect((await backend(server, before.live.project_id, before.live.secret)).status).toBe(401);
      expect((await backend(server, before.live.project_id, secret!)).status).toBe(200);
      expect((await backend(server, before.project_id, before.secret)).status).toBe(200);
    } finally {
      await server.close();
    }
    const restarted = await startServer();
    expect(restarted.project.live.secret).toMatch(/^secret-live-/);
    expect(JSON.parse(readFileSync(join(dataDir, 'project.json'), 'utf8'))).toEqual(restarted.project);
    await restarted.close();
  });

  test('redirect-urls list/add/remove, validated per environment', async () => {
    expect((await cli('redirect-urls', 'list')).out).toContain('http://localhost:3000/');
    expect((await cli('redirect-urls', 'list', '--env', 'live')).out).toBe('');
    const added = await cli(
      'redirect-urls',
      'add',
      'https://app.example.com/cb',
      '--type',
      'login',
      '--type',
      'signup',
      '--default',
      '--env',
      'live',
    );
    expect(added).toMatchObject({ code: 0 });
    expect(added.out).toContain('login, signup (default)');
    const listed = (await cli('redirect-urls', 'list', '--env', 'live')).out.trim().split('\n');
    expect(listed).toHaveLength(2);
    expect(listed[0]).toMatch(/^login\s+default\s+https:\/\/app\.example\.com\/cb$/);
    for (const bad of ['http://localhost:3000/', 'https://*.example.com/', 'javascript:alert(1)']) {
      const refused = await cli('redirect-urls', 'add', bad, '--env', 'live');
      expect(refused.code, bad).toBe(1);
      expect(refused.err).not.toBe('');
    }
    expect((await cli('redirect-urls', 'add', 'https://*.example.com/', '--env', 'test')).code).toBe(0);
    expect(
      (await cli('redirect-urls', 'remove', 'https://app.example.com/cb', '--type', 'login', '--env', 'live')).code,
    ).toBe(0);
    expect(
      (await cli('redirect-urls', 'remove', 'https://app.example.com/cb', '--type', 'login', '--env', 'live')).code,
    ).toBe(1);
    expect((await cli('redirect-urls', 'list', '--env', 'live')).out.trim().split('\n')).toHaveLength(1);
  });

  test('origins and ip-allowlist list/add/remove; the server honours them', async () => {
    expect((await cli('origins', 'add', 'https://app.example.com')).code).toBe(0);
    expect((await cli('origins', 'add', 'http://app.example.com', '--env', 'live')).code).toBe(1);
    expect((await cli('origins', 'list')).out).toBe('http://localhost:3000\nhttps://app.example.com\n');
    expect((await cli('origins', 'remove', 'https://app.example.com')).code).toBe(0);
    expect((await cli('ip-allowlist', 'add', '203.0.113.5')).out).toContain('203.0.113.5');
    expect((await cli('ip-allowlist', 'add', '10.0.0.0/8')).code).toBe(1);
    expect((await cli('ip-allowlist', 'list')).out).toBe('203.0.113.5\n');
    const server = await startServer();
    try {
      expect((await backend(server, server.project.project_id, server.project.secret)).status).toBe(403);
      expect((await cli('ip-allowlist', 'remove', '203.0.113.5')).code).toBe(0);
      expect((await backend(server, server.project.project_id, server.project.secret)).status).toBe(200);
    } finally {
      await server.close();
    }
  });

  test('member-roles format: prints, sets per environment, and the server spells roles accordingly', async () => {
    const server = await startServer();
    try {
      expect((await cli('member-roles', 'format')).out).toBe('ids\n');
      expect((await cli('member-roles', 'format', 'objects')).code).toBe(0);
      expect((await cli('member-roles', 'format')).out).toBe('objects\n');
      expect((await cli('member-roles', 'format', '--env', 'live')).out).toBe('ids\n');
      const { project_id, secret } = server.project;
      const org = await server.app.fetch(
        new Request('http://localhost/v1/b2b/organizations', {
          method: 'POST',
          headers: { authorization: basic(project_id, secret), 'content-type': 'application/json' },
          body: JSON.stringify({ organization_name: 'Roles', organization_slug: 'roles', email_allowed_domains: [] }),
        }),
      );
      const orgId = ((await org.json()) as { organization: { organization_id: string } }).organization.organization_id;
      const member = await server.app.fetch(
        new Request(`http://localhost/v1/b2b/organizations/${orgId}/members`, {
          method: 'POST',
          headers: { authorization: basic(project_id, secret), 'content-type': 'application/json' },
          body: JSON.stringify({ email_address: 'ada@roles.test' }),
        }),
      );
      expect(((await member.json()) as { member: { roles: unknown } }).member.roles).toEqual([
        { role_id: 'stytch_member', sources: [{ type: 'direct_assignment', details: {} }] },
      ]);
      expect((await cli('member-roles', 'format', 'strings')).code).toBe(2);
    } finally {
      await server.close();
    }
  });

  test('usage errors exit 2', async () => {
    expect((await cli('secret', 'rotate', '--env', 'prod')).code).toBe(2);
    expect((await cli('redirect-urls', 'add', 'https://a.test/', '--type', 'nope')).code).toBe(2);
    expect((await cli('redirect-urls', 'add')).code).toBe(2);
    expect((await cli('origins', 'frobnicate')).code).toBe(2);
    expect((await cli('origins', 'list', '--bogus')).code).toBe(2);
  });

  test('the built CLI dispatches operator commands', async (ctx) => {
    if (env.DATABASE_URL) ctx.skip();
    const built = buildServerCli();
    try {
      execFileSync(
        process.execPath,
        [built.cli, 'origins', 'add', 'https://spawned.example.com', '--data-dir', dataDir],
        { stdio: 'pipe' },
      );
      const out = execFileSync(process.execPath, [built.cli, 'origins', 'list', '--data-dir', dataDir], {
        encoding: 'utf8',
      });
      expect(out).toContain('https://spawned.example.com');
    } finally {
      built.remove();
    }
  }, 60_000);
});

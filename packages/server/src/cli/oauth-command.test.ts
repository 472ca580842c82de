import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createOrgAuthServer } from '../server.js';
import { runProjectCommand } from './project-commands.js';
import { type CliTestDatabase, cliTestDatabase } from './test-database.js';

// `orgauth-server oauth set|list|remove`: per environment, the secret sealed with the server's key.

let dataDir: string;
let env: Record<string, string | undefined>;
let database: CliTestDatabase | undefined;

beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'orgauth-cli-oauth-'));
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

describe('oauth credentials commands', () => {
  test('set stores the secret sealed (never plaintext), list shows the client id only, per environment', async () => {
    const server = await startServer();
    try {
      const secret = 'GOCSPX-very-secret-value';
      expect(
        await cli('oauth', 'set', 'google', '--client-id', 'gid.apps.test', '--client-secret', secret, '--env', 'live'),
      ).toMatchObject({ code: 0 });
      const rows = await server.db.selectFrom('oauth_credentials').selectAll().execute();
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({
        project_id: server.project.live.project_id,
        provider: 'google',
        client_id: 'gid.apps.test',
      });
      expect(rows[0]?.client_secret).not.toContain(secret);
      expect(rows[0]?.client_secret.startsWith('v1.')).toBe(true);
      // The server opens it with its own key: the CLI sealed with the same one.
      expect(server.secretBox.open(rows[0]?.client_secret ?? '')).toBe(secret);

      const live = await cli('oauth', 'list', '--env', 'live');
      expect(live.out).toBe('google     gid.apps.test\n');
      expect(live.out).not.toContain(secret);
      expect((await cli('oauth', 'list')).out).toBe('');

      expect(
        (await cli('oauth', 'set', 'google', '--client-id', 'other', '--client-secret', 's2', '--env', 'live')).code,
      ).toBe(0);
      const replaced = await server.db.selectFrom('oauth_credentials').selectAll().execute();
      expect(replaced.map((r) => [r.client_id, server.secretBox.open(r.client_secret)])).toEqual([['other', 's2']]);
    } finally {
      await server.close();
    }
  });

  test("remove deletes one environment's client and says when there was none", async () => {
    expect((await cli('oauth', 'set', 'github', '--client-id', 'Iv1.abc', '--client-secret', 'shh')).code).toBe(0);
    expect((await cli('oauth', 'remove', 'github', '--env', 'live')).code).toBe(1);
    const removed = await cli('oauth', 'remove', 'github');
    expect(removed).toMatchObject({ code: 0, out: 'Removed the test github client.\n' });
    expect((await cli('oauth', 'list')).out).toBe('');
  });

  test('refuses an unknown provider and missing or malformed credentials in words', async () => {
    const unknown = await cli('oauth', 'set', 'facebook', '--client-id', 'x', '--client-secret', 'y');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('Unknown provider "facebook": use one of google, microsoft, github, slack, hubspot.');
    expect((await cli('oauth', 'remove')).err).toContain('Missing <provider>');
    expect((await cli('oauth', 'set', 'slack', '--client-id', 'x')).err).toContain('Missing --client-secret.');
    expect((await cli('oauth', 'set', 'slack', '--client-id', 'a b', '--client-secret', 'y')).err).toContain(
      '--client-id must not contain spaces',
    );
    expect((await cli('oauth', 'list')).out).toBe('');
  });

  test("refuses to seal under a key other than the database's", async () => {
    expect((await cli('oauth', 'list')).code).toBe(0);
    expect((await cli('oauth', 'set', 'slack', '--client-id', 'x', '--client-secret', 'y')).code).toBe(0);
    env.ORGAUTH_ENCRYPTION_KEY = randomBytes(32).toString('base64');
    const other = await cli('oauth', 'set', 'hubspot', '--client-id', 'x', '--client-secret', 'y');
    expect(other.code).toBe(1);
    expect(other.err).toContain('does not match');
  });
});

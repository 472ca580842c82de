import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { buildServerCli } from '../conformance/server-process.js';
import { createOrgAuthServer, type OrgAuthServer } from '../server.js';
import { connectionSatisfiesMfa } from '../sso/index.js';
import { runSsoCommand } from './sso-commands.js';
import { type CliTestDatabase, cliTestDatabase } from './test-database.js';

// `orgauth-server sso list|trust`: the operator's MFA trust in a connection (sso/mfa-trust.ts, AUTH-15).

let dataDir: string;
let env: Record<string, string | undefined>;
let database: CliTestDatabase | undefined;
let server: OrgAuthServer;

beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'orgauth-cli-sso-'));
  database = await cliTestDatabase();
  env = database.databaseUrl ? { DATABASE_URL: database.databaseUrl } : {};
  server = await createOrgAuthServer({ dataDir, ...(env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : {}) });
});
afterEach(async () => {
  await server.close();
  await database?.drop();
  database = undefined;
  rmSync(dataDir, { recursive: true, force: true });
});

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runSsoCommand(['sso', ...argv, '--data-dir', dataDir], {
    out: (s) => void (out += s),
    err: (s) => void (err += s),
    env,
  });
  return { code, out, err };
}

/** A backend call to the test project. */
async function api(path: string, body: unknown): Promise<Record<string, unknown>> {
  const { project_id, secret } = server.project;
  const res = await server.app.fetch(
    new Request(`http://localhost/v1/b2b${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Basic ${Buffer.from(`${project_id}:${secret}`).toString('base64')}`,
      },
      body: JSON.stringify(body),
    }),
  );
  return (await res.json()) as Record<string, unknown>;
}

/** An organization `slug` with a (pending) connection of `type`; returns both ids. */
async function connection(slug: string, type: 'saml' | 'oidc'): Promise<{ orgId: string; id: string }> {
  const org = await api('/organizations', { organization_name: slug, organization_slug: slug });
  const orgId = (org.organization as { organization_id: string }).organization_id;
  const created = await api(`/sso/${type}/${orgId}`, { display_name: `${slug} ${type}` });
  return { orgId, id: (created.connection as { connection_id: string }).connection_id };
}

describe('orgauth-server sso', () => {
  test('list shows each connection with its organization, type, name and trust; trust and --off flip it', async () => {
    expect(await cli('list')).toEqual({ code: 0, out: 'No SSO connections in the test project.\n', err: '' });
    const saml = await connection('acme', 'saml');
    const oidc = await connection('beta', 'oidc');
    const trusted = await cli('trust', oidc.id);
    expect(trusted.code).toBe(0);
    expect(trusted.out).toContain(`Connection ${oidc.id} (test) is trusted`);
    const lines = (await cli('list')).out.split('\n');
    expect(lines[0]).toMatch(/^CONNECTION +ORGANIZATION +TYPE +DISPLAY NAME +STATUS +MFA TRUSTED$/);
    expect(lines[1]).toMatch(new RegExp(`^${saml.id} +acme \\(${saml.orgId}\\) +saml +acme saml +pending +no$`));
    expect(lines[2]).toMatch(new RegExp(`^${oidc.id} +beta \\(${oidc.orgId}\\) +oidc +beta oidc +pending +yes$`));
    const off = await cli('trust', oidc.id, '--off');
    expect(off.code).toBe(0);
    expect(off.out).toContain('is no longer trusted');
    expect((await cli('list')).out).not.toMatch(/ yes$/m);
  });

  test('trust applies to the environment it names: the live project has no test connection', async () => {
    const saml = await connection('acme', 'saml');
    const refused = await cli('trust', saml.id, '--env', 'live');
    expect(refused).toEqual({
      code: 1,
      out: '',
      err: `No SSO connection ${saml.id} in the live project (see orgauth-server sso list --env live).\n`,
    });
    expect((await cli('list', '--env', 'live')).out).toBe('No SSO connections in the live project.\n');
  });

  test('an unknown connection id exits 1 in words and changes nothing', async () => {
    const saml = await connection('acme', 'saml');
    const refused = await cli('trust', 'saml-connection-test-unknown');
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('No SSO connection saml-connection-test-unknown in the test project');
    expect((await cli('list')).out).toMatch(new RegExp(`^${saml.id} .* no$`, 'm'));
  });

  test('usage errors exit 2 with the usage text', async () => {
    for (const argv of [
      [],
      ['frob'],
      ['trust'],
      ['list', 'x'],
      ['list', '--off'],
      ['trust', 'a', 'b'],
      ['list', '--env', 'prod'],
    ]) {
      const { code, err } = await cli(...argv);
      expect(code, argv.join(' ')).toBe(2);
      expect(err).toContain('orgauth-server sso trust <connection_id>');
    }
    expect((await cli('list', '--nope')).code).toBe(2);
  });

  test('the built orgauth-server binary trusts a connection, and --help lists the commands', async () => {
    const saml = await connection('acme', 'saml');
    const built = buildServerCli();
    try {
      const run = (...argv: string[]) =>
        spawnSync(process.execPath, [built.cli, 'sso', ...argv, '--data-dir', dataDir], {
          encoding: 'utf8',
          env: { ...process.env, ...env },
        });
      expect(run('trust', saml.id).status).toBe(0);
      expect(run('list').stdout).toMatch(/ yes\n$/);
      const refused = run('trust', 'nope');
      expect(refused.status).toBe(1);
      expect(refused.stderr).toContain('No SSO connection nope');
      expect(run('frob').status).toBe(2);
      const help = spawnSync(process.execPath, [built.cli, '--help'], { encoding: 'utf8' }).stdout;
      expect(help).toContain('orgauth-server sso trust <connection_id> [--off]');
      expect(help).toContain('orgauth-server sso list');
    } finally {
      built.remove();
    }
    // A pending connection signs no one in, so its trust satisfies nothing until it is active.
    expect(await connectionSatisfiesMfa(server.db, saml.orgId, saml.id)).toBe(false);
    // The build alone takes seconds on a loaded machine, as in cli/project-commands.test.ts.
  }, 60_000);
});

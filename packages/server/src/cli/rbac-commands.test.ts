import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { buildServerCli } from '../conformance/server-process.js';
import { createOrgAuthServer, type OrgAuthServer } from '../server.js';
import { runRbacCommand } from './rbac-commands.js';

let dataDir: string;
let server: OrgAuthServer;
beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'orgauth-rbac-cli-'));
  server = await createOrgAuthServer({ dataDir });
});
afterEach(async () => {
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runRbacCommand(['rbac', ...argv, '--data-dir', dataDir], {
    out: (s) => void (out += s),
    err: (s) => void (err += s),
    env: {},
  });
  return { code, out, err };
}

/** Writes `document` to a file and returns its path. */
function policyFile(document: unknown, name = 'policy.json'): string {
  const path = join(dataDir, name);
  writeFileSync(path, typeof document === 'string' ? document : JSON.stringify(document));
  return path;
}

const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
const roleIds = (policy: { roles: { role_id: string }[] }) => policy.roles.map((role) => role.role_id);

const EDITOR = {
  resources: [{ resource_id: 'documents', description: 'Shared documents', actions: ['read', 'write'] }],
  roles: [
    {
      role_id: 'editor',
      description: 'Edits documents',
      permissions: [{ resource_id: 'documents', actions: ['read', 'write'] }],
    },
  ],
};

describe('orgauth-server rbac', () => {
  test('show prints the effective policy; set-policy adds roles the API and the bootstrap serve, per environment', async () => {
    expect(roleIds(JSON.parse((await cli('show')).out))).toEqual(['stytch_member', 'stytch_admin']);
    const set = await cli('set-policy', policyFile(EDITOR));
    expect(set).toMatchObject({
      code: 0,
      out: 'Set the test RBAC policy: 3 roles (1 custom), 5 resources, 0 scopes.\n',
    });
    expect(roleIds(JSON.parse((await cli('show')).out))).toEqual(['stytch_member', 'stytch_admin', 'editor']);
    expect(roleIds(JSON.parse((await cli('show', '--env', 'live')).out))).toEqual(['stytch_member', 'stytch_admin']);

    const { project_id, secret, public_token } = server.project;
    const api = await server.app.fetch(
      new Request('http://localhost/v1/b2b/rbac/policy', { headers: { authorization: basic(project_id, secret) } }),
    );
    const body = (await api.json()) as {
      policy: { roles: { role_id: string }[]; resources: { resource_id: string }[] };
    };
    expect(roleIds(body.policy)).toEqual(['stytch_member', 'stytch_admin', 'editor']);
    expect(body.policy.resources.map((r) => r.resource_id)).toContain('documents');
    const bootstrap = await server.app.fetch(new Request(`http://localhost/sdk/v1/projects/bootstrap/${public_token}`));
    const data = ((await bootstrap.json()) as { data: { rbac_policy: { roles: { role_id: string }[] } } }).data;
    expect(roleIds(data.rbac_policy)).toEqual(['stytch_member', 'stytch_admin', 'editor']);
  });

  test('what `show` prints can be set back unchanged, and {} restores the default policy', async () => {
    await cli('set-policy', policyFile(EDITOR));
    const shown = (await cli('show')).out;
    expect((await cli('set-policy', policyFile(shown, 'shown.json'))).code).toBe(0);
    expect((await cli('show')).out).toBe(shown);
    expect((await cli('set-policy', policyFile({}))).code).toBe(0);
    expect(roleIds(JSON.parse((await cli('show')).out))).toEqual(['stytch_member', 'stytch_admin']);
  });

  test.each([
    [
      'an unknown resource in a role',
      { roles: [{ role_id: 'editor', permissions: [{ resource_id: 'docs', actions: ['read'] }] }] },
      'roles[0].permissions[0]: unknown resource "docs"',
    ],
    ['duplicate role ids', { ...EDITOR, roles: [...EDITOR.roles, ...EDITOR.roles] }, 'Duplicate role_id "editor"'],
    [
      'duplicate resource ids',
      { resources: [...EDITOR.resources, ...EDITOR.resources] },
      'Duplicate resource_id "documents"',
    ],
    [
      'a reserved role losing a default permission',
      { roles: [{ role_id: 'stytch_admin', permissions: [{ resource_id: 'stytch.member', actions: ['search'] }] }] },
      'Role "stytch_admin" would lose its default permission stytch.organization: *',
    ],
    ['an unknown reserved role', { roles: [{ role_id: 'stytch_owner', permissions: [] }] }, 'Role "stytch_owner"'],
    [
      'a changed reserved resource',
      { resources: [{ resource_id: 'stytch.member', actions: ['search'] }] },
      'Resource "stytch.member": resource ids starting with "stytch." are reserved',
    ],
    [
      'an action the resource does not have',
      { ...EDITOR, roles: [{ role_id: 'editor', permissions: [{ resource_id: 'documents', actions: ['delete'] }] }] },
      'the resource "documents" has no action "delete"',
    ],
    ['not JSON', '{"roles": [', 'is not JSON'],
  ])('refuses %s with a clear message and changes nothing', async (_what, document, message) => {
    await cli('set-policy', policyFile(EDITOR, 'editor.json'));
    const before = (await cli('show')).out;
    const refused = await cli('set-policy', policyFile(document));
    expect(refused.code).toBe(1);
    expect(refused.err).toContain(message);
    expect((await cli('show')).out).toBe(before);
  });

  test('a reserved role may gain permissions', async () => {
    const gains = {
      ...EDITOR,
      roles: [
        {
          role_id: 'stytch_member',
          permissions: [
            { resource_id: 'stytch.self', actions: ['*'] },
            { resource_id: 'documents', actions: ['read'] },
          ],
        },
      ],
    };
    expect((await cli('set-policy', policyFile(gains))).code).toBe(0);
    const member = JSON.parse((await cli('show')).out).roles[0];
    expect(member.role_id).toBe('stytch_member');
    expect(member.description).toMatch(/every member/);
    expect(member.permissions).toContainEqual({ resource_id: 'documents', actions: ['read'] });
  });

  test('the built orgauth-server binary runs rbac set-policy and show, and exits 1 on a refused policy', () => {
    const built = buildServerCli();
    try {
      const run = (...argv: string[]) =>
        spawnSync(process.execPath, [built.cli, 'rbac', ...argv, '--data-dir', dataDir], { encoding: 'utf8' });
      expect(run('set-policy', policyFile(EDITOR)).status).toBe(0);
      expect(
        roleIds(
          JSON.parse(
            execFileSync(process.execPath, [built.cli, 'rbac', 'show', '--data-dir', dataDir], { encoding: 'utf8' }),
          ),
        ),
      ).toContain('editor');
      const refused = run(
        'set-policy',
        policyFile({ roles: [{ role_id: 'x', permissions: [{ resource_id: 'nope', actions: ['a'] }] }] }),
      );
      expect(refused.status).toBe(1);
      expect(refused.stderr).toContain('unknown resource "nope"');
      expect(spawnSync(process.execPath, [built.cli, '--help'], { encoding: 'utf8' }).stdout).toContain(
        'orgauth-server rbac set-policy',
      );
    } finally {
      built.remove();
    }
  });

  test('usage errors exit 2', async () => {
    expect((await cli('frob')).code).toBe(2);
    expect((await cli('set-policy')).code).toBe(2);
    expect((await cli('show', '--env', 'prod')).code).toBe(2);
    expect((await cli('set-policy', join(dataDir, 'missing.json'))).code).toBe(1);
  });
});

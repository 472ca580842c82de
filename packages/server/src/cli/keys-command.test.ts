import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeProtectedHeader } from 'jose';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createSigningKeys } from '../sessions/signing-keys.js';
import { createOrgAuthServer, type OrgAuthServer } from '../server.js';
import { runKeysCommand } from './keys-command.js';

// The CLI opens the database itself, next to a running server (SQLite WAL allows both), exactly as an
// operator would run it; the dialect-independent rotation logic is covered on PostgreSQL elsewhere.
let dir: string;
let server: OrgAuthServer;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'orgauth-keys-'));
  server = await createOrgAuthServer({ dataDir: dir });
});
afterEach(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { env: {}, out: (s: string) => void out.push(s), err: (s: string) => void err.push(s) } };
}

const jwksKids = async () => {
  const res = await server.app.fetch(new Request(`http://localhost/v1/b2b/sessions/jwks/${server.project.project_id}`));
  return ((await res.json()) as { keys: { kid: string }[] }).keys.map((k) => k.kid);
};

describe('orgauth-server keys rotate', () => {
  test('rotates every project; the running server signs with the new key at once', async () => {
    const before = await jwksKids();
    const run = io();
    expect(await runKeysCommand(['rotate', '--data-dir', dir], run.io)).toBe(0);
    const lines = run.out.join('').trim().split('\n');
    expect(lines.length).toBeGreaterThanOrEqual(1);
    const line = lines.find((l) => l.startsWith(`${server.project.project_id}:`));
    const kid = /signing with (\S+);/.exec(line ?? '')?.[1];
    expect(before).toContain(kid);
    const after = await jwksKids();
    expect(after).toContain(kid);
    expect(after).toHaveLength(3);
    const jwt = await createSigningKeys(server.db, Date.now, server.secretBox).signSessionJwt(
      server.project.project_id,
      {
        member_session_id: 'member-session-test-x',
        member_id: 'member-test-x',
        organization_id: 'organization-test-x',
        organization_slug: 'x',
        started_at: '',
        last_accessed_at: '',
        expires_at: '',
        authentication_factors: [],
        roles: [],
      },
      Date.now(),
    );
    expect(decodeProtectedHeader(jwt).kid).toBe(kid);
  });

  test('--project-id limits the rotation; unknown projects and bad usage fail', async () => {
    const one = io();
    expect(await runKeysCommand(['rotate', '--data-dir', dir, '--project-id', server.project.project_id], one.io)).toBe(
      0,
    );
    expect(one.out.join('').trim().split('\n')).toHaveLength(1);
    const unknown = io();
    expect(await runKeysCommand(['rotate', '--data-dir', dir, '--project-id', 'project-test-nope'], unknown.io)).toBe(
      1,
    );
    expect(unknown.err.join('')).toMatch(/Unknown project/);
    expect(await runKeysCommand(['spin', '--data-dir', dir], io().io)).toBe(2);
    expect(await runKeysCommand(['rotate', '--bogus'], io().io)).toBe(2);
    const help = io();
    expect(await runKeysCommand(['--help'], help.io)).toBe(0);
    expect(help.out.join('')).toMatch(/keys rotate/);
  });
});

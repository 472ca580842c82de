import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { discover, mailDiscoveryToken, signUp } from './testing/journey.js';
import { createTestServer, type TestServer } from './testing/test-server.js';

let t: TestServer;
beforeEach(async () => {
  t = await createTestServer({ dev: true });
});
afterEach(async () => {
  await t.close();
});

describe('createOrgAuthServer', () => {
  test('creates the test project and writes project.json (0600) with the plaintext secret', async () => {
    const { project } = t.server;
    expect(project.project_id).toMatch(/^project-test-[0-9a-f-]{36}$/);
    expect(project.public_token).toMatch(/^public-token-test-[0-9a-f-]{36}$/);
    expect(project.secret).toMatch(/^secret-test-[A-Za-z0-9_-]{43}$/);
    const file = join(t.dataDir, 'project.json');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(project);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  test('restart keeps the project, organizations, members, live sessions and the signing key', async () => {
    const before = t.server.project;
    const first = await signUp(t, 'ada@example.com', 'acme');
    const jwksBefore = await t.api(`/sessions/jwks/${before.project_id}`, { auth: null });
    await t.server.projects.addAuthorizedOrigin('https://app.example.com');

    await t.restart();
    expect(t.server.project).toEqual(before);
    const session = await t.sdk('/b2b/sessions/authenticate', { body: {}, session: first.session_token });
    expect(session.status).toBe(200);
    expect(session.body.data.member_id).toBe(first.member_id);
    expect((await t.api(`/sessions/jwks/${before.project_id}`, { auth: null })).body).toEqual(jwksBefore.body);
    const org = await t.api('/organizations/acme');
    expect(org.body.organization.organization_id).toBe(first.organization_id);
    const member = await t.api(`/organizations/${first.organization_id}/members/${first.member_id}`);
    expect(member.body.member.email_address).toBe('ada@example.com');
    const boot = await t.sdk(`/projects/bootstrap/${before.public_token}`, { origin: 'https://app.example.com' });
    expect(boot.status).toBe(200);
  });

  test('no issued token or secret is stored in plaintext (SQLite file, -wal and -shm)', async (ctx) => {
    if (t.dialect !== 'sqlite') ctx.skip();
    const issued: string[] = [t.server.project.secret];
    issued.push(await mailDiscoveryToken(t, 'zed@example.com'));
    const first = await signUp(t, 'ada@example.com', 'acme');
    issued.push(first.session_token);
    const { ist } = await discover(t, 'ada@example.com');
    issued.push(ist);
    const exchanged = await t.sdk('/b2b/discovery/intermediate_sessions/exchange', {
      body: { intermediate_session_token: ist, organization_id: first.organization_id, session_duration_minutes: 60 },
    });
    issued.push(exchanged.body.data.session_token);
    const unused = await discover(t, 'bob@example.com');
    issued.push(unused.ist);
    // Magic-link tokens necessarily sit in the dev mailbox's mail bodies; purge it first (secure_delete
    // zeroes the freed pages), then nothing may remain.
    const mailed = (await t.server.mailbox.list()).map(
      (m) => new URL(m.text.match(/https?:\/\/\S+/)![0]).searchParams.get('token')!,
    );
    expect(mailed.length).toBeGreaterThanOrEqual(4);
    issued.push(...mailed);
    await t.server.mailbox.clear();
    await t.server.checkpoint();

    const files = ['orgauth.db', 'orgauth.db-wal', 'orgauth.db-shm'].map((f) => join(t.dataDir, f));
    const bytes = files.map((f) => {
      try {
        return readFileSync(f).toString('latin1');
      } catch {
        return '';
      }
    });
    expect(bytes[0]!.length).toBeGreaterThan(0);
    for (const token of issued) {
      expect(token.length).toBeGreaterThanOrEqual(43);
      for (const content of bytes)
        expect(content.includes(token), `token ${token.slice(0, 6)}… found in the database files`).toBe(false);
    }
    // Sanity: the scan can see plaintext — the public (non-secret) token is stored as-is.
    expect(bytes.some((content) => content.includes(t.server.project.public_token))).toBe(true);
  });

  test("a lost project.json rotates the embedded database's secret, never a shared database's", async () => {
    const before = t.server.project;
    const { rmSync } = await import('node:fs');
    rmSync(join(t.dataDir, 'project.json'));
    await t.restart();
    expect(t.server.project.project_id).toBe(before.project_id);
    const oldSecret = await t.api('/organizations/any', { auth: { user: before.project_id, password: before.secret } });
    if (t.dialect === 'sqlite') {
      // The data dir owns the embedded database: the operator gets working credentials back.
      expect(t.server.project.secret).not.toBe(before.secret);
      expect(oldSecret.status).toBe(401);
      expect((await t.api('/organizations/any')).status).toBe(404);
    } else {
      // Other instances may use the shared database's secret: it keeps working and is reported unknown.
      expect(t.server.project.secret).toBe('');
      expect(oldSecret.status).toBe(404);
    }
  });
});

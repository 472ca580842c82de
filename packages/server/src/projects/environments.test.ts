import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { TEST_PKCE } from '../testing/journey.js';
import { latestMagicLinkToken, createTestServer, type TestServer } from '../testing/test-server.js';
import { createProjectStore } from './store.js';

let t: TestServer;
beforeEach(async () => {
  t = await createTestServer({ dev: true });
});
afterEach(async () => {
  await t.close();
});

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const projectJson = () => JSON.parse(readFileSync(join(t.dataDir, 'project.json'), 'utf8'));

describe('test and live environments', () => {
  test('first start creates both; project.json keeps test at the top level and adds live', async () => {
    const file = projectJson();
    expect(file.project_id).toMatch(new RegExp(`^project-test-${UUID}$`));
    expect(file.secret).toMatch(/^secret-test-[A-Za-z0-9_-]{43}$/);
    expect(file.public_token).toMatch(new RegExp(`^public-token-test-${UUID}$`));
    expect(file.live.project_id).toMatch(new RegExp(`^project-live-${UUID}$`));
    expect(file.live.secret).toMatch(/^secret-live-[A-Za-z0-9_-]{43}$/);
    expect(file.live.public_token).toMatch(new RegExp(`^public-token-live-${UUID}$`));
    expect(file).toEqual(t.server.project);
    const rows = await t.server.db.selectFrom('projects').select(['id', 'env', 'secret_hash']).orderBy('env').execute();
    expect(rows.map((r) => r.env)).toEqual(['live', 'test']);
    // Secrets are stored as SHA-256 only.
    expect(JSON.stringify(rows)).not.toContain(file.secret);
    expect(JSON.stringify(rows)).not.toContain(file.live.secret);
  });

  test("another environment's secret is refused (401 unauthorized_credentials), each works with its own", async () => {
    const { live, ...test } = t.server.project;
    for (const auth of [
      { user: test.project_id, password: live.secret },
      { user: live.project_id, password: test.secret },
      { user: live.project_id, password: live.public_token },
    ]) {
      const res = await t.api('/organizations/search', { body: {}, auth });
      expect(res.status).toBe(401);
      expect(res.body.error_type).toBe('unauthorized_credentials');
    }
    const created = await t.api('/organizations', {
      body: { organization_name: 'Live Co', organization_slug: 'live-co' },
      auth: { user: live.project_id, password: live.secret },
    });
    expect(created.status).toBe(200);
    // Data is per environment: the same slug is free in test, and live's org is invisible there.
    const id = created.body.organization.organization_id;
    expect(id).toMatch(new RegExp(`^organization-live-${UUID}$`));
    const member = await t.api(`/organizations/${id}/members`, {
      body: { email_address: 'live@example.com' },
      auth: { user: live.project_id, password: live.secret },
    });
    expect(member.body.member_id).toMatch(new RegExp(`^member-live-${UUID}$`));
    expect((await t.api(`/organizations/${id}`)).status).toBe(404);
    expect(
      (await t.api('/organizations', { body: { organization_name: 'Test Co', organization_slug: 'live-co' } })).status,
    ).toBe(200);
    expect(
      (await t.api(`/organizations/${id}`, { auth: { user: live.project_id, password: live.secret } })).status,
    ).toBe(200);
  });

  test('live starts with no redirect URLs; a token issued in live cannot be used with the test public token', async () => {
    const { live } = t.server.project;
    const send = (body: object) =>
      t.sdk('/b2b/magic_links/email/discovery/send', {
        body: { pkce_code_challenge: TEST_PKCE.challenge, ...body },
        publicToken: live.public_token,
      });
    const verifier = TEST_PKCE.verifier;
    expect((await send({ email_address: 'ada@example.com' })).body.error_type).toBe('invalid_redirect_url');
    expect(
      (await send({ email_address: 'ada@example.com', discovery_redirect_url: 'http://localhost:3000/' })).body
        .error_type,
    ).toBe('invalid_redirect_url');
    const store = createProjectStore(t.server.db, t.clock.now);
    await expect(store.addRedirectUrl(live.project_id, 'http://localhost:3000/')).rejects.toMatchObject({
      errorType: 'invalid_redirect_url',
    });
    await expect(store.addRedirectUrl(live.project_id, 'https://*.example.com/cb')).rejects.toMatchObject({
      errorType: 'invalid_redirect_url',
    });
    await expect(store.addAuthorizedOrigin(live.project_id, 'http://app.example.com')).rejects.toMatchObject({
      status: 400,
    });
    await store.addRedirectUrl(live.project_id, 'https://app.example.com/auth', ['discovery'], true);
    expect((await send({ email_address: 'ada@example.com' })).status).toBe(200);
    const { link, token } = await latestMagicLinkToken(t.server, 'ada@example.com');
    expect(new URL(link).origin).toBe('https://app.example.com');
    const onTest = await t.sdk('/b2b/magic_links/discovery/authenticate', {
      body: { discovery_magic_links_token: token, pkce_code_verifier: verifier },
    });
    expect(onTest.status).toBe(404);
    const onLive = await t.sdk('/b2b/magic_links/discovery/authenticate', {
      body: { discovery_magic_links_token: token, pkce_code_verifier: verifier },
      publicToken: live.public_token,
    });
    expect(onLive.status).toBe(200);
  });

  test('restart keeps both; a project.json from before live existed gets a live section, test unchanged', async () => {
    const before = t.server.project;
    await t.restart();
    expect(t.server.project).toEqual(before);
    const { live: _live, ...testOnly } = before;
    writeFileSync(join(t.dataDir, 'project.json'), JSON.stringify(testOnly));
    await t.restart();
    expect(t.server.project.secret).toBe(before.secret);
    expect(t.server.project.live.project_id).toBe(before.live.project_id);
    const live = t.server.project.live;
    const search = (password: string) =>
      t.api('/organizations/search', { body: {}, auth: { user: live.project_id, password } });
    if (t.dialect === 'postgres') {
      // A shared database's secret is never rotated at start-up (other instances may hold it).
      expect(live.secret).toBe('');
      expect((await search(before.live.secret)).status).toBe(200);
      return;
    }
    expect(live.secret).not.toBe(before.live.secret);
    expect(projectJson()).toEqual(t.server.project);
    expect((await search(live.secret)).status).toBe(200);
    expect((await search(before.live.secret)).status).toBe(401);
  });
});

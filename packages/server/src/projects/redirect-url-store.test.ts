import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { TEST_PKCE } from '../testing/journey.js';
import { createTestServer, latestMagicLinkToken, type TestServer } from '../testing/test-server.js';
import { createProjectStore, type ProjectStore } from './store.js';

let t: TestServer;
let store: ProjectStore;
beforeEach(async () => {
  t = await createTestServer({ dev: true });
  store = createProjectStore(t.server.db, t.clock.now);
});
afterEach(async () => {
  await t.close();
});

const send = (discovery_redirect_url?: string) =>
  t.sdk('/b2b/magic_links/email/discovery/send', {
    body: {
      email_address: 'ada@example.com',
      pkce_code_challenge: TEST_PKCE.challenge,
      ...(discovery_redirect_url ? { discovery_redirect_url } : {}),
    },
  });

describe('redirect URL allowlist through the API', () => {
  test('a new test project defaults every type to http://localhost:3000/', async () => {
    const rules = await store.listRedirectUrls(t.server.project.project_id);
    expect(rules.map((r) => r.type).sort()).toEqual(['discovery', 'invite', 'login', 'reset_password', 'signup']);
    expect(rules.every((r) => r.url === 'http://localhost:3000/' && r.is_default)).toBe(true);
  });

  test('one default per type: adding a new default replaces the old one, per type only', async () => {
    const id = t.server.project.project_id;
    await store.addRedirectUrl(id, 'https://app.example.com/discover', ['discovery'], true);
    const rules = await store.listRedirectUrls(id);
    expect(rules.filter((r) => r.is_default && r.type === 'discovery').map((r) => r.url)).toEqual([
      'https://app.example.com/discover',
    ]);
    expect(rules.filter((r) => r.is_default && r.type === 'login').map((r) => r.url)).toEqual([
      'http://localhost:3000/',
    ]);
    expect((await send()).status).toBe(200);
    expect(new URL((await latestMagicLinkToken(t.server, 'ada@example.com')).link).origin).toBe(
      'https://app.example.com',
    );
    // The old default is still allowed when asked for by name.
    expect((await send('http://localhost:3000/')).status).toBe(200);
  });

  test('{} placeholders, www. and wildcards (test) reach the mail link in canonical form', async () => {
    const id = t.server.project.project_id;
    await store.addRedirectUrl(id, 'https://app.example.com/cb?org={}', ['discovery']);
    await store.addRedirectUrl(id, 'https://*.preview.example.com/cb', ['discovery']);
    await store.addRedirectUrl(id, 'https://example.com/cb', ['discovery']);
    for (const [url, origin] of [
      ['https://app.example.com/cb?org=acme', 'https://app.example.com'],
      ['https://pr-7.preview.example.com/cb', 'https://pr-7.preview.example.com'],
      ['https://www.example.com/cb', 'https://www.example.com'],
    ] as const) {
      expect((await send(url)).status, url).toBe(200);
      const link = new URL((await latestMagicLinkToken(t.server, 'ada@example.com')).link);
      expect(link.origin).toBe(origin);
      expect(link.searchParams.get('stytch_token_type')).toBe('discovery');
    }
    for (const url of [
      'https://app.example.com/cb?org=acme&next=/evil',
      'https://preview.example.com/cb',
      'https://app.example.com/cb?org=a#x',
    ]) {
      expect((await send(url)).body.error_type, url).toBe('invalid_redirect_url');
    }
  });

  test('remove and list; a refused rule writes nothing', async () => {
    const id = t.server.project.project_id;
    await expect(store.addRedirectUrl(id, 'javascript:alert(1)')).rejects.toMatchObject({
      status: 400,
      errorType: 'invalid_redirect_url',
    });
    await store.addRedirectUrl(id, 'https://app.example.com/cb', ['login', 'signup']);
    expect(await store.removeRedirectUrl(id, 'https://app.example.com/cb', ['login'])).toBe(1);
    const rules = await store.listRedirectUrls(id);
    expect(rules.filter((r) => r.url === 'https://app.example.com/cb').map((r) => r.type)).toEqual(['signup']);
    expect(rules).toHaveLength(6);
  });

  test('authorized origins: add, list, remove', async () => {
    const id = t.server.project.project_id;
    expect(await store.addAuthorizedOrigin(id, 'https://App.Example.com:443')).toBe('https://app.example.com');
    await expect(store.addAuthorizedOrigin(id, 'https://app.example.com/path')).rejects.toMatchObject({ status: 400 });
    expect(await store.listAuthorizedOrigins(id)).toEqual(['http://localhost:3000', 'https://app.example.com']);
    expect(await store.removeAuthorizedOrigin(id, 'https://app.example.com')).toBe(true);
    expect(await store.removeAuthorizedOrigin(id, 'https://app.example.com')).toBe(false);
  });
});

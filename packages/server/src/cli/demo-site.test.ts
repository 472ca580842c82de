import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { TEST_PKCE } from '../testing/journey.js';
import { createTestServer, type TestServer } from '../testing/test-server.js';
import { listen } from '../http/listen.js';
import { allowDemoSite, createDemoSite, withDemoSite, type DemoSite } from './demo-site.js';

let dir: string;
let site: DemoSite;
let t: TestServer;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'orgauth-demo-'));
  writeFileSync(join(dir, 'index.html'), '<script>init("__ORGAUTH_PUBLIC_TOKEN__", "__ORGAUTH_BASE_URL__")</script>');
  writeFileSync(join(dir, 'react.html'), '<p>react</p>');
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'assets', 'app.js'), 'console.log("__ORGAUTH_PUBLIC_TOKEN__")');
  writeFileSync(join(tmpdir(), 'orgauth-secret.txt'), 'secret');
  site = await createDemoSite(dir, { publicToken: 'public-token-test-x', baseUrl: 'http://localhost:4000' });
  t = await createTestServer();
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await t.close();
});

const get = (path: string) => site(new Request(`http://localhost:4000${path}`));

describe('demo site', () => {
  test('serves html with the placeholders replaced and other files verbatim; the rest goes to the server', async () => {
    // Over a real socket, composed as the CLI does with --demo (cli/main.ts).
    const listener = await listen({ fetch: withDemoSite(site, t.server.app.fetch), port: 0, hostname: '127.0.0.1' });
    try {
      const index = await fetch(`${listener.origin}/`);
      expect(index.headers.get('content-type')).toContain('text/html');
      expect(index.headers.get('x-content-type-options')).toBe('nosniff');
      expect(await index.text()).toBe('<script>init("public-token-test-x", "http://localhost:4000")</script>');
      const js = await fetch(`${listener.origin}/assets/app.js`);
      expect(js.headers.get('content-type')).toContain('text/javascript');
      expect(await js.text()).toContain('__ORGAUTH_PUBLIC_TOKEN__');
      const api = await fetch(`${listener.origin}/sdk/v1/projects/bootstrap/${t.server.project.public_token}`);
      expect(api.status).toBe(200);
      expect(api.headers.get('content-type')).toMatch(/^application\/json/);
    } finally {
      await listener.close();
    }
  });

  test('never serves API paths, missing files, or files outside the folder', async () => {
    expect(await get('/sdk/v1/anything')).toBeUndefined();
    expect(await get('/dev/mailbox')).toBeUndefined();
    expect(await get('/orgauth.global.js')).toBeUndefined();
    expect(await get('/missing.html')).toBeUndefined();
    expect(await get('/../orgauth-secret.txt')).toBeUndefined();
    expect(await get('/%2e%2e/orgauth-secret.txt')).toBeUndefined();
    expect(await site(new Request('http://localhost:4000/', { method: 'POST' }))).toBeUndefined();
  });

  test('allowDemoSite authorizes both hosts and every page as redirect URL', async () => {
    await allowDemoSite(t.server, dir, 4000);
    for (const origin of ['http://localhost:4000', 'http://127.0.0.1:4000']) {
      expect((await t.sdk(`/projects/bootstrap/${t.server.project.public_token}`, { origin })).status).toBe(200);
      for (const page of ['/', '/index.html', '/react.html']) {
        const res = await t.sdk('/b2b/magic_links/email/discovery/send', {
          body: {
            email_address: 'a@b.test',
            pkce_code_challenge: TEST_PKCE.challenge,
            discovery_redirect_url: `${origin}${page}`,
          },
        });
        expect(res.status, `${origin}${page}`).toBe(200);
      }
    }
  });
});

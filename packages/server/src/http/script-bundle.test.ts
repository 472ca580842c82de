import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { withDemoSite, createDemoSite } from '../cli/demo-site.js';
import { createTestServer, type TestServer } from '../testing/test-server.js';
import { listen } from './listen.js';

// The README's `<script src="https://auth.example.com/orgauth.global.js">`: the server serves the
// script-tag bundle and its source map with caching headers. Every answer is read over a real
// socket through the CLI's listener.

const SCRIPT = '(()=>{window.OrgAuthBundle={version:1}})();\n//# sourceMappingURL=orgauth.global.js.map\n';
const MAP = '{"version":3,"sources":["src/global.ts"],"mappings":"AAAA"}';
const ACCOUNT =
  '(()=>{window.OrgAuthAccountBundle={version:1}})();\n//# sourceMappingURL=orgauth-account.global.js.map\n';
const ACCOUNT_MAP = '{"version":3,"sources":["src/account-global.ts"],"mappings":"AAAA"}';
const FACTORS =
  '(()=>{window.OrgAuthLoginFactors={version:1}})();\n//# sourceMappingURL=orgauth-login-factors.global.js.map\n';
const FACTORS_MAP = '{"version":3,"sources":["src/login-factors-global.ts"],"mappings":"AAAA"}';
/** Each script-tag bundle, its source map, and the contents the tests write for them. */
const BUNDLES = [
  { name: 'orgauth.global.js', script: SCRIPT, map: MAP },
  { name: 'orgauth-login-factors.global.js', script: FACTORS, map: FACTORS_MAP },
  { name: 'orgauth-account.global.js', script: ACCOUNT, map: ACCOUNT_MAP },
];

let dir: string;
let t: TestServer | undefined;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'orgauth-bundle-'));
});
afterEach(async () => {
  await t?.close();
  t = undefined;
  rmSync(dir, { recursive: true, force: true });
});

async function serveBundle(): Promise<TestServer> {
  for (const { name, script, map } of BUNDLES) {
    writeFileSync(join(dir, name), script);
    writeFileSync(join(dir, `${name}.map`), map);
  }
  return (t = await createTestServer({ scriptBundleDir: dir }));
}

describe('/orgauth.global.js and /orgauth-account.global.js', () => {
  test.each(BUNDLES)(
    '$name with its type, public caching, a strong ETag, nosniff, CORP and CORS for SRI',
    async ({ name, script, map: mapText }) => {
      const s = await serveBundle();
      const res = await s.http(`/${name}`, { headers: { origin: 'https://app.example.com' } });
      expect(res.status).toBe(200);
      expect(await res.text()).toBe(script);
      expect(
        Object.fromEntries(
          [
            'content-type',
            'cache-control',
            'x-content-type-options',
            'cross-origin-resource-policy',
            'access-control-allow-origin',
          ].map((h) => [h, res.headers.get(h)]),
        ),
      ).toEqual({
        'content-type': 'text/javascript; charset=utf-8',
        'cache-control': 'public, max-age=3600',
        'x-content-type-options': 'nosniff',
        'cross-origin-resource-policy': 'cross-origin',
        'access-control-allow-origin': '*',
      });
      expect(res.headers.get('etag')).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
      expect(res.headers.get('set-cookie')).toBeNull();

      const map = await s.http(`/${name}.map`);
      expect(map.status).toBe(200);
      expect(map.headers.get('content-type')).toBe('application/json; charset=utf-8');
      expect(map.headers.get('cache-control')).toBe('public, max-age=3600');
      expect(await map.text()).toBe(mapText);
      expect(map.headers.get('etag')).not.toBe(res.headers.get('etag'));
    },
  );

  test.each(BUNDLES)(
    '$name: If-None-Match answers 304 with the caching headers; a changed file gets a new ETag',
    async ({ name, script }) => {
      const s = await serveBundle();
      const tag = (await s.http(`/${name}`)).headers.get('etag') ?? '';
      for (const ifNoneMatch of [tag, `W/${tag}`, `"other", ${tag}`, '*']) {
        const res = await s.http(`/${name}`, { headers: { 'if-none-match': ifNoneMatch } });
        expect(res.status, ifNoneMatch).toBe(304);
        expect(await res.text()).toBe('');
        expect(res.headers.get('etag')).toBe(tag);
        expect(res.headers.get('cache-control')).toBe('public, max-age=3600');
        expect(res.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
      }
      expect((await s.http(`/${name}`, { headers: { 'if-none-match': '"stale"' } })).status).toBe(200);

      writeFileSync(join(dir, name), `${script}// rebuilt\n`);
      const changed = await s.http(`/${name}`, { headers: { 'if-none-match': tag } });
      expect(changed.status).toBe(200);
      expect(changed.headers.get('etag')).not.toBe(tag);
      expect(await changed.text()).toContain('// rebuilt');
    },
  );

  test('HEAD answers the headers without the body', async () => {
    const s = await serveBundle();
    const res = await s.http('/orgauth.global.js', { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(res.headers.get('etag')).toMatch(/^"/);
    expect(await res.text()).toBe('');
  });

  test('not built: the 404 envelope says how to build it', async () => {
    t = await createTestServer({ scriptBundleDir: dir });
    for (const path of BUNDLES.flatMap(({ name }) => [`/${name}`, `/${name}.map`])) {
      const res = await t.http(path);
      expect(res.status, path).toBe(404);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      expect(res.headers.get('cache-control')).toBeNull();
      const body = (await res.json()) as Record<string, unknown>;
      expect(body).toMatchObject({ status_code: 404, error_type: 'not_found', request_id: expect.any(String) });
      expect(body.error_message).toContain('npm run build');
    }
  });

  test('only at the top level: not under /sdk or /v1', async () => {
    const s = await serveBundle();
    for (const path of [
      '/sdk/v1/orgauth.global.js',
      '/sdk/v1/orgauth-account.global.js',
      '/v1/orgauth.global.js',
      '/v1/public/orgauth.global.js',
      '/orgauth.global.js/x',
    ]) {
      const res = await s.http(path);
      expect(res.status, path).toBe(404);
      expect(((await res.json()) as { error_type: string }).error_type).toBe('not_found');
    }
  });

  test('the locale packs are ES modules at /orgauth-locales/<tag>.js, and nothing else is under it', async () => {
    const s = await serveBundle();
    mkdirSync(join(dir, 'locales'));
    const pack = 'const e={locale:"de",dir:"ltr"};export{e as de};\n//# sourceMappingURL=de.js.map\n';
    writeFileSync(join(dir, 'locales', 'de.js'), pack);
    writeFileSync(join(dir, 'locales', 'de.js.map'), MAP);
    writeFileSync(join(dir, 'locales', 'secret.txt'), 'not served');
    const listener = await listen({ fetch: s.server.app.fetch, port: 0, hostname: '127.0.0.1' });
    try {
      const res = await fetch(`${listener.origin}/orgauth-locales/de.js`, {
        headers: { origin: 'https://app.example.com' },
      });
      expect(res.status).toBe(200);
      expect(await res.text()).toBe(pack);
      expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
      expect(res.headers.get('access-control-allow-origin')).toBe('*');
      expect(res.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
      expect(await (await fetch(`${listener.origin}/orgauth-locales/de.js.map`)).text()).toBe(MAP);
      for (const path of [
        '/orgauth-locales/secret.txt',
        '/orgauth-locales/xx.js',
        '/orgauth-locales/de.js/x',
        '/orgauth-locales/en.js',
      ]) {
        const other = await fetch(`${listener.origin}${path}`);
        expect(other.status, path).toBe(404);
        expect(await other.text(), path).not.toContain('not served');
      }
      // A pack that was not built: 404 with what to do, like the bundles.
      const missing = await fetch(`${listener.origin}/orgauth-locales/ja.js`);
      expect(missing.status).toBe(404);
      expect((await missing.json()).error_message).toContain('npm run build');
    } finally {
      await listener.close();
    }
  });

  test('with --demo the server still serves it, even when the demo folder holds its own copy', async () => {
    const s = await serveBundle();
    const demo = mkdtempSync(join(tmpdir(), 'orgauth-demo-'));
    writeFileSync(join(demo, 'index.html'), '<p>demo</p>');
    writeFileSync(join(demo, 'orgauth.global.js'), 'demo copy');
    writeFileSync(join(demo, 'orgauth-account.global.js'), 'demo copy');
    const listener = await listen({
      fetch: withDemoSite(
        await createDemoSite(demo, { publicToken: 'pt', baseUrl: 'http://localhost' }),
        s.server.app.fetch,
      ),
      port: 0,
      hostname: '127.0.0.1',
    });
    try {
      const script = await fetch(`${listener.origin}/orgauth.global.js`);
      expect(await script.text()).toBe(SCRIPT);
      const account = await fetch(`${listener.origin}/orgauth-account.global.js`);
      expect(await account.text()).toBe(ACCOUNT);
      expect(account.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
      expect(script.headers.get('cache-control')).toBe('public, max-age=3600');
      expect(await (await fetch(`${listener.origin}/orgauth.global.js.map`)).text()).toBe(MAP);
      expect(await (await fetch(`${listener.origin}/`)).text()).toBe('<p>demo</p>');
    } finally {
      await listener.close();
      rmSync(demo, { recursive: true, force: true });
    }
  });
});

test.each(BUNDLES)(
  'by default, running from source: the @orgauth/elements build of $name, or the 404 that asks for it',
  async ({ name }) => {
    const built = fileURLToPath(new URL(`../../../elements/dist/${name}`, import.meta.url));
    t = await createTestServer();
    const res = await t.http(`/${name}`);
    // Both branches assert: CI builds before testing (the first), a fresh checkout has no build (the second).
    if (existsSync(built)) {
      expect(res.status).toBe(200);
      expect(Buffer.from(await res.arrayBuffer()).equals(readFileSync(built))).toBe(true);
    } else {
      expect(res.status).toBe(404);
      expect(((await res.json()) as { error_message: string }).error_message).toContain('npm run build');
    }
  },
);

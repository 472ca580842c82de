import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { setUpDevSso } from '../dev/idp/dev-sso-setup.js';
import { createTestServer, type TestServer } from '../testing/test-server.js';
import { hostName, isDevHostAllowed, misdirectedRequest, withFrameAncestorsNone } from './dev-guards.js';
import { listen, type Listener } from './listen.js';

// DNS rebinding: a page on evil.example re-resolves its own name to 127.0.0.1 and reads the dev
// server same-origin. The Host header is all that tells such a request apart, and fetch() cannot
// set it, so these requests go through node:http to the CLI's listener (http/listen.ts) composed as
// the CLI composes it: Hono plus the dev OIDC provider in front (dev/idp/node-listener.ts).

const PUBLIC_URL = 'https://auth.dev.test';

/** A GET over the socket with this exact `Host` header. */
function getWithHost(
  listener: Listener,
  path: string,
  host: string,
): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: listener.port, path, headers: { host } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('isDevHostAllowed', () => {
  test.each([
    ['localhost', true],
    ['localhost:4300', true],
    ['LOCALHOST:4300', true],
    ['127.0.0.1:1', true],
    ['[::1]:4300', true],
    ['[::1]', true],
    ['auth.dev.test', true],
    ['auth.dev.test:8443', true],
    ['evil.example', false],
    ['evil.example:4300', false],
    ['localhost.evil.example', false],
    ['127.0.0.1.nip.io', false],
    ['127.0.0.2', false],
    ['[::2]:4300', false],
    ['dev.test', false],
    ['localhost@evil.example', false],
    ['localhost:4300/x', false],
    ['', false],
  ])('%s → %s', (host, allowed) => {
    expect(isDevHostAllowed(host, PUBLIC_URL)).toBe(allowed);
  });

  test('hostName strips the port and lower-cases', () => {
    expect(hostName('Auth.Dev.Test:443')).toBe('auth.dev.test');
    expect(hostName('[::1]:80')).toBe('[::1]');
    expect(hostName('a b')).toBeUndefined();
  });

  test('the refusal names each allowed host once', () => {
    expect(misdirectedRequest('http://localhost:3000').message).toContain('localhost, 127.0.0.1, [::1] (any port)');
    expect(misdirectedRequest(PUBLIC_URL).message).toContain('localhost, 127.0.0.1, [::1], auth.dev.test (any port)');
  });

  test('frame-ancestors is added once, never duplicated', () => {
    expect(withFrameAncestorsNone(null)).toBe("frame-ancestors 'none'");
    expect(withFrameAncestorsNone("default-src 'none';")).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(withFrameAncestorsNone("default-src 'none'; frame-ancestors 'none'")).toBe(
      "default-src 'none'; frame-ancestors 'none'",
    );
  });
});

describe('--dev server: only its own host names', () => {
  let t: TestServer;
  let listener: Listener;
  beforeAll(async () => {
    t = await createTestServer({ dev: true, publicUrl: PUBLIC_URL });
    const dev = await setUpDevSso(t.server, PUBLIC_URL);
    listener = await listen({
      fetch: (req) => t.server.app.fetch(req),
      port: 0,
      hostname: '127.0.0.1',
      createServer: dev.createServer,
    });
    await t.sdk('/b2b/magic_links/email/discovery/send', {
      body: { email_address: 'ada@example.com', pkce_code_challenge: 'hODA6vqpWjTCk_J4rFLkXOU3urXnUqAOaVmhOuEDtlo' },
    });
  });
  afterAll(async () => {
    await listener.close();
    await t.close();
  });

  test('a foreign Host gets 421 with the error envelope, on every kind of path, and no data', async () => {
    const paths = [
      '/dev/mailbox.json',
      '/dev/mailbox',
      '/dev/sms.json',
      '/dev/sms',
      `/sdk/v1/projects/bootstrap/${t.server.project.public_token}`,
      '/v1/b2b/organizations/search',
      '/dev/idp/oidc/.well-known/openid-configuration',
      '/',
    ];
    for (const path of paths) {
      for (const host of ['evil.example', `evil.example:${listener.port}`, '127.0.0.1.nip.io']) {
        const res = await getWithHost(listener, path, host);
        expect([path, host, res.status]).toEqual([path, host, 421]);
        expect(res.headers['content-type']).toContain('application/json');
        const body = JSON.parse(res.body) as Record<string, unknown>;
        expect(body).toMatchObject({ status_code: 421, error_type: 'misdirected_request' });
        expect(body.request_id).toMatch(/^request-id-/);
        expect(String(body.error_message)).toContain('localhost');
        expect(res.body).not.toContain('ada@example.com');
      }
    }
  });

  test('loopback names and the public URL host are answered, on any port', async () => {
    for (const host of [
      `localhost:${listener.port}`,
      'localhost:9',
      `127.0.0.1:${listener.port}`,
      `[::1]:${listener.port}`,
      'auth.dev.test',
      'auth.dev.test:8443',
    ]) {
      const res = await getWithHost(listener, '/dev/mailbox.json', host);
      expect([host, res.status]).toEqual([host, 200]);
      expect(res.body).toContain('ada@example.com');
    }
    const discovery = await getWithHost(listener, '/dev/idp/oidc/.well-known/openid-configuration', 'localhost');
    expect(discovery.status).toBe(200);
  });
});

describe('a server without --dev', () => {
  test('answers any Host (it runs behind its operator routing, not on a developer laptop)', async () => {
    const t = await createTestServer({ publicUrl: PUBLIC_URL });
    const listener = await listen({ fetch: (req) => t.server.app.fetch(req), port: 0, hostname: '127.0.0.1' });
    try {
      const res = await getWithHost(
        listener,
        `/sdk/v1/projects/bootstrap/${t.server.project.public_token}`,
        'evil.example',
      );
      expect(res.status).toBe(200);
      expect((await getWithHost(listener, '/dev/mailbox.json', 'localhost')).status).toBe(404);
    } finally {
      await listener.close();
      await t.close();
    }
  });
});

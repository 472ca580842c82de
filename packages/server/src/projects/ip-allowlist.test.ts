import { afterEach, describe, expect, test } from 'vitest';
import { addAllowedIp, listAllowedIps, removeAllowedIp } from './ip-allowlist.js';
import { createTestServer, type TestServer } from '../testing/test-server.js';

let t: TestServer;
afterEach(async () => {
  await t.close();
});

const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

/** A backend call; `ip` plays the TCP peer as `@hono/node-server` reports it. */
async function backend(
  opts: { ip?: string; headers?: Record<string, string>; live?: boolean; secret?: string; path?: string } = {},
) {
  const p = opts.live ? t.server.project.live : t.server.project;
  const res = await t.server.app.fetch(
    new Request(`http://localhost/v1/b2b${opts.path ?? '/organizations/search'}`, {
      method: opts.path ? 'GET' : 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: basic(p.project_id, opts.secret ?? p.secret),
        ...opts.headers,
      },
      ...(opts.path ? {} : { body: '{}' }),
    }),
    opts.ip === undefined ? undefined : { incoming: { socket: { remoteAddress: opts.ip } } },
  );
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe('backend IP allowlist', () => {
  test('none set: every IP (and none) is allowed', async () => {
    t = await createTestServer();
    expect((await backend()).status).toBe(200);
    expect((await backend({ ip: '198.51.100.1' })).status).toBe(200);
  });

  test('set: only listed addresses pass; others get the 403 ip_not_allowed envelope; per environment', async () => {
    t = await createTestServer();
    const id = t.server.project.project_id;
    await addAllowedIp(t.server.db, id, '203.0.113.5', t.clock.now());
    await addAllowedIp(t.server.db, id, '2001:DB8:0:0::1', t.clock.now());
    expect((await listAllowedIps(t.server.db, id)).sort()).toEqual(['2001:db8::1', '203.0.113.5']);
    expect((await backend({ ip: '203.0.113.5' })).status).toBe(200);
    expect((await backend({ ip: '::ffff:203.0.113.5' })).status).toBe(200);
    expect((await backend({ ip: '2001:db8::1' })).status).toBe(200);
    const refused = await backend({ ip: '198.51.100.1' });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ status_code: 403, error_type: 'ip_not_allowed' });
    expect(typeof refused.body.request_id).toBe('string');
    // Unknown IP fails closed; X-Forwarded-For is not trusted by default.
    expect((await backend()).status).toBe(403);
    expect((await backend({ ip: '198.51.100.1', headers: { 'x-forwarded-for': '203.0.113.5' } })).status).toBe(403);
    // A wrong secret from outside learns nothing about the secret: still 403.
    expect((await backend({ ip: '198.51.100.1', secret: 'secret-test-wrong' })).status).toBe(403);
    // The live environment has its own (empty) list.
    expect((await backend({ ip: '198.51.100.1', live: true })).status).toBe(200);
    // JWKS is public: never behind the allowlist.
    expect((await backend({ ip: '198.51.100.1', path: `/sessions/jwks/${id}` })).status).toBe(200);
    expect(await removeAllowedIp(t.server.db, id, '203.0.113.5')).toBe(true);
    expect((await backend({ ip: '203.0.113.5' })).status).toBe(403);
    expect(await removeAllowedIp(t.server.db, id, '2001:db8::1')).toBe(true);
    expect((await backend({ ip: '198.51.100.1' })).status).toBe(200);
  });

  test('trustProxyHeader: the rightmost entry of the configured header, only when configured', async () => {
    t = await createTestServer({ trustProxyHeader: 'X-Forwarded-For' });
    await addAllowedIp(t.server.db, t.server.project.project_id, '203.0.113.5', t.clock.now());
    expect(
      (await backend({ ip: '10.0.0.1', headers: { 'x-forwarded-for': '198.51.100.1, 203.0.113.5' } })).status,
    ).toBe(200);
    expect(
      (await backend({ ip: '10.0.0.1', headers: { 'x-forwarded-for': '203.0.113.5, 198.51.100.1' } })).status,
    ).toBe(403);
  });

  test('at most 10 exact addresses; ranges and junk refused; re-adding is idempotent', async () => {
    t = await createTestServer();
    const id = t.server.project.project_id;
    for (let i = 1; i <= 10; i++) await addAllowedIp(t.server.db, id, `192.0.2.${i}`, t.clock.now());
    await addAllowedIp(t.server.db, id, '192.0.2.1', t.clock.now());
    await expect(addAllowedIp(t.server.db, id, '192.0.2.11', t.clock.now())).rejects.toMatchObject({ status: 400 });
    for (const bad of ['192.0.2.0/24', '192.0.2', '01.2.3.4', 'example.com', '', 'fe80::1%eth0']) {
      await expect(addAllowedIp(t.server.db, id, bad, t.clock.now()), bad).rejects.toMatchObject({ status: 400 });
    }
    expect(await listAllowedIps(t.server.db, id)).toHaveLength(10);
  });
});

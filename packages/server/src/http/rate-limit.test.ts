import { afterEach, describe, expect, test } from 'vitest';
import { createRateLimiter, type RateLimitOptions } from './rate-limit.js';
import { TEST_PKCE } from '../testing/journey.js';
import { createTestServer, type TestResponse, type TestServer } from '../testing/test-server.js';

let t: TestServer;
afterEach(async () => {
  await t.close();
});

const HOUR = 3_600_000;
const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

/** A call as `@hono/node-server` makes it: the socket peer address in `env.incoming`. */
async function call(
  path: string,
  body: unknown,
  opts: { ip?: string; backend?: boolean; headers?: Record<string, string> } = {},
): Promise<TestResponse> {
  const p = t.server.project;
  const auth = opts.backend ? basic(p.project_id, p.secret) : basic(p.public_token, p.public_token);
  const url = opts.backend ? `http://localhost/v1/b2b${path}` : `http://localhost/sdk/v1/b2b${path}`;
  const env = opts.ip === undefined ? undefined : { incoming: { socket: { remoteAddress: opts.ip } } };
  const res = await t.server.app.fetch(
    new Request(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: auth, ...opts.headers },
      body: JSON.stringify(body),
    }),
    env,
  );
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: JSON.parse(text) };
}

// SDK sends carry a PKCE challenge (CSRF-02), SDK authenticates its verifier.
const pkce = { pkce_code_challenge: TEST_PKCE.challenge };
const send = (email: string, ip = '198.51.100.7') =>
  call('/magic_links/email/discovery/send', { email_address: email, ...pkce }, { ip });
const authenticate = (token: string, ip = '198.51.100.7') =>
  call(
    '/magic_links/discovery/authenticate',
    { discovery_magic_links_token: token, pkce_code_verifier: TEST_PKCE.verifier },
    { ip },
  );

async function start(rateLimits?: RateLimitOptions): Promise<void> {
  t = await createTestServer({ dev: true, ...(rateLimits === undefined ? {} : { rateLimits }) });
}

/** The 429 envelope (its Retry-After header is checked over the socket below). */
function expect429(res: TestResponse): void {
  expect(res.status).toBe(429);
  expect(res.body).toMatchObject({ status_code: 429, error_type: 'too_many_requests' });
  expect(typeof res.body.request_id).toBe('string');
}

// `call` plays several client IPs in-process (env.incoming, as @hono/node-server passes it); the
// headers of a 429 are read here over a real socket, through the CLI's listener, from 127.0.0.1.
describe('429 answers over the socket', () => {
  test('Retry-After within the window, the JSON envelope, for sends and authenticate attempts', async () => {
    await start({ sendPerIp: { max: 1, windowMinutes: 10 }, authenticatePerIp: { max: 1, windowMinutes: 60 } });
    const sendBody = (email: string) => ({ email_address: email, ...pkce });
    expect((await t.sdk('/b2b/magic_links/email/discovery/send', { body: sendBody('a@example.com') })).status).toBe(
      200,
    );
    const sendRefused = await t.sdk('/b2b/magic_links/email/discovery/send', { body: sendBody('b@example.com') });
    const authBody = (token: string) => ({
      discovery_magic_links_token: token,
      pkce_code_verifier: TEST_PKCE.verifier,
    });
    expect((await t.sdk('/b2b/magic_links/discovery/authenticate', { body: authBody('A'.repeat(44)) })).status).toBe(
      404,
    );
    const authRefused = await t.sdk('/b2b/magic_links/discovery/authenticate', { body: authBody('B'.repeat(44)) });
    for (const [res, windowSeconds] of [
      [sendRefused, 600],
      [authRefused, 3600],
    ] as const) {
      expect429(res);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      const wait = Number(res.headers.get('retry-after'));
      expect(wait).toBeGreaterThan(0);
      expect(wait).toBeLessThanOrEqual(windowSeconds);
    }
  });
});

describe('rate limits on sends', () => {
  test('10 mails per address per hour by default; the 11th is 429 with Retry-After, and no mail goes out', async () => {
    await start();
    for (let i = 0; i < 10; i++) expect((await send('ada@example.com')).status).toBe(200);
    const refused = await send('ADA@example.com');
    expect429(refused);
    expect((await t.server.mailbox.list()).filter((m) => m.to === 'ada@example.com')).toHaveLength(10);
    // Another address is unaffected; the window resets.
    expect((await send('bob@example.com')).status).toBe(200);
    t.clock.advance(HOUR);
    expect((await send('ada@example.com')).status).toBe(200);
  });

  test('per IP across addresses (SDK), configurable; another IP is unaffected', async () => {
    await start({ sendPerIp: { max: 3, windowMinutes: 10 } });
    for (let i = 0; i < 3; i++) expect((await send(`u${i}@example.com`, '203.0.113.9')).status).toBe(200);
    expect429(await send('u9@example.com', '203.0.113.9'));
    expect((await send('u9@example.com', '203.0.113.10')).status).toBe(200);
    t.clock.advance(10 * 60_000);
    expect((await send('u8@example.com', '203.0.113.9')).status).toBe(200);
  });

  test('X-Forwarded-For cannot dodge the per-IP limit (not trusted by default)', async () => {
    await start({ sendPerIp: { max: 2, windowMinutes: 60 } });
    for (let i = 0; i < 2; i++) {
      const res = await call(
        '/magic_links/email/discovery/send',
        { email_address: `x${i}@example.com`, ...pkce },
        { ip: '203.0.113.9', headers: { 'x-forwarded-for': `10.0.0.${i}` } },
      );
      expect(res.status).toBe(200);
    }
    expect429(
      await call(
        '/magic_links/email/discovery/send',
        { email_address: 'x9@example.com', ...pkce },
        { ip: '203.0.113.9', headers: { 'x-forwarded-for': '10.9.9.9' } },
      ),
    );
  });

  test('backend sends are limited per address, not per IP (one backend serves all its users)', async () => {
    await start({ sendPerEmail: { max: 2, windowMinutes: 60 }, sendPerIp: { max: 1, windowMinutes: 60 } });
    expect(
      (
        await call(
          '/magic_links/email/discovery/send',
          { email_address: 'a@example.com' },
          { backend: true, ip: '192.0.2.1' },
        )
      ).status,
    ).toBe(200);
    expect(
      (
        await call(
          '/magic_links/email/discovery/send',
          { email_address: 'b@example.com' },
          { backend: true, ip: '192.0.2.1' },
        )
      ).status,
    ).toBe(200);
    expect(
      (
        await call(
          '/magic_links/email/discovery/send',
          { email_address: 'a@example.com' },
          { backend: true, ip: '192.0.2.1' },
        )
      ).status,
    ).toBe(200);
    expect429(
      await call(
        '/magic_links/email/discovery/send',
        { email_address: 'a@example.com' },
        { backend: true, ip: '192.0.2.1' },
      ),
    );
  });

  test('rateLimits: false switches limiting off', async () => {
    await start(false);
    for (let i = 0; i < 12; i++) expect((await send('ada@example.com')).status).toBe(200);
  });
});

describe('rate limits on authenticate attempts', () => {
  test('failures per IP: after 100 failed attempts in an hour the IP gets 429, even with a valid token', async () => {
    await start();
    for (let i = 0; i < 100; i++) expect((await authenticate(`bad-${i}`.padEnd(44, 'x'))).status).toBe(404);
    expect((await send('ada@example.com', '203.0.113.50')).status).toBe(200);
    const link = (await t.server.mailbox.list())[0]!.text.match(/token=([^\s&]+)/)![1]!;
    expect429(await authenticate(decodeURIComponent(link)));
    // Another IP still works, and the token was not burnt by the refused attempt.
    expect((await authenticate(decodeURIComponent(link), '203.0.113.51')).status).toBe(200);
  });

  test('failures per token are counted across IPs', async () => {
    await start({ failuresPerKey: { max: 3, windowMinutes: 60 } });
    const token = 'Z'.repeat(44);
    for (let i = 0; i < 3; i++) expect((await authenticate(token, `203.0.113.${i}`)).status).toBe(404);
    expect429(await authenticate(token, '203.0.113.99'));
    t.clock.advance(HOUR);
    expect((await authenticate(token, '203.0.113.99')).status).toBe(404);
  });

  test('all attempts per IP are capped too', async () => {
    await start({ authenticatePerIp: { max: 2, windowMinutes: 60 } });
    expect((await authenticate('A'.repeat(44))).status).toBe(404);
    expect((await authenticate('B'.repeat(44))).status).toBe(404);
    expect429(await authenticate('C'.repeat(44)));
  });

  test('counters store no address, IP or token in the clear', async () => {
    await start({ failuresPerKey: { max: 1, windowMinutes: 60 } });
    await send('secret-person@example.com', '203.0.113.77');
    await authenticate('T'.repeat(44), '203.0.113.77');
    const rows = await t.server.db.selectFrom('rate_limits').selectAll().execute();
    expect(rows.length).toBeGreaterThan(0);
    const dump = JSON.stringify(rows);
    for (const secret of ['secret-person', '203.0.113.77', 'TTTT']) expect(dump).not.toContain(secret);
  });

  test("clear forgets a key's counters, scoped (per-IP) ones included, and nothing else (AUTH-01)", async () => {
    await start();
    const limiter = createRateLimiter(t.server.db, t.clock.now, {});
    const rule = { max: 2, windowMinutes: 60 };
    const project = t.server.project.project_id;
    const full = async (key: string, scope?: string) => {
      const counter = { bucket: 'failuresPerKey' as const, key, scope, rule };
      await limiter.hit(project, [counter]);
      await limiter.hit(project, [counter]);
      return () => limiter.peek(project, [counter]);
    };
    const fromA = await full('ada@example.com', '203.0.113.1');
    const fromB = await full('ada@example.com', '203.0.113.2');
    const unscoped = await full('ada@example.com');
    const other = await full('bob@example.com', '203.0.113.1');
    for (const peek of [fromA, fromB, unscoped, other]) expect(await peek()).toBeGreaterThan(0);
    const dump = JSON.stringify(await t.server.db.selectFrom('rate_limits').selectAll().execute());
    for (const secret of ['ada@', '203.0.113']) expect(dump).not.toContain(secret);
    await limiter.clear(project, ['failuresPerKey'], 'ada@example.com');
    for (const peek of [fromA, fromB, unscoped]) expect(await peek()).toBeUndefined();
    expect(await other()).toBeGreaterThan(0);
  });
});

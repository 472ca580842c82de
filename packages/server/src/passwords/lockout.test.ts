import { afterEach, describe, expect, test } from 'vitest';
import { DEFAULT_RATE_LIMITS } from '../http/rate-limit.js';
import { signUp } from '../testing/journey.js';
import { createTestServer, latestOtpCode, type TestResponse, type TestServer } from '../testing/test-server.js';
import { setPassword } from './store.js';
import { mailedReset, sdkReset, sdkResetStart, STRONG } from './testing/reset-journey.js';

// docs/security.md AUTH-01 without malicious lockout (http/auth-failures.ts): failures count per
// (email, client IP) — 20 an hour — and per email from everywhere — 100 an hour — across
// organizations, discovery, the backend and case variants. An attacker's IP spends only its own
// allowance; 100 distributed failures lock the email until the window ends or its owner proves the
// inbox with a reset link.
const PASSWORD = 'violet-harbor-quantum-47';
const PAIR = DEFAULT_RATE_LIMITS.failuresPerKey;
const CEILING = DEFAULT_RATE_LIMITS.failuresPerEmail;
let t: TestServer;
let org: string;
afterEach(async () => {
  await t.close();
});

// Up to 120 scrypt checks a test: generous on a loaded machine and PostgreSQL (no figure is asserted).
const SLOW = 90_000;
/** Small limits for the tests that need the scheme, not its default numbers. */
const SMALL = { failuresPerKey: { max: 3, windowMinutes: 60 }, failuresPerEmail: { max: 8, windowMinutes: 60 } };

async function start(rateLimits?: typeof SMALL): Promise<void> {
  t = await createTestServer({ dev: true, ...(rateLimits === undefined ? {} : { rateLimits }) });
  const project = t.server.project.project_id;
  org = (await signUp(t, 'ada@acme.test', 'acme')).organization_id;
  await t.api(`/organizations/${org}/members`, { body: { email_address: 'bob@acme.test' } });
  for (const email of ['ada@acme.test', 'bob@acme.test'])
    await setPassword(t.server.db, project, email, PASSWORD, t.clock.now());
}

/** A call as `@hono/node-server` makes it, from client `ip` (the socket peer), or from the backend. */
async function call(path: string, body: unknown, from: { ip: string } | 'backend'): Promise<TestResponse> {
  const p = t.server.project;
  const backend = from === 'backend';
  const user = backend ? `${p.project_id}:${p.secret}` : `${p.public_token}:${p.public_token}`;
  const res = await t.server.app.fetch(
    new Request(`http://localhost/${backend ? 'v1' : 'sdk/v1'}/b2b${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Basic ${Buffer.from(user).toString('base64')}` },
      body: JSON.stringify(body),
    }),
    backend ? undefined : { incoming: { socket: { remoteAddress: from.ip } } },
  );
  return { status: res.status, headers: res.headers, body: JSON.parse(await res.text()) };
}

const signIn = (email: string, password: string, from: { ip: string } | 'backend') =>
  call('/passwords/authenticate', { organization_id: org, email_address: email, password }, from);

function expectLocked(res: TestResponse): void {
  expect(res.status).toBe(429);
  expect(res.body.error_type).toBe('too_many_requests');
}

/** `count` wrong passwords against `email`, spread over IPs so no (email, IP) pair fills up. */
async function distributedFailures(email: string, count: number, perIp = PAIR.max): Promise<void> {
  for (let i = 0; i < count; i++) {
    // Case variants are one email: they count against, and are refused by, the same lock.
    const variant = i % 2 === 0 ? email : email.toUpperCase();
    const res = await signIn(variant, `wrong-${i}`, { ip: `203.0.113.${Math.floor(i / perIp)}` });
    expect(res.status, `attempt ${i + 1}`).toBe(401);
  }
}

describe('password lockout without malicious lockout (AUTH-01)', () => {
  test(
    "an attacker's IP exhausts only its own (email, IP) allowance: the owner signs in from elsewhere",
    async () => {
      expect(PAIR.max).toBeLessThan(CEILING.max);
      await start();
      const attacker = { ip: '198.51.100.66' };
      for (let i = 0; i < PAIR.max; i++)
        expect((await signIn('ada@acme.test', `wrong-${i}`, attacker)).status).toBe(401);
      const refused = await signIn('ADA@acme.test', PASSWORD, attacker);
      expectLocked(refused);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      // Through discovery too, from the attacker's IP.
      const discovery = await call(
        '/passwords/discovery/authenticate',
        { email_address: 'ada@acme.test', password: PASSWORD },
        attacker,
      );
      expectLocked(discovery);
      // The owner, from their own IP or through the backend, is not held back.
      expect((await signIn('ada@acme.test', PASSWORD, { ip: '192.0.2.10' })).status).toBe(200);
      expect((await signIn('ada@acme.test', PASSWORD, 'backend')).status).toBe(200);
      // The attacker's IP may still try other addresses (its per-IP allowance is another limit).
      expect((await signIn('bob@acme.test', PASSWORD, attacker)).status).toBe(200);
    },
    SLOW,
  );

  test(
    '100 failures from many IPs lock the email everywhere before #101, not other members; the lock expires',
    async () => {
      expect(CEILING.max).toBeLessThanOrEqual(100);
      await start();
      await distributedFailures('ada@acme.test', CEILING.max);
      // #101, from a fresh IP, from the backend, through discovery: refused, even with the right password.
      expectLocked(await signIn('ada@acme.test', PASSWORD, { ip: '192.0.2.10' }));
      expectLocked(await signIn('Ada@Acme.test', PASSWORD, 'backend'));
      const discovery = await call(
        '/passwords/discovery/authenticate',
        { email_address: 'ada@acme.test', password: PASSWORD },
        { ip: '192.0.2.11' },
      );
      expectLocked(discovery);
      // Another member of the same organization is not locked out.
      expect((await signIn('bob@acme.test', PASSWORD, { ip: '192.0.2.10' })).status).toBe(200);
      // The lock lifts when its window ends.
      t.clock.advance(CEILING.windowMinutes * 60_000);
      expect((await signIn('ada@acme.test', PASSWORD, { ip: '192.0.2.10' })).status).toBe(200);
    },
    SLOW,
  );

  test(
    'backend failures count against the ceiling only: a backend serving everyone cannot lock an email at 20',
    async () => {
      await start();
      for (let i = 0; i < PAIR.max + 5; i++)
        expect((await signIn('ada@acme.test', `wrong-${i}`, 'backend')).status).toBe(401);
      expect((await signIn('ada@acme.test', PASSWORD, 'backend')).status).toBe(200);
    },
    SLOW,
  );

  test("a completed email reset clears that email's failures (every IP and the ceiling), not another's", async () => {
    await start(SMALL);
    await distributedFailures('ada@acme.test', SMALL.failuresPerEmail.max, SMALL.failuresPerKey.max);
    const bobIp = { ip: '198.51.100.7' };
    for (let i = 0; i < SMALL.failuresPerKey.max; i++)
      expect((await signIn('bob@acme.test', `wrong-${i}`, bobIp)).status).toBe(401);
    expectLocked(await signIn('ada@acme.test', PASSWORD, { ip: '203.0.113.0' }));

    expect((await sdkResetStart(t, org, 'ada@acme.test')).status).toBe(200);
    const reset = await sdkReset(t, (await mailedReset(t, 'ada@acme.test')).token, STRONG);
    expect(reset.status).toBe(200);
    // Even from an IP whose (email, IP) pair was full, in the same window.
    expect((await signIn('ada@acme.test', STRONG, { ip: '203.0.113.0' })).status).toBe(200);
    expectLocked(await signIn('bob@acme.test', PASSWORD, bobIp));
  });

  test("wrong email codes follow the same scheme and share the email's ceiling with passwords", async () => {
    await start(SMALL);
    const pair = SMALL.failuresPerKey.max;
    const code = (value: string, ip: string) =>
      call('/otps/email/discovery/authenticate', { email_address: 'ada@acme.test', code: value }, { ip });
    for (let i = 0; i < pair; i++) expect((await code('000000', '198.51.100.66')).status).toBe(404);
    expectLocked(await code('000000', '198.51.100.66'));
    // The owner asks for a fresh code (wrong guesses kill a code: AUTH-11) and uses it from their IP.
    expect((await t.sdk('/b2b/otps/email/discovery/send', { body: { email_address: 'ada@acme.test' } })).status).toBe(
      200,
    );
    expect((await code(await latestOtpCode(t.server, 'ada@acme.test'), '192.0.2.10')).status).toBe(200);
    // Codes and passwords fill one ceiling per email.
    for (let i = pair; i < SMALL.failuresPerEmail.max; i++)
      expect((await code('000000', `203.0.113.${Math.floor(i / pair)}`)).status).toBe(404);
    expectLocked(await signIn('ada@acme.test', PASSWORD, { ip: '192.0.2.10' }));
  });
});

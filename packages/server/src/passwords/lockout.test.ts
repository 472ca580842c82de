import { afterEach, describe, expect, test } from 'vitest';
import { DEFAULT_RATE_LIMITS } from '../http/rate-limit.js';
import { signUp } from '../testing/journey.js';
import { createTestServer, type TestServer } from '../testing/test-server.js';
import { setPassword } from './store.js';

// docs/security.md AUTH-01: failed password attempts lock the email (≤ 100 per hour; 20 by default)
// across organizations, discovery and case variants; other members are unaffected; the lock expires.
const PASSWORD = 'violet-harbor-quantum-47';
let t: TestServer;
afterEach(async () => {
  await t.close();
});

describe('password lockout (AUTH-01)', () => {
  test('with the default limits the 21st try of one email is refused, even right; others sign in; it expires', async () => {
    expect(DEFAULT_RATE_LIMITS.failuresPerKey.max).toBeLessThanOrEqual(100);
    t = await createTestServer({ dev: true });
    const project = t.server.project.project_id;
    const org = (await signUp(t, 'ada@acme.test', 'acme')).organization_id;
    await t.api(`/organizations/${org}/members`, { body: { email_address: 'bob@acme.test' } });
    for (const email of ['ada@acme.test', 'bob@acme.test'])
      await setPassword(t.server.db, project, email, PASSWORD, t.clock.now());
    const attempt = (email: string, password: string) =>
      t.sdk('/b2b/passwords/authenticate', {
        body: { organization_id: org, email_address: email, password, session_duration_minutes: 60 },
      });
    const max = DEFAULT_RATE_LIMITS.failuresPerKey.max;
    for (let i = 0; i < max; i++) {
      // Case variants are one email: they count against, and are refused by, the same lock.
      const email = i % 2 === 0 ? 'ada@acme.test' : 'ADA@Acme.TEST';
      expect((await attempt(email, `wrong-${i}`)).status).toBe(401);
    }
    const locked = await attempt('Ada@acme.test', PASSWORD);
    expect(locked.status).toBe(429);
    expect(locked.body.error_type).toBe('too_many_requests');
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    // The same email through discovery and the backend API is locked too.
    const discovery = await t.sdk('/b2b/passwords/discovery/authenticate', {
      body: { email_address: 'ada@acme.test', password: PASSWORD },
    });
    expect(discovery.status).toBe(429);
    const backend = await t.api('/passwords/authenticate', {
      body: { organization_id: org, email_address: 'ada@acme.test', password: PASSWORD },
    });
    expect(backend.status).toBe(429);
    // Another member of the same organization is not locked out.
    expect((await attempt('bob@acme.test', PASSWORD)).status).toBe(200);
    // The lock lifts when its window ends.
    t.clock.advance(DEFAULT_RATE_LIMITS.failuresPerKey.windowMinutes * 60_000);
    expect((await attempt('ada@acme.test', PASSWORD)).status).toBe(200);
  });
});

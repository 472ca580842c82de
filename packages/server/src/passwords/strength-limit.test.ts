import { afterEach, describe, expect, test } from 'vitest';
import { DEFAULT_RATE_LIMITS } from '../http/rate-limit.js';
import { createTestServer, type TestResponse, type TestServer } from '../testing/test-server.js';

// The strength check runs zxcvbn (73–330 ms of CPU a call), so it is limited per client IP and per
// public token (SDK), and per calling backend's IP (backend API): http/rate-limit-checks.ts `limitCpu`.
let t: TestServer;
afterEach(async () => {
  await t.close();
});

async function check(from: { ip: string } | { backend: string }): Promise<TestResponse> {
  const p = t.server.project;
  const backend = 'backend' in from;
  const user = backend ? `${p.project_id}:${p.secret}` : `${p.public_token}:${p.public_token}`;
  const ip = backend ? from.backend : from.ip;
  const res = await t.server.app.fetch(
    new Request(`http://localhost/${backend ? 'v1' : 'sdk/v1'}/b2b/passwords/strength_check`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Basic ${Buffer.from(user).toString('base64')}` },
      body: JSON.stringify({ password: 'correct horse' }),
    }),
    { incoming: { socket: { remoteAddress: ip } } },
  );
  return { status: res.status, headers: res.headers, body: JSON.parse(await res.text()) };
}

function expect429(res: TestResponse, windowSeconds: number): void {
  expect(res.status).toBe(429);
  expect(res.body).toMatchObject({ status_code: 429, error_type: 'too_many_requests' });
  const wait = Number(res.headers.get('retry-after'));
  expect(wait).toBeGreaterThan(0);
  expect(wait).toBeLessThanOrEqual(windowSeconds);
}

describe('passwords/strength_check rate limits', () => {
  test('SDK: per client IP, then per public token across IPs; the window resets', async () => {
    // Defaults: per IP, more than a person typing needs (one check per 300 ms pause); per token, a project-wide cap.
    expect(DEFAULT_RATE_LIMITS.cpuPerIp).toEqual({ max: 60, windowMinutes: 10 });
    expect(DEFAULT_RATE_LIMITS.cpuPerToken.max).toBeGreaterThan(DEFAULT_RATE_LIMITS.cpuPerIp.max);
    t = await createTestServer({
      dev: true,
      rateLimits: { cpuPerIp: { max: 2, windowMinutes: 10 }, cpuPerToken: { max: 3, windowMinutes: 60 } },
    });
    for (let i = 0; i < 2; i++) expect((await check({ ip: '203.0.113.1' })).status).toBe(200);
    expect429(await check({ ip: '203.0.113.1' }), 600);
    expect429(await check({ ip: '203.0.113.1' }), 600);
    // Another IP has its own allowance, until the public token's is spent (refused calls spent none).
    expect((await check({ ip: '203.0.113.2' })).status).toBe(200);
    expect429(await check({ ip: '203.0.113.3' }), 3600);
    // The backend is counted apart (per its own IP, under the per-token rule).
    expect((await check({ backend: '192.0.2.1' })).status).toBe(200);
    t.clock.advance(60 * 60_000);
    expect((await check({ ip: '203.0.113.1' })).status).toBe(200);
  });

  test('backend: per calling IP under the per-token rule', async () => {
    t = await createTestServer({ dev: true, rateLimits: { cpuPerToken: { max: 2, windowMinutes: 60 } } });
    for (let i = 0; i < 2; i++) expect((await check({ backend: '192.0.2.1' })).status).toBe(200);
    expect429(await check({ backend: '192.0.2.1' }), 3600);
    expect((await check({ backend: '192.0.2.2' })).status).toBe(200);
  });
});

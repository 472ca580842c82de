import { afterEach, describe, expect, test } from 'vitest';
import { createTestServer, type TestServer } from '../testing/test-server.js';

// The dev SMS outbox page (dev/sms-outbox.ts) holds live codes: only with --dev, the mailbox's CSP,
// no framing, every message escaped. Requests go over the CLI's listener, headers as browsers see them.

let t: TestServer | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

const store = (server: TestServer, to: string, body: string) =>
  server.server.db
    .insertInto('sms_outbox')
    .values({
      id: `sms-${to}-${body.length}`,
      project_id: server.server.project.project_id,
      to_number: to,
      body,
      sent_at: server.clock.now(),
      seq: Date.now() * 1000 + body.length,
    })
    .execute();

describe('dev SMS outbox', () => {
  test('is mounted only in dev mode', async () => {
    t = await createTestServer();
    for (const path of ['/dev/sms', '/dev/sms.json']) expect((await t.http(path)).status).toBe(404);
  });

  test('JSON lists messages newest first with a to= filter; the page is guarded and clearable', async () => {
    t = await createTestServer({ dev: true });
    await store(t, '+14155550100', '111111 is your P verification code.');
    await store(t, '+4915123456789', '222222 is your P verification code!');
    const all = (await (await t.http('/dev/sms.json')).json()) as { to: string; body: string }[];
    expect(all.map((m) => m.to)).toEqual(['+4915123456789', '+14155550100']);
    const one = (await (await t.http('/dev/sms.json?to=%2B14155550100')).json()) as { body: string }[];
    expect(one.map((m) => m.body)).toEqual(['111111 is your P verification code.']);

    const page = await t.http('/dev/sms');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    expect(page.headers.get('cache-control')).toBe('no-store');
    const html = await page.text();
    expect(html).toContain('222222 is your P verification code!');
    expect(html).not.toContain('<script');

    expect((await t.http('/dev/sms', { method: 'DELETE' })).status).toBe(204);
    expect(await t.server.smsOutbox.list()).toEqual([]);
  });

  test('message content cannot inject markup into the page', async () => {
    t = await createTestServer({ dev: true });
    await store(t, '<b>+1</b>', '<img src=x onerror=alert(1)><script>alert(1)</script>');
    const html = await (await t.http('/dev/sms')).text();
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<b>+1');
    expect(html).toContain('&lt;script&gt;');
  });
});

import { afterEach, describe, expect, test } from 'vitest';
import { signUp } from '../testing/journey.js';
import { createTestServer, latestOtpCode, type TestServer } from '../testing/test-server.js';

// Rate limits declared by the routes (http/rate-limit.ts), answered over the CLI's listener with
// Retry-After, and the mail a code arrives in.

let t: TestServer;
afterEach(async () => {
  await t.close();
});

const discoverySend = (email: string) => t.sdk('/b2b/otps/email/discovery/send', { body: { email_address: email } });

describe('rate limits with Retry-After', () => {
  test('per email: sends to one address are capped, SDK and backend alike; others still get theirs', async () => {
    t = await createTestServer({ dev: true, rateLimits: { sendPerEmail: { max: 2, windowMinutes: 10 } } });
    const org = (await signUp(t, 'ada@acme.test', 'acme')).organization_id;
    expect((await discoverySend('x@example.com')).status).toBe(200);
    expect(
      (
        await t.sdk('/b2b/otps/email/login_or_signup', {
          body: { organization_id: org, email_address: 'x@example.com' },
        })
      ).status,
    ).toBe(200);
    const refused = await t.api('/otps/email/discovery/send', { body: { email_address: 'x@example.com' } });
    expect(refused.status).toBe(429);
    expect(refused.body.error_type).toBe('too_many_requests');
    const retry = Number(refused.headers.get('retry-after'));
    expect(retry).toBeGreaterThan(0);
    expect(retry).toBeLessThanOrEqual(600);
    expect((await discoverySend('y@example.com')).status).toBe(200);
  });

  test('per IP: SDK sends from one address are capped whatever the recipient', async () => {
    t = await createTestServer({ dev: true, rateLimits: { sendPerIp: { max: 3, windowMinutes: 60 } } });
    for (let i = 0; i < 3; i++) expect((await discoverySend(`p${i}@example.com`)).status).toBe(200);
    const refused = await discoverySend('p9@example.com');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  test('per email on authenticate: failures against one address lock it out across codes, not others', async () => {
    t = await createTestServer({ dev: true, rateLimits: { failuresPerKey: { max: 6, windowMinutes: 60 } } });
    const attempt = (email: string) =>
      t.sdk('/b2b/otps/email/discovery/authenticate', { body: { email_address: email, code: '000000' } });
    for (let i = 0; i < 6; i++) {
      if (i % 5 === 0) await discoverySend('x@example.com'); // fresh codes do not reset the lock
      expect((await attempt('x@example.com')).status).not.toBe(429);
    }
    await discoverySend('x@example.com');
    const code = await latestOtpCode(t.server, 'x@example.com');
    const locked = await t.sdk('/b2b/otps/email/discovery/authenticate', {
      body: { email_address: 'x@example.com', code },
    });
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await attempt('y@example.com')).status).toBe(404);
  });
});

describe('the mail', () => {
  test('says the code and the organization (escaped), and the dev mailbox shows it', async () => {
    t = await createTestServer({ dev: true, rateLimits: false });
    const org = (await signUp(t, 'ada@acme.test', 'acme')).organization_id;
    await t.api(`/organizations/${org}`, { method: 'PUT', body: { organization_name: '<b>Acme</b> & "Co"' } });
    await t.sdk('/b2b/otps/email/login_or_signup', { body: { organization_id: org, email_address: 'ada@acme.test' } });
    const code = await latestOtpCode(t.server, 'ada@acme.test');
    const res = await t.http('/dev/mailbox.json');
    const [mail] = (await res.json()) as { subject: string; text: string; html: string }[];
    expect(mail?.subject).toBe(`${code} is your code to sign in to <b>Acme</b> & "Co"`);
    expect(mail?.text).toContain(`Your code: ${code}`);
    expect(mail?.text).toContain('expires in 10 minutes');
    expect(mail?.html).toContain(`>${code}</p>`);
    expect(mail?.html).toContain('&lt;b&gt;Acme&lt;/b&gt; &amp; &quot;Co&quot;');
    expect(mail?.html).not.toContain('<b>Acme</b>');
    expect(await (await t.http('/dev/mailbox')).text()).toContain(code);
  });
});

import { afterEach, describe, expect, test } from 'vitest';
import { TEST_PKCE } from '../testing/journey.js';
import { createTestServer, type TestServer } from '../testing/test-server.js';

let t: TestServer | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

// Over the socket (the CLI's listener): the page's headers are checked as the browser gets them.
const get = (server: TestServer, path: string) => server.http(path);

describe('dev mailbox', () => {
  test('is mounted only in dev mode', async () => {
    t = await createTestServer();
    expect((await get(t, '/dev/mailbox.json')).status).toBe(404);
  });

  test('JSON lists mails newest first with a to= filter; HTML renders mails safely with clickable links', async () => {
    t = await createTestServer({ dev: true });
    for (const email of ['ada@example.com', 'bob@example.com', 'ada@example.com']) {
      await t.sdk('/b2b/magic_links/email/discovery/send', {
        body: { email_address: email, pkce_code_challenge: TEST_PKCE.challenge },
      });
    }
    const all = (await (await get(t, '/dev/mailbox.json')).json()) as { to: string; text: string; id: string }[];
    expect(all.map((m) => m.to)).toEqual(['ada@example.com', 'bob@example.com', 'ada@example.com']);
    const ada = (await (await get(t, '/dev/mailbox.json?to=ADA@example.com')).json()) as { id: string }[];
    expect(ada.map((m) => m.id)).toEqual([all[0]!.id, all[2]!.id]);

    const page = await get(t, '/dev/mailbox');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = await page.text();
    const link = all[0]!.text.match(/https?:\/\/\S+/)![0];
    expect(html).toContain(`<a href="${link.replace(/&/g, '&amp;')}">`);
    expect(html).toContain('<iframe sandbox');
    expect(html).not.toContain('<script');

    await t.server.mailbox.clear();
    expect(await t.server.mailbox.list()).toEqual([]);
  });

  test('mail content cannot inject markup into the page', async () => {
    t = await createTestServer({ dev: true });
    await t.server.db
      .insertInto('mails')
      .values({
        id: 'mail-x',
        project_id: t.server.project.project_id,
        to_address: 'x@y.test',
        from_address: '<b>sender</b>',
        subject: '<img src=x onerror=alert(1)>',
        text: 't',
        html: '<script>alert(1)</script>',
        sent_at: 1,
        seq: 1,
      })
      .execute();
    const html = await (await get(t, '/dev/mailbox')).text();
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('<b>sender');
    expect(html).not.toContain('<script>alert');
    expect(html).toContain('&lt;script&gt;');
  });
});

import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { createOrgAuthServer } from '../server.js';
import { mailDiscoveryToken } from '../testing/journey.js';
import { startSmtpSink, type SmtpSink } from '../testing/smtp-sink.js';
import { createTestServer, type TestServer } from '../testing/test-server.js';
import { DEFAULT_MAIL_FROM, parseMailFrom } from './mail-from.js';

// `ServerOptions.from` (`SMTP_FROM` in the CLI) sets the sender of every mail; a malformed one
// refuses to start instead of failing at the first sign-in (or injecting a header).

let t: TestServer | undefined;
let sink: SmtpSink | undefined;
afterEach(async () => {
  await t?.close();
  await sink?.close();
  t = undefined;
  sink = undefined;
});

const BAD = [
  '',
  'bad',
  'a@',
  '@acme.test',
  'Name a@acme.test',
  'foo <bar',
  'a@acme.test, b@acme.test',
  'Team: a@acme.test;',
  'a@acme.test\r\nBcc: victim@evil.test',
  'Acme <a@acme.test>\nX: y',
  'a@acme..test',
  'a b@acme.test',
  'Acme <a@-acme.test>',
];

describe('parseMailFrom', () => {
  test('accepts "Name <addr@host>" and "addr@host"', () => {
    expect(parseMailFrom('Acme Support <support@acme.example>')).toEqual({
      name: 'Acme Support',
      address: 'support@acme.example',
      text: 'Acme Support <support@acme.example>',
    });
    expect(parseMailFrom('  no-reply@mail.acme.example ')).toEqual({
      name: '',
      address: 'no-reply@mail.acme.example',
      text: 'no-reply@mail.acme.example',
    });
    expect(parseMailFrom('"Acme, Inc." <hi@acme.example>').name).toBe('Acme, Inc.');
    expect(parseMailFrom(DEFAULT_MAIL_FROM).address).toBe('no-reply@orgauth.localhost');
  });

  test('refuses everything else with words that say what is expected', () => {
    for (const value of BAD)
      expect(() => parseMailFrom(value), JSON.stringify(value)).toThrow(/Expected "Name <addr@host>" or "addr@host"/);
  });
});

describe('the sender of every mail', () => {
  test('the dev mailbox shows the configured sender (JSON and page), and the default without one', async () => {
    t = await createTestServer({ dev: true, from: 'Acme Support <support@acme.example>' });
    await mailDiscoveryToken(t, 'ada@example.com');
    const [mail] = (await (await t.http('/dev/mailbox.json')).json()) as { from: string; to: string }[];
    expect(mail).toMatchObject({ from: 'Acme Support <support@acme.example>', to: 'ada@example.com' });
    expect(await (await t.http('/dev/mailbox')).text()).toContain(
      'From <strong>Acme Support &lt;support@acme.example&gt;</strong>',
    );
    await t.close();

    t = await createTestServer({ dev: true });
    await mailDiscoveryToken(t, 'ada@example.com');
    expect((await t.server.mailbox.list())[0]?.from).toBe(DEFAULT_MAIL_FROM);
  });

  test('over SMTP: the From header and the envelope sender', async () => {
    sink = await startSmtpSink();
    t = await createTestServer({ smtpUrl: sink.url, from: 'Acme Support <support@acme.example>' });
    await t.sdk('/b2b/magic_links/email/discovery/send', {
      body: { email_address: 'ada@example.com', pkce_code_challenge: 'A'.repeat(43) },
    });
    expect(sink.mails).toHaveLength(1);
    expect(sink.mails[0]?.mailFrom).toBe('support@acme.example');
    expect(sink.mails[0]?.data).toMatch(/^From: Acme Support <support@acme\.example>\r$/m);
    expect(sink.mails[0]?.data).toMatch(/^To: ada@example\.com\r$/m);
  });

  test('a malformed sender refuses to start, before the database is created', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'orgauth-from-'));
    try {
      for (const from of BAD)
        await expect(createOrgAuthServer({ dataDir, from }), JSON.stringify(from)).rejects.toThrow(
          /Invalid sender address/,
        );
      expect(readdirSync(dataDir)).toEqual([]);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

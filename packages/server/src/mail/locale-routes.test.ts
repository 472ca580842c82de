import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { TEST_PKCE } from '../testing/journey.js';
import { startSmtpSink } from '../testing/smtp-sink.js';
import { createTestServer, latestMagicLinkToken, type TestServer } from '../testing/test-server.js';
import { saveBranding } from './branding.js';
import { setCustomTemplate } from './custom-templates.js';

// The send calls' `locale` (Stytch's field) picks the mail's language; the environment's branding
// and custom templates apply to what the dev mailbox receives.

let t: TestServer;
let orgId: string;
beforeEach(async () => {
  t = await createTestServer({ dev: true });
  const org = await t.api('/organizations', {
    body: { organization_name: 'Acme <b>&</b>', organization_slug: 'acme', email_allowed_domains: ['acme.test'] },
  });
  orgId = org.body.organization.organization_id;
});
afterEach(async () => {
  await t.close();
});

const newest = async (to: string) => {
  const mail = (await t.server.mailbox.list()).find((m) => m.to === to);
  if (mail === undefined) throw new Error(`No mail to ${to}.`);
  return mail;
};

const discoverySend = (email: string, locale?: string) =>
  t.sdk('/b2b/magic_links/email/discovery/send', {
    body: { email_address: email, pkce_code_challenge: TEST_PKCE.challenge, ...(locale ? { locale } : {}) },
  });

describe('locale on the send calls', () => {
  test("locale: 'de' on an SDK discovery send mails German, and its link still signs in", async () => {
    expect((await discoverySend('ada@example.com', 'de')).status).toBe(200);
    const mail = await newest('ada@example.com');
    expect(mail.subject).toBe('Ihr Anmeldelink');
    expect(mail.text).toContain('Öffnen Sie diesen Link, um fortzufahren:');
    expect(mail.html).toContain('<html lang="de">');
    const { token } = await latestMagicLinkToken(t.server, 'ada@example.com');
    const res = await t.sdk('/b2b/magic_links/discovery/authenticate', {
      body: { discovery_magic_links_token: token, pkce_code_verifier: TEST_PKCE.verifier },
    });
    expect(res.status).toBe(200);
  });

  test('region tags pick the language; unknown and missing locales are English, never an error', async () => {
    for (const [locale, subject] of [
      ['fr-CA', 'Votre lien de connexion'],
      ['ja_JP', 'サインイン用リンク'],
      ['pt-BR', 'Your sign-in link'],
      ['', 'Your sign-in link'],
      [undefined, 'Your sign-in link'],
    ] as const) {
      expect((await discoverySend('bob@example.com', locale)).status).toBe(200);
      expect((await newest('bob@example.com')).subject, String(locale)).toBe(subject);
    }
  });

  test('every send call: magic-link login_or_signup and invite, code login_or_signup and discovery', async () => {
    await t.api('/magic_links/email/login_or_signup', {
      body: { organization_id: orgId, email_address: 'new@acme.test', locale: 'es' },
    });
    expect((await newest('new@acme.test')).subject).toBe('Únase a Acme <b>&</b>');
    await t.api('/magic_links/email/invite', {
      body: { organization_id: orgId, email_address: 'inv@partner.test', locale: 'fr' },
    });
    const invite = await newest('inv@partner.test');
    expect(invite.subject).toBe('Vous êtes invité à rejoindre Acme <b>&</b>');
    expect(invite.html).toContain('Acme &lt;b&gt;&amp;&lt;/b&gt;');
    expect(invite.html).not.toContain('<b>&</b>');
    await t.api('/otps/email/login_or_signup', {
      body: { organization_id: orgId, email_address: 'code@acme.test', locale: 'ja' },
    });
    expect((await newest('code@acme.test')).subject).toMatch(/^\d{6} は Acme <b>&<\/b> への参加用コードです$/);
    await t.sdk('/b2b/otps/email/discovery/send', { body: { email_address: 'disc@example.com', locale: 'de-AT' } });
    expect((await newest('disc@example.com')).subject).toMatch(
      /^\d{6} ist Ihr Code für die Anmeldung bei Ihren Organisationen$/,
    );
  });

  test("the environment's branding and custom template (custom en for other locales) reach the mailbox", async () => {
    const projectId = t.server.project.project_id;
    await saveBranding(t.server.db, projectId, { sender_name: 'Acme Support', color_primary: '#ff0066' }, 0);
    await setCustomTemplate(
      t.server.db,
      projectId,
      {
        template: 'discovery',
        locale: 'en',
        subject: 'Sign in to {{project_name}}',
        html: '<p>Hello</p><a href="{{link}}">Continue</a>',
        text: 'Continue: {{link}}',
      },
      0,
    );
    await discoverySend('ada@example.com', 'de');
    const mail = await newest('ada@example.com');
    expect(mail.from).toMatch(/^Acme Support <.+@.+>$/);
    expect(mail.subject).toMatch(/^Sign in to /);
    expect(mail.html).toMatch(/^<p>Hello<\/p><a href="https?:\/\/[^"]+&amp;token=[^"]+">Continue<\/a>$/);
    const { token } = await latestMagicLinkToken(t.server, 'ada@example.com');
    expect(token).not.toBe('');
    // Codes keep the built-in template, in the branding's colour.
    await t.sdk('/b2b/otps/email/discovery/send', { body: { email_address: 'c@example.com' } });
    expect((await newest('c@example.com')).html).toContain('color: #ff0066');
  });

  test("over SMTP: the branding's sender name with the server's address, the mail in the call's locale", async () => {
    const sink = await startSmtpSink();
    const smtp = await createTestServer({ smtpUrl: sink.url, from: 'Acme <no-reply@acme.example>' });
    try {
      await saveBranding(smtp.server.db, smtp.server.project.project_id, { sender_name: 'Acme Support' }, 0);
      await smtp.sdk('/b2b/otps/email/discovery/send', { body: { email_address: 'ada@example.com', locale: 'fr' } });
      expect(sink.mails).toHaveLength(1);
      expect(sink.mails[0]?.mailFrom).toBe('no-reply@acme.example');
      expect(sink.mails[0]?.data).toMatch(/^From: Acme Support <no-reply@acme\.example>\r$/m);
      expect(sink.mails[0]?.data).toContain('Subject: =?UTF-8?');
    } finally {
      await smtp.close();
      await sink.close();
    }
  });
});

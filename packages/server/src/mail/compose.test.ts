import { describe, expect, test } from 'vitest';
import type { EmailBranding } from './branding.js';
import { MAIL_COPY } from './copy/index.js';
import { renderMail, TEMPLATE_OF, type MailInput, type MailKind } from './compose.js';
import type { CustomTemplate } from './custom-templates.js';
import { MAIL_LOCALES, mailLocale } from './locale.js';
import { placeholdersIn } from './placeholders.js';

// Every mail in every locale, built-in and custom: the link or code is in all three parts, and an
// organization name chosen by its admins never becomes markup.

const HOSTILE = '<script>alert(1)</script> & "Co"';
const LINK = 'https://app.example/authenticate?stytch_token_type=multi_tenant_magic_links&token=tok_123';
const KINDS = Object.keys(TEMPLATE_OF) as MailKind[];
/** The mails that name no organization. */
const DISCOVERY: readonly MailKind[] = [
  'discovery',
  'code_discovery',
  'password_reset_discovery',
  'password_set_discovery',
];

function input(kind: MailKind): MailInput {
  const isCode = kind.startsWith('code_');
  return {
    kind,
    projectName: 'Acme Auth',
    expiresInMinutes: 15,
    ...(isCode ? { code: '012345' } : { link: LINK }),
    ...(DISCOVERY.includes(kind) ? {} : { organizationName: HOSTILE }),
    ...(kind === 'invite' ? { inviterName: 'Ada <b>Lovelace</b>' } : {}),
  };
}

const branding: EmailBranding = {
  sender_name: 'Acme',
  logo_url: 'https://cdn.example/logo.png',
  color_primary: '#ff0066',
};

/** A custom template of `kind`'s template using every placeholder it knows. */
function custom(kind: MailKind, locale: CustomTemplate['locale']): CustomTemplate {
  const template = TEMPLATE_OF[kind];
  const value = template === 'code' ? '{{code}}' : '{{link}}';
  return {
    template,
    locale,
    subject: `[${locale}] {{organization_name}} ${value}`,
    text: `[${locale}] {{organization_name}} {{expires_in_minutes}} ${value}`,
    html: `<p lang="${locale}" style="color: {{color_primary}}">{{organization_name}} {{sender_name}}</p><a href="${value}">${value}</a><img src="{{logo_url}}" alt="{{organization_name}}">`,
  };
}

function expectSafe(html: string, kind: MailKind) {
  expect(html).not.toContain('<script>');
  expect(html).not.toContain('<b>Lovelace');
  if (!DISCOVERY.includes(kind)) expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Co&quot;');
}

describe('every mail in every locale', () => {
  for (const locale of MAIL_LOCALES) {
    test.each(KINDS)(`${locale}: built-in %s carries its link or code, escaped values`, (kind) => {
      const mail = renderMail(input(kind), locale, branding);
      const isCode = kind.startsWith('code_');
      if (isCode) {
        expect(mail.subject).toContain('012345');
        expect(mail.text).toContain('012345');
        expect(mail.html).toContain('>012345</p>');
      } else {
        expect(mail.text).toContain(LINK);
        expect(mail.html).toContain(`href="${LINK.replace(/&/g, '&amp;')}"`);
      }
      expect(mail.text).toContain('15');
      expect(mail.html).toContain(`<html lang="${locale}">`);
      expect(mail.html).toContain(kind.startsWith('code_') ? 'color: #ff0066' : 'background: #ff0066');
      expect(mail.html).toContain('<img src="https://cdn.example/logo.png" alt="Acme"');
      expect(mail.subject).not.toMatch(/\{\{|[\r\n]/);
      expect(mail.text).not.toContain('{{');
      expectSafe(mail.html, kind);
      expect(mail.fromName).toBe('Acme');
      // Each locale's own words, in both parts.
      expect(mail.text).toContain(MAIL_COPY[locale].common.ignore);
      expect(mail.html).toContain(MAIL_COPY[locale].common.ignore.replace(/'/g, '&#39;'));
    });

    test.each(KINDS)(`${locale}: a custom %s template carries its link or code, escaped values`, (kind) => {
      const mail = renderMail(input(kind), locale, branding, custom(kind, locale));
      const needle = kind.startsWith('code_') ? '012345' : LINK;
      expect(mail.subject.startsWith(`[${locale}]`)).toBe(true);
      expect(mail.subject).toContain(needle);
      expect(mail.text).toContain(needle);
      expect(mail.html).toContain(kind.startsWith('code_') ? needle : needle.replace(/&/g, '&amp;'));
      expect(mail.html).toContain('style="color: #ff0066"');
      expectSafe(mail.html, kind);
    });
  }

  test('an invite names its inviter only when known', () => {
    expect(renderMail(input('invite'), 'de', {}).subject).toBe(`Sie wurden zu ${HOSTILE} eingeladen`);
    expect(renderMail(input('invite'), 'de', {}).text).toContain('Ada <b>Lovelace</b> hat Sie zu');
    const anonymous = renderMail({ ...input('invite'), inviterName: undefined }, 'en', {});
    expect(anonymous.text.split('\n')[0]).toBe(`You are invited to ${HOSTILE}`);
  });

  test('password links: a reset or a first password, in an organization or the project', () => {
    const words = (kind: MailKind, locale: 'en' | 'de') => renderMail(input(kind), locale, {}).text.split('\n')[0];
    expect(words('password_reset', 'en')).toBe(`Reset your password for ${HOSTILE}`);
    expect(words('password_set', 'en')).toBe(`Set a password for ${HOSTILE}`);
    expect(words('password_reset_discovery', 'en')).toBe('Reset your password for Acme Auth');
    expect(words('password_set_discovery', 'en')).toBe('Set your password for Acme Auth');
    expect(words('password_set_discovery', 'de')).toBe('Legen Sie Ihr Passwort für Acme Auth fest');
    expect(TEMPLATE_OF.password_reset_discovery).toBe('password_reset');
    expect(TEMPLATE_OF.password_set_discovery).toBe('password_set');
  });

  test('without branding: built-in colours, no logo, the server sender', () => {
    const mail = renderMail(input('login'), 'en', {});
    expect(mail.html).toContain('background: #2b59ff');
    expect(mail.html).not.toContain('<img');
    expect(mail.fromName).toBeUndefined();
  });

  test('every locale pack uses the same placeholders as English, key by key', () => {
    const walk = (value: unknown, path: string, out: Map<string, string[]>) => {
      if (typeof value === 'string') out.set(path, placeholdersIn(value).sort());
      else if (value !== null && typeof value === 'object')
        for (const [key, inner] of Object.entries(value)) walk(inner, `${path}.${key}`, out);
    };
    const english = new Map<string, string[]>();
    walk(MAIL_COPY.en, '', english);
    for (const locale of MAIL_LOCALES) {
      const pack = new Map<string, string[]>();
      walk(MAIL_COPY[locale], '', pack);
      expect([...pack.keys()]).toEqual([...english.keys()]);
      for (const [key, names] of english) expect(pack.get(key), `${locale}${key}`).toEqual(names);
    }
  });
});

describe('mailLocale: the send call locale', () => {
  test('language subtags, case and separators; anything else is English', () => {
    expect(mailLocale('de')).toBe('de');
    expect(mailLocale('de-DE')).toBe('de');
    expect(mailLocale('FR_ca')).toBe('fr');
    expect(mailLocale('ja-JP')).toBe('ja');
    expect(mailLocale('es-419')).toBe('es');
    for (const other of [undefined, '', 'pt-BR', 'xx', '-', 'en-GB', 'deutsch'])
      expect(mailLocale(other), String(other)).toBe('en');
  });
});

import type { Hono } from 'hono';
import { html } from 'hono/html';
import type { AppDeps, AppEnv } from '../http/index.js';
import { apiError, badRequest } from '../lib/api-error.js';
import { htmlText } from '../lib/html.js';
import { composeMail, TEMPLATE_OF, type ComposedMail, type MailKind } from '../mail/compose.js';
import { MAIL_LOCALES, mailLocale, type MailLocale } from '../mail/locale.js';
import { environmentRow, type ProjectEnv } from '../projects/index.js';
import { MAIL_PAGE_CSP } from './mailbox.js';

// The same rules as the mailbox page (MAIL_PAGE_CSP): no script, each mail in a sandboxed srcdoc
// iframe (its HTML escaped into the attribute by hono/html), never framed by another site.

/** The values every preview is filled with: obviously samples, with characters that must be escaped. */
const SAMPLE = {
  link: 'https://app.example.test/authenticate?stytch_token_type=sample&token=sample-token',
  code: '123456',
  organizationName: 'Example & Co. <Preview>',
  inviterName: 'Ada Lovelace',
  expiresInMinutes: 60,
} as const;

const KINDS = Object.keys(TEMPLATE_OF) as MailKind[];

function sample(kind: MailKind) {
  const isCode = kind.startsWith('code_');
  const discovery = kind.endsWith('discovery');
  return {
    kind,
    expiresInMinutes: isCode ? 10 : SAMPLE.expiresInMinutes,
    ...(isCode ? { code: SAMPLE.code } : { link: SAMPLE.link }),
    ...(discovery ? {} : { organizationName: SAMPLE.organizationName }),
    ...(kind === 'invite' ? { inviterName: SAMPLE.inviterName } : {}),
  };
}

function renderMail(kind: MailKind, mail: ComposedMail) {
  return html`<article>
  <h2>${kind} <small>(template ${TEMPLATE_OF[kind]})</small></h2>
  <p class="meta">Subject <strong>${mail.subject}</strong>${mail.fromName === undefined ? '' : html` · From name <strong>${mail.fromName}</strong>`}</p>
  <iframe sandbox title="${mail.subject}" srcdoc="${mail.html}"></iframe>
  <pre>${mail.text}</pre>
</article>`;
}

function renderPage(env: ProjectEnv, locale: MailLocale, mails: Array<[MailKind, ComposedMail]>): string {
  const choice = (e: ProjectEnv, l: MailLocale) =>
    e === env && l === locale
      ? html`<strong>${e} ${l}</strong>`
      : html`<a href="/dev/mail-preview?env=${e}&amp;locale=${l}">${e} ${l}</a>`;
  return htmlText(html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>OrgAuth mail preview</title>
<style>
  body { font-family: system-ui, sans-serif; max-width: 860px; margin: 24px auto; padding: 0 16px; color: #1a1a1a; }
  article { border: 1px solid #ddd; border-radius: 8px; padding: 12px 16px; margin: 16px 0; }
  h2 { font-size: 18px; margin: 0 0 4px; } .meta { color: #555; margin: 0 0 8px; }
  iframe { width: 100%; height: 360px; border: 1px solid #eee; border-radius: 4px; }
  pre { white-space: pre-wrap; background: #f6f6f6; padding: 8px; border-radius: 4px; }
  nav a, nav strong { margin-right: 8px; }
</style></head>
<body>
<h1>Mail preview: ${env}, ${locale}</h1>
<p>Every mail as the ${env} environment sends it in this locale (its branding and custom templates,
set with <code>orgauth-server email</code>), filled with sample values. Sent mail: <a href="/dev/mailbox">/dev/mailbox</a>.</p>
<nav>${(['test', 'live'] as const).map((e) => html`<p>${MAIL_LOCALES.map((l) => choice(e, l))}</p>`)}</nav>
${mails.map(([kind, mail]) => renderMail(kind, mail))}
</body></html>`);
}

/** The template preview (`--dev` only): `/dev/mail-preview?env=test|live&locale=de`. */
export function registerDevMailPreviewRoutes(dev: Hono<AppEnv>, deps: AppDeps): void {
  dev.get('/mail-preview', async (c) => {
    const envParam = c.req.query('env') ?? 'test';
    if (envParam !== 'test' && envParam !== 'live') throw badRequest('env must be test or live.');
    const locale = mailLocale(c.req.query('locale'));
    const row = await environmentRow(deps.db, envParam);
    if (row === undefined) throw apiError('not_found', `No ${envParam} project.`);
    const mails: Array<[MailKind, ComposedMail]> = [];
    for (const kind of KINDS) mails.push([kind, await composeMail(deps.db, row.id, { ...sample(kind), locale })]);
    c.header('Content-Security-Policy', MAIL_PAGE_CSP);
    c.header('Cache-Control', 'no-store');
    return c.html(renderPage(envParam, locale, mails));
  });
}

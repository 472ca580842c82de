import type { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../http/index.js';
import type { Mail } from '../mail/mailer.js';
import { html } from 'hono/html';
import { htmlText } from '../lib/html.js';

// The page itself runs no script; each mail renders in a sandboxed srcdoc iframe (no scripts, no
// same-origin), and its links are repeated as plain anchors so they open in the top window. It holds
// live sign-in links, so no other site may frame it (X-Frame-Options too: http/dev-guards.ts).
/** The Content-Security-Policy of the dev pages that show mail (this one and dev/mail-preview.ts). */
export const MAIL_PAGE_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data: https:; frame-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

function linksOf(mail: Mail): string[] {
  return [...new Set(mail.text.match(/https?:\/\/[^\s<>"']+/g) ?? [])];
}

function renderMail(mail: Mail) {
  const links = linksOf(mail).map((href) => html`<li><a href="${href}">${href}</a></li>`);
  return html`<article>
  <h2>${mail.subject}</h2>
  <p class="meta">From <strong>${mail.from}</strong> · To <strong>${mail.to}</strong> · <time datetime="${mail.sent_at}">${mail.sent_at}</time></p>
  <ul class="links">${links}</ul>
  <iframe sandbox title="${mail.subject}" srcdoc="${mail.html}"></iframe>
</article>`;
}

function renderPage(mails: Mail[]): string {
  return htmlText(html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>OrgAuth dev mailbox</title>
<style>
  body { font-family: system-ui, sans-serif; max-width: 860px; margin: 24px auto; padding: 0 16px; color: #1a1a1a; }
  article { border: 1px solid #ddd; border-radius: 8px; padding: 12px 16px; margin: 16px 0; }
  h2 { font-size: 18px; margin: 0 0 4px; } .meta { color: #555; margin: 0 0 8px; }
  iframe { width: 100%; height: 320px; border: 1px solid #eee; border-radius: 4px; }
  .links a { word-break: break-all; }
</style></head>
<body>
<h1>Dev mailbox</h1>
<p>${mails.length === 0 ? 'No mail yet.' : html`${mails.length} message(s), newest first. JSON: <a href="/dev/mailbox.json">/dev/mailbox.json</a>`}</p>
<p>Every template before it is sent, per environment and locale: <a href="/dev/mail-preview">/dev/mail-preview</a></p>
${mails.map(renderMail)}
</body></html>`);
}

/** The dev mailbox (`--dev` only): `/dev/mailbox` (HTML) and `/dev/mailbox.json` (`?to=` filter). */
export function registerDevMailboxRoutes(dev: Hono<AppEnv>, deps: AppDeps): void {
  dev.get('/mailbox', async (c) => {
    const mails = await deps.mailer.list();
    c.header('Content-Security-Policy', MAIL_PAGE_CSP);
    c.header('Cache-Control', 'no-store');
    return c.html(renderPage(mails));
  });
  dev.get('/mailbox.json', async (c) => {
    const to = c.req.query('to');
    c.header('Cache-Control', 'no-store');
    return c.json(await deps.mailer.list({ to: to === '' ? undefined : to }));
  });
  dev.delete('/mailbox', async (c) => {
    await deps.mailer.clear();
    return c.body(null, 204);
  });
}

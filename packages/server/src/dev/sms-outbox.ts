import type { Hono } from 'hono';
import { html } from 'hono/html';
import type { AppDeps, AppEnv } from '../http/index.js';
import { htmlText } from '../lib/html.js';
import type { Sms } from '../sms/index.js';
import { MAIL_PAGE_CSP } from './mailbox.js';

function renderSms(sms: Sms) {
  return html`<article>
  <p class="meta">To <strong>${sms.to}</strong> · <time datetime="${sms.sent_at}">${sms.sent_at}</time></p>
  <p class="body">${sms.body}</p>
</article>`;
}

// As the dev mailbox (dev/mailbox.ts): no script, the mailbox's CSP, no framing (http/dev-guards.ts),
// every message body escaped. It holds live codes, and exists only with `--dev`.
function renderPage(messages: Sms[]): string {
  return htmlText(html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>OrgAuth dev SMS outbox</title>
<style>
  body { font-family: system-ui, sans-serif; max-width: 860px; margin: 24px auto; padding: 0 16px; color: #1a1a1a; }
  article { border: 1px solid #ddd; border-radius: 8px; padding: 12px 16px; margin: 16px 0; }
  .meta { color: #555; margin: 0 0 8px; } .body { font-size: 18px; margin: 0; white-space: pre-wrap; }
</style></head>
<body>
<h1>Dev SMS outbox</h1>
<p>${messages.length === 0 ? 'No text message yet.' : html`${messages.length} message(s), newest first. JSON: <a href="/dev/sms.json">/dev/sms.json</a>`}</p>
<p>Mail goes to the <a href="/dev/mailbox">dev mailbox</a>.</p>
${messages.map(renderSms)}
</body></html>`);
}

/** The dev SMS outbox (`--dev` only): `/dev/sms` (HTML) and `/dev/sms.json` (`?to=` an E.164 number). */
export function registerDevSmsRoutes(dev: Hono<AppEnv>, deps: AppDeps): void {
  dev.get('/sms', async (c) => {
    const messages = await deps.sms.list();
    c.header('Content-Security-Policy', MAIL_PAGE_CSP);
    c.header('Cache-Control', 'no-store');
    return c.html(renderPage(messages));
  });
  dev.get('/sms.json', async (c) => {
    const to = c.req.query('to');
    c.header('Cache-Control', 'no-store');
    return c.json(await deps.sms.list({ to: to === '' ? undefined : to }));
  });
  dev.delete('/sms', async (c) => {
    await deps.sms.clear();
    return c.body(null, 204);
  });
}

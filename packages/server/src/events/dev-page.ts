import { html, raw } from 'hono/html';
import { htmlText } from '../lib/html.js';
import type { toEvent } from './routes.js';

type WireEvent = ReturnType<typeof toEvent>;

const ESCAPES: Record<string, string> = { '\r': '\\r', '\n': '\\n', '\t': '\\t' };
// Control and line-break characters are shown as escapes (`\r\n`), never passed through: an id
// taken from a request path must not start a line of its own in the page (LOG-03 log forging).
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const CONTROL = /[\u0000-\u001f\u007f\u0085\u2028\u2029]/g;
const visible = (s: string) =>
  s.replace(CONTROL, (ch) => ESCAPES[ch] ?? `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
const text = (value: string | number | null) => visible(value === null ? '' : String(value));

function row(event: WireEvent) {
  const cls = event.status === 'error' ? raw(' class="error"') : '';
  return html`<tr${cls}><td><time datetime="${text(event.timestamp)}">${text(event.timestamp)}</time></td><td>${text(event.status)}</td>\
<td>${text(event.action)}</td><td><code>${text(event.method)} ${text(event.route)}</code></td><td>${text(event.http_status)}</td>\
<td>${text(event.error_type)}</td><td>${text(event.duration_ms)}</td><td>${text(event.ip_address)}</td>\
<td><code>${text(event.request_id)}</code></td><td><code>${text(event.organization_id)}</code></td><td><code>${text(event.member_id)}</code></td></tr>`;
}

/**
 * The dev events page: a plain, script-free table. Every value is HTML-escaped (ids and error types
 * come from requests, so they are attacker-influenced).
 */
export function renderEventsPage(events: WireEvent[], filter: { status: string; action: string }): string {
  return htmlText(html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>OrgAuth events</title>
<style>
  body { font-family: system-ui, sans-serif; margin: 24px; color: #1a1a1a; }
  table { border-collapse: collapse; font-size: 13px; } td, th { border-bottom: 1px solid #eee; padding: 4px 8px; text-align: left; }
  tr.error td { background: #fff3f3; } code { font-size: 12px; }
</style></head>
<body>
<h1>Events</h1>
<form method="get" action="/dev/events">
  <label>Status <select name="status">${['', 'start', 'success', 'error'].map(
    (s) => html`<option value="${s}"${s === filter.status ? raw(' selected') : ''}>${s === '' ? 'any' : s}</option>`,
  )}</select></label>
  <label>Action <input name="action" value="${filter.action}"></label>
  <button type="submit">Filter</button>
</form>
<p>${events.length === 0 ? 'No events yet.' : `${events.length} newest event(s), newest first. Kept 30 days.`}</p>
<table><thead><tr><th>Time</th><th>Status</th><th>Action</th><th>Route</th><th>HTTP</th><th>Error</th><th>ms</th><th>IP</th><th>Request</th><th>Organization</th><th>Member</th></tr></thead>
<tbody>${events.map(row)}</tbody></table>
</body></html>`);
}

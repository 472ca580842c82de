import { html, raw } from 'hono/html';
import { htmlText } from '../../lib/html.js';
import type { DevUser } from './saml-idp.js';

/** The demo people offered on the sign-in page, at the organization's domain. */
export const DEMO_PEOPLE: ReadonlyArray<{ local: string; firstName: string; lastName: string }> = [
  { local: 'ada', firstName: 'Ada', lastName: 'Lovelace' },
  { local: 'grace', firstName: 'Grace', lastName: 'Hopper' },
  { local: 'alan', firstName: 'Alan', lastName: 'Turing' },
  { local: 'katherine', firstName: 'Katherine', lastName: 'Johnson' },
];

/**
 * CSP of the chooser: no script at all, never framed. Its form posts to this server, and the answer
 * may redirect on to the application (the OIDC interaction ends in a redirect chain to the app's
 * redirect URL). Chromium checks `form-action` on every redirect after a form submission, so the
 * applications' origins (`appOrigins`, the projects' authorized origins) must be listed too.
 */
export function chooserCsp(appOrigins: readonly string[]): string {
  return `default-src 'none'; style-src 'unsafe-inline'; form-action ${["'self'", ...appOrigins].join(' ')}; base-uri 'none'; frame-ancestors 'none'`;
}

/** CSP of the IdP's pages without an onward redirect (errors): forms post back to this server only. */
export const CHOOSER_CSP = chooserCsp([]);

/** The test IdP pages' look, shared by the OAuth stand-ins' pickers (dev/oauth/picker.ts). */
export const CHOOSER_STYLE = `body{font-family:system-ui,sans-serif;max-width:520px;margin:40px auto;padding:0 16px;color:#1a1a1a}
.card{border:1px solid #ddd;border-radius:10px;padding:20px 24px}.note{color:#555;font-size:14px}
button{font:inherit;padding:8px 14px;border-radius:6px;border:1px solid #888;background:#fff;cursor:pointer;margin:4px 0;width:100%;text-align:left}
button.primary{background:#1f4fd1;color:#fff;border-color:#1f4fd1;text-align:center}
label{display:block;margin:8px 0 2px;font-size:14px}input{font:inherit;width:100%;box-sizing:border-box;padding:6px 8px}
.error{color:#a40000}`;

/** What the sign-in page shows and where it posts. */
export interface ChooserOptions {
  /** "Sign in to <orgName>". */
  orgName: string;
  /** Domain of the offered demo people (`ada@<domain>`). */
  domain: string;
  /** Which protocol, shown to the developer. */
  protocol: 'SAML' | 'OIDC';
  /** Form target (same origin). */
  action: string;
  /** Hidden fields carried through the form (the SAMLRequest, an interaction id, …). */
  hidden: Record<string, string>;
}

/** The page to choose or type the user to sign in as (every value HTML-escaped). */
export function renderUserChooser(o: ChooserOptions): string {
  const hidden = Object.entries(o.hidden).map(([k, v]) => html`<input type="hidden" name="${k}" value="${v}">`);
  const people = DEMO_PEOPLE.map((p) => {
    const email = `${p.local}@${o.domain}`;
    return html`<button type="submit" name="person" value="${`${email}|${p.firstName}|${p.lastName}`}">${`${p.firstName} ${p.lastName}`} — ${email}</button>`;
  });
  return htmlText(html`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>OrgAuth test IdP</title><style>${raw(CHOOSER_STYLE)}</style></head>
<body><div class="card"><h1>Sign in to ${o.orgName}</h1>
<p class="note">OrgAuth's built-in test identity provider (${o.protocol}, dev server only). Nobody is asked for a password: pick anyone.</p>
<form method="post" action="${o.action}">${hidden}${people}</form>
<h2>…or type a user</h2>
<form method="post" action="${o.action}">${hidden}
<label for="email">Email</label><input id="email" name="email" type="email" required value="someone@${o.domain}">
<label for="first_name">First name</label><input id="first_name" name="first_name" value="">
<label for="last_name">Last name</label><input id="last_name" name="last_name" value="">
<p><button class="primary" type="submit">Sign in</button></p></form></div></body></html>`);
}

/**
 * The chosen user from a submitted chooser form: a demo person button (`person=email|first|last`)
 * or the typed fields. `undefined` when the email is missing or not an address.
 */
export function readChosenUser(form: Record<string, unknown>): DevUser | undefined {
  const text = (key: string) => (typeof form[key] === 'string' ? (form[key] as string).trim().slice(0, 256) : '');
  let [email, firstName, lastName] = [text('email'), text('first_name'), text('last_name')];
  if (text('person') !== '') [email = '', firstName = '', lastName = ''] = text('person').split('|');
  if (!/^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/.test(email)) return undefined;
  return { email: email.toLowerCase(), firstName, lastName };
}

/** A small error page of the test IdP (status chosen by the caller). */
export function renderIdpError(message: string): string {
  return htmlText(html`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>OrgAuth test IdP</title><style>${raw(CHOOSER_STYLE)}</style></head>
<body><div class="card"><h1>Test identity provider</h1><p class="error">${message}</p></div></body></html>`);
}

/**
 * An auto-submitting POST to `action` (the SAML HTTP-POST binding). The one inline script is allowed
 * by its nonce only; the button is there for browsers with scripts off. `form-action` lists the ACS
 * origin and `appOrigins`: the ACS answers with a redirect to the application, and Chromium applies
 * `form-action` to that redirect as well.
 */
export function renderAutoPost(
  action: string,
  fields: Record<string, string>,
  nonce: string,
  appOrigins: readonly string[],
): { html: string; csp: string } {
  const inputs = Object.entries(fields).map(([k, v]) => html`<input type="hidden" name="${k}" value="${v}">`);
  const page = html`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Signing in…</title><style>${raw(CHOOSER_STYLE)}</style></head>
<body><form method="post" action="${action}">${inputs}<p class="note">Returning to the application…</p><button class="primary" type="submit">Continue</button></form>
<script nonce="${nonce}">document.forms[0].submit();</script></body></html>`;
  const csp = `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'unsafe-inline'; form-action ${[new URL(action).origin, ...appOrigins].join(' ')}; base-uri 'none'; frame-ancestors 'none'`;
  return { html: htmlText(page), csp };
}

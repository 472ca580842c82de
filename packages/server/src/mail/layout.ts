import { html } from 'hono/html';
import { htmlText } from '../lib/html.js';
import type { MailCopy } from './copy/index.js';
import { fillText, type PlaceholderValues } from './placeholders.js';

/** A rendered email. */
export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

/**
 * The built-in mails: the magic links, the one-time codes (`code_*`, all the `code` template) and the
 * password links (`password_*`: a reset, or the first password of an email that has none; in an
 * organization, or through discovery).
 */
export type MailKind =
  | 'discovery'
  | 'login'
  | 'signup'
  | 'invite'
  | 'code_login'
  | 'code_signup'
  | 'code_discovery'
  | 'password_reset'
  | 'password_set'
  | 'password_reset_discovery'
  | 'password_set_discovery';

// Mail clients ignore <style> blocks and external CSS, so the built-in mails style inline; every
// colour comes from mail/branding.ts, which admits only hex values.
function page(copy: MailCopy, v: PlaceholderValues, subject: string, heading: string, main: unknown) {
  const ignore = copy.common.ignore;
  const logo =
    v.logo_url !== ''
      ? html`<p><img src="${v.logo_url}" alt="${v.sender_name || v.project_name}" height="40"></p>`
      : '';
  return htmlText(html`<!doctype html>
<html lang="${copy.lang}"><head><meta charset="utf-8"><title>${subject}</title></head>
<body style="font-family: system-ui, sans-serif; color: ${v.color_text}; background: ${v.color_background}; max-width: 480px; margin: 24px auto; padding: 0 16px;">
  ${logo}
  <h1 style="font-size: 20px;">${heading}</h1>
  ${main}
  <p style="font-size: 12px; opacity: 0.75;">${ignore}</p>
</body></html>`);
}

/**
 * A built-in mail in `copy`'s locale: its words filled with `values` as plain text, then put into
 * the HTML through hono/html, which escapes each (an organization name is chosen by its admins).
 */
export function builtInMail(kind: MailKind, copy: MailCopy, values: PlaceholderValues): RenderedMail {
  const t = (words: string) => fillText(words, values);
  const c = copy.common;
  if (kind === 'code_login' || kind === 'code_signup' || kind === 'code_discovery') {
    const subject = t(copy[kind].subject);
    const heading = t(copy[kind].heading);
    const lifetime = `${t(c.code_lifetime)}${copy.space}${c.never_share}`;
    const text = [heading, '', t(c.code_line), '', `${lifetime}${copy.space}${c.ignore}`].join('\n');
    const main = html`<p>${c.code_prompt}</p>
  <p style="font-size: 32px; font-weight: 600; letter-spacing: 6px; font-family: ui-monospace, monospace; color: ${values.color_primary};">${values.code}</p>
  <p>${lifetime}</p>`;
    return { subject, text, html: page(copy, values, subject, heading, main) };
  }
  const words = copy[kind];
  const subject = t(words.subject);
  const heading = t(kind === 'invite' && values.inviter_name !== '' ? copy.invite.heading_inviter : words.heading);
  const lifetime = t(c.link_lifetime);
  const link = values.link ?? '';
  const text = [heading, '', c.open_link, link, '', `${lifetime}${copy.space}${c.ignore}`].join('\n');
  const main = html`<p>${c.click}${copy.space}${lifetime}</p>
  <p><a href="${link}" style="display: inline-block; background: ${values.color_primary}; color: #ffffff; padding: 10px 18px; border-radius: 6px; text-decoration: none;">${words.button}</a></p>
  <p style="font-size: 12px; opacity: 0.75;">${c.fallback}<br><a href="${link}">${link}</a></p>`;
  return { subject, text, html: page(copy, values, subject, heading, main) };
}

import type { OAuthProviderType } from '@orgauth/core/protocol';
import { html, raw } from 'hono/html';
import { htmlText } from '../../lib/html.js';
import { CHOOSER_STYLE } from '../idp/user-chooser.js';
import { describePerson, STAND_IN_PEOPLE } from './people.js';

/** How each stand-in names itself on its page. */
export const PROVIDER_NAMES: Readonly<Record<OAuthProviderType, string>> = {
  google: 'Google',
  microsoft: 'Microsoft',
  github: 'GitHub',
  slack: 'Slack',
  hubspot: 'HubSpot',
};

const EXTRA_STYLE = 'button small{display:block;color:#555;font-size:13px}button.cancel{text-align:center}';

/**
 * The stand-in's sign-in page: one submit button per catalogue person and a Cancel button, in one
 * form. No script (the CSP has no `script-src`); plain buttons are reachable with Tab and pressed
 * with Enter or Space. Every value is HTML-escaped by hono/html.
 */
export function renderPicker(provider: OAuthProviderType, action: string, requestId: string): string {
  const name = PROVIDER_NAMES[provider];
  const people = STAND_IN_PEOPLE[provider].map(
    (p) =>
      html`<button type="submit" name="person" value="${p.subject}">${p.name}<small>${describePerson(provider, p)}</small></button>`,
  );
  return htmlText(html`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sign in with ${name} (OrgAuth stand-in)</title><style>${raw(CHOOSER_STYLE)}${raw(EXTRA_STYLE)}</style></head>
<body><div class="card"><h1>Sign in with ${name}</h1>
<p class="note">OrgAuth's built-in stand-in for ${name} (dev server only): it answers on ${name}'s real endpoints with ${name}'s claim shapes. Nobody is asked for a password: pick anyone.</p>
<form method="post" action="${action}"><input type="hidden" name="request" value="${requestId}">
${people}
<p><button class="cancel" type="submit" name="cancel" value="1">Cancel</button></p></form></div></body></html>`);
}

/** The stand-in's error page (a bad client or redirect URI is shown, never redirected to). */
export function renderStandInError(provider: OAuthProviderType, message: string): string {
  return htmlText(html`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${PROVIDER_NAMES[provider]} (OrgAuth stand-in)</title><style>${raw(CHOOSER_STYLE)}</style></head>
<body><div class="card"><h1>${PROVIDER_NAMES[provider]} stand-in</h1><p class="error">${message}</p></div></body></html>`);
}

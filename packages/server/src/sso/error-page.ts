import { createHash } from 'node:crypto';
import { html, raw } from 'hono/html';
import type { AppContext } from '../http/index.js';
import type { ApiError } from '../lib/api-error.js';
import { htmlText } from '../lib/html.js';

const STYLE =
  'body{font:16px/1.5 system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;color:#1f2937}code{color:#6b7280}';
// The one inline style is allowed by its hash: the CSP has no 'unsafe-inline' and no script source at all.
const STYLE_HASH = `'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`;

/**
 * The page a browser sees when the IdP's answer is refused at the ACS / OIDC callback: the browser
 * arrived by a form POST or redirect from the IdP, so a JSON envelope would be a dead end. It says
 * what went wrong in words, links back to the login redirect URL (with `stytch_error=<error_type>`)
 * when the sign-in attempt is known, and carries no script at all (strict CSP). `title` names the
 * kind of sign-in (OAuth providers reuse the page: packages/server/src/oauth/routes.ts).
 */
export function ssoErrorPage(
  c: AppContext,
  error: ApiError,
  loginRedirectUrl: string | undefined,
  title = 'Single sign-on failed',
): Response {
  let back = html``;
  if (loginRedirectUrl !== undefined) {
    const url = new URL(loginRedirectUrl);
    url.searchParams.set('stytch_error', error.errorType);
    back = html`<p><a href="${url.href}">Back to sign-in</a></p>`;
  }
  const page = html`<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title><style>${raw(STYLE)}</style></head>
<body><h1>${title}</h1><p>${error.message}</p><p><code>${error.errorType}</code> · request ${c.get('requestId') ?? ''}</p>${back}</body></html>`;
  c.set('outcome', { errorType: error.errorType });
  return new Response(htmlText(page), {
    status: error.status >= 400 && error.status < 500 ? error.status : 400,
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': `default-src 'none'; style-src ${STYLE_HASH}; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
      'Cache-Control': 'no-store',
      'X-Frame-Options': 'DENY',
      // Names the refusal for tools and tests that see only the page (the event log reads the context).
      'X-OrgAuth-Error-Type': error.errorType,
    },
  });
}

import type { OAuthProviderType } from '@orgauth/core/protocol';
import { html, svg, type SVGTemplateResult, type TemplateResult } from 'lit';

/** Each provider's name as its button says it ("Continue with Google"): brand names, never translated. */
export const OAUTH_PROVIDER_NAMES: Readonly<Record<OAuthProviderType, string>> = {
  google: 'Google',
  microsoft: 'Microsoft',
  github: 'GitHub',
  slack: 'Slack',
  hubspot: 'HubSpot',
};

// The marks are drawn here, on a 24-unit grid with one decimal, rather than loaded: a strict CSP
// (`img-src 'self'`) would block a remote image, and the script-tag bundle carries every byte, so
// they are simplified to what reads at button size (Google's ring is four stroked arcs). Colours
// are presentation attributes, not `style`, so `style-src` without 'unsafe-inline' holds. GitHub's
// mark follows the text colour (dark theme); the others keep their brand colours.
const MARKS: Readonly<Record<OAuthProviderType, SVGTemplateResult>> = {
  google: svg`<g fill="none" stroke-width="4.6"><path stroke="#EA4335" d="M18.4 5.6A9 9 0 0 0 3.5 9"/><path stroke="#FBBC05" d="M3.5 9a9 9 0 0 0 0 6"/><path stroke="#34A853" d="M3.5 15a9 9 0 0 0 14.9 3.4"/><path stroke="#4285F4" d="M18.4 18.4A9 9 0 0 0 21 12"/></g><path fill="#4285F4" d="M12 9.7h11.3v4.6H12z"/>`,
  microsoft: svg`<path fill="#F25022" d="M1 1h10.5v10.5H1z"/><path fill="#7FBA00" d="M12.5 1H23v10.5H12.5z"/><path fill="#00A4EF" d="M1 12.5h10.5V23H1z"/><path fill="#FFB900" d="M12.5 12.5H23V23H12.5z"/>`,
  github: svg`<path fill="currentColor" d="M12 .3a12 12 0 0 0-3.8 23.4c.6.1.8-.3.8-.6v-2c-3.3.7-4-1.6-4-1.6-.6-1.4-1.4-1.8-1.4-1.8-1-.7.1-.7.1-.7 1.2.1 1.8 1.2 1.8 1.2 1.1 1.8 2.8 1.3 3.5 1 .1-.8.4-1.3.8-1.6-2.7-.3-5.5-1.3-5.5-5.9 0-1.3.5-2.4 1.2-3.2-.1-.3-.5-1.5.1-3.2 0 0 1-.3 3.3 1.2a11.5 11.5 0 0 1 6 0C17.3 4.6 18.3 5 18.3 5c.7 1.7.2 2.9.1 3.2.8.8 1.2 1.9 1.2 3.2 0 4.6-2.8 5.6-5.5 5.9.5.4.9 1.1.9 2.2v3.3c0 .3.2.7.8.6A12 12 0 0 0 12 .3"/>`,
  slack: svg`<g fill="#E01E5A"><rect x="6.3" y="12.6" width="5" height="11.4" rx="2.5"/><path d="M5 12.6v2.5a2.5 2.5 0 1 1-2.5-2.5z"/></g><g fill="#36C5F0"><rect y="6.3" width="11.4" height="5" rx="2.5"/><path d="M11.4 5H8.9a2.5 2.5 0 1 1 2.5-2.5z"/></g><g fill="#2EB67D"><rect x="12.6" width="5" height="11.4" rx="2.5"/><path d="M19 11.4V8.9a2.5 2.5 0 1 1 2.5 2.5z"/></g><g fill="#ECB22E"><rect x="12.6" y="12.6" width="11.4" height="5" rx="2.5"/><path d="M12.6 19h2.5a2.5 2.5 0 1 1-2.5 2.5z"/></g>`,
  hubspot: svg`<g fill="none" stroke="#FF7A59" stroke-width="2.4" stroke-linecap="round"><circle cx="15" cy="14.5" r="4.3"/><path d="M15 10.2V5.5m-3.4 11.7-4 4M11 12.5 3.5 7"/></g><g fill="#FF7A59"><circle cx="15" cy="3.9" r="2.2"/><circle cx="6.6" cy="22.2" r="1.6"/><circle cx="2.9" cy="6.6" r="1.9"/></g>`,
};

/** The provider's mark, decorative beside its name, so hidden from assistive technology. */
export function oauthMark(provider: OAuthProviderType): TemplateResult {
  // The <svg> element itself belongs in an `html` template; Lit's `svg` is for what goes inside it.
  return html`<svg part="oauth-mark" viewBox="0 0 24 24" aria-hidden="true">${MARKS[provider]}</svg>`;
}

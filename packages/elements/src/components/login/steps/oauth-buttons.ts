import type { OAuthProviderType } from '@orgauth/core/protocol';
import { html, type TemplateResult } from 'lit';
import { format } from '../../../i18n/format.js';
import { OAUTH_PROVIDER_NAMES, oauthMark } from './oauth-marks.js';
import type { LoginView } from './view.js';

/**
 * One "Continue with <provider>" button per OAuth provider, in the configured order, each with the
 * provider's mark. Real `<button>`s in a list, so Tab, Enter and Space work and a screen reader
 * counts the choices; the mark is decorative, so the button's name is its words.
 */
export function oauthButtons(
  providers: readonly { type: OAuthProviderType }[],
  disabled: boolean,
  view: LoginView,
): TemplateResult {
  return html`<ul class="oauth-list" part="oauth-buttons">
    ${providers.map(
      ({ type }) => html`<li>
        <button
          class="secondary oauth-button"
          part="secondary-button oauth-button"
          type="button"
          data-provider=${type}
          ?disabled=${disabled}
          @click=${() => view.startOAuth(type)}
        >
          ${oauthMark(type)}<span>${format(view.messages['oauth.continue'], { provider: OAUTH_PROVIDER_NAMES[type] })}</span>
        </button>
      </li>`,
    )}
  </ul>`;
}

/** "or" between the provider buttons and the email form: a rule with the word in its middle. */
export function orDivider(view: LoginView): TemplateResult {
  return html`<p class="divider" part="divider">${view.messages['oauth.divider']}</p>`;
}

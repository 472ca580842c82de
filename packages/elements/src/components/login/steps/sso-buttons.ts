import type { SsoConnectionSummary } from '@orgauth/core/protocol';
import { html, type TemplateResult } from 'lit';
import { format } from '../../../i18n/format.js';
import type { LoginView } from './view.js';

/**
 * One "Continue with <display name>" button per SSO connection, shared by the organization page and
 * the several-connections case of "Continue with SSO". The display name is a text node (it comes
 * from whoever set the connection up), never markup. A plain `map`, not Lit's keyed `repeat`: the
 * login's lists never reorder within a step, and the directive would cost the script-tag bundle
 * ~0.5 KB gzip (the same holds for the OAuth buttons and the organization list).
 */
export function ssoButtons(connections: SsoConnectionSummary[], disabled: boolean, view: LoginView): TemplateResult {
  return html`<ul class="org-list" part="sso-list">
    ${connections.map(
      (c) => html`<li>
        <button
          class="secondary sso-button"
          part="secondary-button sso-button"
          type="button"
          data-connection-id=${c.connection_id}
          ?disabled=${disabled}
          @click=${() => view.startSso(c.connection_id)}
        >
          ${format(view.messages['organizationLogin.sso'], { name: c.display_name })}
        </button>
      </li>`,
    )}
  </ul>`;
}

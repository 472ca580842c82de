import { html, type TemplateResult } from 'lit';
import { errorMessage } from '../../../i18n/format.js';
import { emailForm } from './email-form.js';
import { ssoButtons } from './sso-buttons.js';
import type { LoginView, StepState } from './view.js';

/**
 * "Continue with SSO": the email whose domain names the SSO connection. One connection redirects at
 * once (the controller starts it); several are listed to choose from; none is an error in words.
 */
export function renderSsoEmailStep(state: StepState<'sso-email'>, view: LoginView): TemplateResult {
  const m = view.messages;
  const failure = state.error ?? view.localError;
  const message = failure ? errorMessage(failure, m) : null;
  return html`
    <h2 class="heading" part="heading" tabindex="-1">${m['ssoEmail.heading']}</h2>
    <p class="intro" part="intro">${m['ssoEmail.intro']}</p>
    ${emailForm({ id: 'sso-email', label: m['email.label'], placeholder: m['email.placeholder'], submit: m['ssoEmail.submit'], email: state.email, busy: state.busy, message, onEmail: (email) => view.submitSsoEmail(email) })}
    ${
      state.connections.length > 0
        ? html`<p class="hint" part="hint">${m['ssoEmail.choose']}</p>
          ${ssoButtons(state.connections, state.busy, view)}`
        : null
    }
    <div class="actions">
      <button class="link" part="link-button" type="button" ?disabled=${state.busy} @click=${() => view.back()}>${m['ssoEmail.back']}</button>
    </div>
  `;
}

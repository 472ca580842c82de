import { html, type TemplateResult } from 'lit';
import { errorMessage } from '../../../i18n/format.js';
import { emailForm } from './email-form.js';
import type { LoginView, StepState } from './view.js';

/**
 * "Sign in or create an organization": the email form that sends the discovery magic link, plus
 * "Continue with SSO" (and, on an organization's page, a way back to its SSO buttons).
 */
export function renderEmailStep(state: StepState<'email'>, view: LoginView): TemplateResult {
  const m = view.messages;
  const failure = state.error ?? view.localError;
  const message = failure ? errorMessage(failure, m) : null;
  return html`
    <h2 class="heading" part="heading" tabindex="-1">${m['email.heading']}</h2>
    <p class="intro" part="intro">${m['email.intro']}</p>
    ${emailForm({ id: 'email', label: m['email.label'], placeholder: m['email.placeholder'], submit: m['email.submit'], email: state.email, busy: state.busy, message, onEmail: (email) => view.submitEmail(email) })}
    <div class="actions">
      <button class="secondary" part="secondary-button sso-email-button" type="button" ?disabled=${state.busy} @click=${() => view.openSsoEmail()}>
        ${m['email.sso']}
      </button>
      ${
        state.flow
          ? html`<button class="link" part="link-button" type="button" ?disabled=${state.busy} @click=${() => view.back()}>${m['email.back']}</button>`
          : null
      }
    </div>
  `;
}

import { html, type TemplateResult } from 'lit';
import { errorMessage } from '../../../i18n/format.js';
import { alertRegion } from '../../../internal/alert.js';
import { spinner } from '../../../internal/spinner.js';
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
  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    const email = String(new FormData(event.currentTarget as HTMLFormElement).get('email') ?? '').trim();
    if (email !== '') view.submitSsoEmail(email);
  };
  return html`
    <h2 class="heading" part="heading" tabindex="-1">${m['ssoEmail.heading']}</h2>
    <p class="intro" part="intro">${m['ssoEmail.intro']}</p>
    <form part="form" aria-busy=${state.busy ? 'true' : 'false'} @submit=${onSubmit}>
      <label part="label" for="sso-email">${m['email.label']}</label>
      <input
        id="sso-email"
        part="input"
        type="email"
        name="email"
        autocomplete="email"
        inputmode="email"
        spellcheck="false"
        autocapitalize="none"
        required
        data-initial-focus
        placeholder=${m['email.placeholder']}
        .value=${state.email}
        ?disabled=${state.busy}
        aria-invalid=${message ? 'true' : 'false'}
        aria-describedby="alert"
      />
      ${alertRegion(message)}
      <button class="primary" part="submit-button" type="submit" ?disabled=${state.busy}>
        ${state.busy ? spinner() : null}<span>${m['ssoEmail.submit']}</span>
      </button>
    </form>
    ${state.connections.length > 0
      ? html`<p class="hint" part="hint">${m['ssoEmail.choose']}</p>
          ${ssoButtons(state.connections, state.busy, view)}`
      : null}
    <div class="actions">
      <button class="link" part="link-button" type="button" ?disabled=${state.busy} @click=${() => view.back()}>${m['ssoEmail.back']}</button>
    </div>
  `;
}

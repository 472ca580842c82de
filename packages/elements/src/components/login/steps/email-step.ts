import { html, type TemplateResult } from 'lit';
import { errorMessage } from '../../../i18n/format.js';
import { alertRegion } from '../../../internal/alert.js';
import { spinner } from '../../../internal/spinner.js';
import type { LoginView, StepState } from './view.js';

/**
 * "Sign in or create an organization": the email form that sends the discovery magic link, plus
 * "Continue with SSO" (and, on an organization's page, a way back to its SSO buttons).
 */
export function renderEmailStep(state: StepState<'email'>, view: LoginView): TemplateResult {
  const m = view.messages;
  const failure = state.error ?? view.localError;
  const message = failure ? errorMessage(failure, m) : null;
  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const email = String(new FormData(form).get('email') ?? '').trim();
    if (email !== '') view.submitEmail(email);
  };
  return html`
    <h2 class="heading" part="heading" tabindex="-1">${m['email.heading']}</h2>
    <p class="intro" part="intro">${m['email.intro']}</p>
    <form part="form" aria-busy=${state.busy ? 'true' : 'false'} @submit=${onSubmit}>
      <label part="label" for="email">${m['email.label']}</label>
      <input
        id="email"
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
        ${state.busy ? spinner() : null}<span>${m['email.submit']}</span>
      </button>
    </form>
    <div class="actions">
      <button class="secondary" part="secondary-button sso-email-button" type="button" ?disabled=${state.busy} @click=${() => view.openSsoEmail()}>
        ${m['email.sso']}
      </button>
      ${view.organizationFlow
        ? html`<button class="link" part="link-button" type="button" ?disabled=${state.busy} @click=${() => view.back()}>${m['email.back']}</button>`
        : null}
    </div>
  `;
}

import { html, type TemplateResult } from 'lit';
import { alertRegion } from '../../../internal/alert.js';
import { spinner } from '../../../internal/spinner.js';

/**
 * The one email form of the login card (discovery magic link, "Continue with SSO"): a real `<form>`
 * with a labelled `type=email` field, the alert region and a busy submit button.
 */
export function emailForm(options: {
  id: string;
  label: string;
  placeholder: string;
  submit: string;
  email: string;
  busy: boolean;
  message: string | null;
  onEmail: (email: string) => void;
}): TemplateResult {
  const { id, busy, message } = options;
  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    const email = String(new FormData(event.currentTarget as HTMLFormElement).get('email') ?? '').trim();
    if (email !== '') options.onEmail(email);
  };
  return html`
    <form part="form" aria-busy=${busy ? 'true' : 'false'} @submit=${onSubmit}>
      <label part="label" for=${id}>${options.label}</label>
      <input
        id=${id}
        part="input"
        type="email"
        name="email"
        autocomplete="email"
        inputmode="email"
        spellcheck="false"
        autocapitalize="none"
        required
        data-initial-focus
        placeholder=${options.placeholder}
        .value=${options.email}
        ?disabled=${busy}
        aria-invalid=${message ? 'true' : 'false'}
        aria-describedby="alert"
      />
      ${alertRegion(message)}
      <button class="primary" part="submit-button" type="submit" ?disabled=${busy}>
        ${busy ? spinner() : null}<span>${options.submit}</span>
      </button>
    </form>
  `;
}

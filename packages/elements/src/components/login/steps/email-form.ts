import { html, type TemplateResult } from 'lit';
import { alertRegion } from '../../../internal/alert.js';
import { spinner } from '../../../internal/spinner.js';

/** A submit button of the email form that sends by one method (`value`). */
export interface EmailChoice {
  value: string;
  label: string;
}

/**
 * The one email form of the login card (email link or code, "Continue with SSO"): a real `<form>`
 * with a labelled `type=email` field, the alert region and a busy submit button, or one submit
 * button per `choices` (link or code), whose `value` reaches `onEmail`.
 */
export function emailForm(options: {
  id: string;
  label: string;
  placeholder: string;
  submit: string;
  email: string;
  busy: boolean;
  message: string | null;
  choices?: EmailChoice[] | undefined;
  onEmail: (email: string, choice?: string) => void;
}): TemplateResult {
  const { id, busy, message } = options;
  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    const email = String(new FormData(event.currentTarget as HTMLFormElement).get('email') ?? '').trim();
    // Enter in the field submits with the first button, as a browser does.
    const choice = (event.submitter as HTMLButtonElement | null)?.value || options.choices?.[0]?.value;
    if (email !== '') options.onEmail(email, choice);
  };
  const choices = options.choices ?? [];
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
      ${
        choices.length > 0
          ? choices.map(
              (
                c,
                i,
              ) => html`<button class=${i ? 'secondary' : 'primary'} part=${i ? 'secondary-button method-button' : 'submit-button method-button'} type="submit" value=${c.value} ?disabled=${busy}>
                ${busy && !i ? spinner() : null}<span>${c.label}</span>
              </button>`,
            )
          : html`<button class="primary" part="submit-button" type="submit" ?disabled=${busy}>
              ${busy ? spinner() : null}<span>${options.submit}</span>
            </button>`
      }
    </form>
  `;
}

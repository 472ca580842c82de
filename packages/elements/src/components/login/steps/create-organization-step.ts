import { html, type TemplateResult } from 'lit';
import { errorMessage } from '../../../i18n/format.js';
import { alertRegion } from '../../../internal/alert.js';
import { spinner } from '../../../internal/spinner.js';
import { isFieldError, nameProblem, slugProblem } from '../create-form.js';
import type { LoginView, StepState } from './view.js';

/**
 * "Create an organization": name and URL slug. The slug follows the name (`suggestSlug`) until edited
 * by hand, is checked as it is typed (`validateSlug`), and a taken slug is reported on the field.
 */
export function renderCreateOrganizationStep(state: StepState<'create-organization'>, view: LoginView): TemplateResult {
  const m = view.messages;
  const form = view.createForm;
  const slugMessage = slugProblem(form, state.error, m);
  const nameMessage = nameProblem(form, state.error, m);
  const failure = state.error ?? view.localError;
  const formMessage = failure && !isFieldError(failure) ? errorMessage(failure, m) : null;
  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    view.submitCreate();
  };
  return html`
    <h2 class="heading" part="heading" tabindex="-1">${m['createOrganization.heading']}</h2>
    <form part="form" aria-busy=${state.busy ? 'true' : 'false'} novalidate @submit=${onSubmit}>
      <label part="label" for="organization-name">${m['createOrganization.nameLabel']}</label>
      <input
        id="organization-name"
        part="input"
        name="organization_name"
        autocomplete="organization"
        required
        data-initial-focus
        placeholder=${m['createOrganization.namePlaceholder']}
        .value=${form.name}
        ?disabled=${state.busy}
        aria-invalid=${nameMessage ? 'true' : 'false'}
        aria-describedby="name-error"
        @input=${(e: InputEvent) => view.setOrganizationName((e.currentTarget as HTMLInputElement).value)}
      />
      <div id="name-error" class="field-error" part="field-error">${nameMessage}</div>
      <label part="label" for="organization-slug">${m['createOrganization.slugLabel']}</label>
      <input
        id="organization-slug"
        part="input"
        name="organization_slug"
        autocomplete="off"
        autocapitalize="none"
        spellcheck="false"
        required
        .value=${form.slug}
        ?disabled=${state.busy}
        aria-invalid=${slugMessage ? 'true' : 'false'}
        aria-describedby="slug-hint slug-error"
        @input=${(e: InputEvent) => view.setOrganizationSlug((e.currentTarget as HTMLInputElement).value)}
      />
      <div id="slug-hint" class="hint" part="hint">${m['createOrganization.slugHint']}</div>
      <div id="slug-error" class="field-error" part="field-error" aria-live="polite">${slugMessage}</div>
      ${alertRegion(formMessage)}
      <div class="actions">
        <button class="primary" part="submit-button" type="submit" ?disabled=${state.busy}>
          ${state.busy ? spinner() : null}<span>${m['createOrganization.submit']}</span>
        </button>
        <button class="secondary" part="secondary-button" type="button" ?disabled=${state.busy} @click=${() => view.back()}>
          ${m['createOrganization.back']}
        </button>
      </div>
    </form>
  `;
}

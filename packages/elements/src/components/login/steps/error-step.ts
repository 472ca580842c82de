import { html, type TemplateResult } from 'lit';
import { errorMessage } from '../../../i18n/format.js';
import { alertRegion } from '../../../internal/alert.js';
import type { LoginView, StepState } from './view.js';

/** The dead end of one attempt (an expired or reused link): the reason in words and "Start over". */
export function renderErrorStep(state: StepState<'error'>, view: LoginView): TemplateResult {
  const m = view.messages;
  return html`
    <h2 class="heading" part="heading" tabindex="-1" data-initial-focus>${m['error.heading']}</h2>
    ${alertRegion(errorMessage(state.error, m))}
    <div class="actions">
      <button class="primary" part="submit-button" type="button" @click=${() => view.reset()}>${m['error.startOver']}</button>
    </div>
  `;
}

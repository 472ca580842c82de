import { html, type TemplateResult } from 'lit';
import { spinner } from '../../../internal/spinner.js';
import type { LoginView, StepState } from './view.js';

/** "Signing you in…": shown while a magic-link token from the URL is being exchanged. */
export function renderAuthenticatingStep(_state: StepState<'authenticating'>, view: LoginView): TemplateResult {
  return html`
    <div class="progress" role="status" aria-live="polite">
      ${spinner()}
      <h2 class="heading" part="heading" tabindex="-1" data-initial-focus>${view.messages['authenticating.heading']}</h2>
    </div>
  `;
}

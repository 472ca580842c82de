import { html, type TemplateResult } from 'lit';
import { spinner } from '../../../internal/spinner.js';
import type { LoginView, StepState } from './view.js';

/** "Redirecting to your identity provider…": shown while the browser leaves for the IdP. */
export function renderSsoRedirectingStep(_state: StepState<'sso-redirecting'>, view: LoginView): TemplateResult {
  return html`
    <div class="progress" role="status" aria-live="polite">
      ${spinner()}
      <h2 class="heading" part="heading" tabindex="-1" data-initial-focus>${view.messages['ssoRedirecting.heading']}</h2>
    </div>
  `;
}

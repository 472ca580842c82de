import { html, type TemplateResult } from 'lit';
import { format } from '../../../i18n/format.js';
import { spinner } from '../../../internal/spinner.js';
import { OAUTH_PROVIDER_NAMES } from './oauth-marks.js';
import type { LoginView, StepState } from './view.js';

/** "Redirecting to Google…": shown while the browser leaves for the OAuth provider. */
export function renderOAuthRedirectingStep(state: StepState<'oauth-redirecting'>, view: LoginView): TemplateResult {
  const provider = OAUTH_PROVIDER_NAMES[state.provider];
  return html`
    <div class="progress" role="status" aria-live="polite">
      ${spinner()}
      <h2 class="heading" part="heading" tabindex="-1" data-initial-focus>${format(view.messages['oauthRedirecting.heading'], { provider })}</h2>
    </div>
  `;
}

import { isOrgAuthApiError, isOrgAuthError } from '@orgauth/core';
import { html, type TemplateResult } from 'lit';
import { errorMessage } from '../../../i18n/format.js';
import { alertRegion } from '../../../internal/alert.js';
import type { LoginView, StepState } from './view.js';

/** A link (invite, organization or discovery link) that cannot be used any more; signing in by email still works. */
const isSpentLink = (error: unknown) =>
  isOrgAuthApiError(error, 'magic_link_not_found') ||
  isOrgAuthApiError(error, 'invalid_token') ||
  isOrgAuthError(error, 'redirect_error');

/**
 * The dead end of one attempt: the reason in words and "Start over" (for a used or expired link,
 * "Sign in with email instead", which leads to the same first screen).
 */
export function renderErrorStep(state: StepState<'error'>, view: LoginView): TemplateResult {
  const m = view.messages;
  const again = isSpentLink(state.error) ? m['error.signInWithEmail'] : m['error.startOver'];
  return html`
    <h2 class="heading" part="heading" tabindex="-1" data-initial-focus>${m['error.heading']}</h2>
    ${alertRegion(errorMessage(state.error, m))}
    <div class="actions">
      <button class="primary" part="submit-button" type="button" @click=${() => view.reset()}>${again}</button>
    </div>
  `;
}

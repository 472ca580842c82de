import { isOrgAuthApiError } from '@orgauth/core';
import { html, nothing, type TemplateResult } from 'lit';
import { errorMessage } from '../../../i18n/format.js';
import type { OrgAuthFactorMessageKey, OrgAuthFactorMessages } from '../../../i18n/factor-messages.js';
import { spinner } from '../../../internal/spinner.js';
import type { FactorScreen, FactorView } from './factor-view.js';

/** A factor screen's data by its name. */
export type Screen<K extends FactorScreen['screen']> = Extract<FactorScreen, { screen: K }>;

/** A form's main button: busy, it shows the spinner and cannot be pressed again. */
export const submitButton = (busy: boolean, label: string): TemplateResult =>
  html`<button class="primary" part="submit-button" type="submit" ?disabled=${busy}>${busy ? spinner() : nothing}<span>${label}</span></button>`;

/** A `submit` handler that keeps the page where it is and runs `action`. */
export const preventing =
  (action: () => void) =>
  (event: SubmitEvent): void => {
    event.preventDefault();
    action();
  };

/** The screen's title, which focus lands on when it has no field (login-focus.ts). */
export const heading = (text: string): TemplateResult =>
  html`<h2 class="heading" part="heading" tabindex="-1">${text}</h2>`;

/**
 * The polite note after a copy ("Copied." or, when the clipboard refused, how to copy by hand),
 * always rendered so screen readers announce its change.
 */
export function copyStatus(view: FactorView, what: 'key' | 'codes'): TemplateResult {
  const m = view.messages;
  const text = view.copied === what ? m['copy.done'] : view.copied === 'failed' ? m['copy.failed'] : '';
  return html`<div class="status ${view.copied === 'failed' ? '' : 'success'}" part="status" role="status">${text}</div>`;
}

/**
 * The words of a refused step: the catalogue's (`errorMessage`), except for the error types this
 * screen words better. The catalogue's `unauthorized_credentials` ("not allowed … sign in again")
 * and `otp_code_not_found` ("… the latest email") are wrong words for a mistyped password or a
 * mistyped app or text-message code.
 */
export function screenError(
  error: unknown,
  m: OrgAuthFactorMessages,
  own: Partial<Record<string, OrgAuthFactorMessageKey>> = {},
): string | null {
  if (!error) return null;
  const key = isOrgAuthApiError(error) ? own[error.errorType] : undefined;
  return key ? m[key] : errorMessage(error, m);
}

import { isOrgAuthApiError } from '@orgauth/core';
import { otpAttemptsLeft } from '@orgauth/core/protocol';
import { html, type TemplateResult } from 'lit';
import { errorMessage, format } from '../../../i18n/format.js';
import type { OrgAuthMessages } from '../../../i18n/messages.js';
import { alertRegion } from '../../../internal/alert.js';
import { admissionHint } from './admission-hint.js';
import { spinner } from '../../../internal/spinner.js';
import { CODE_LENGTH } from '../login-view.js';
import { codeField } from './code-field.js';
import type { LoginView, StepState } from './view.js';

/**
 * Words for a failed code. A wrong code's answer carries the tries left in its message (the server's
 * `otp_code_not_found`, written and read by packages/core/src/protocol/otp-messages.ts); the count is
 * shown when it can be read, else the generic line of the error table.
 */
export function codeErrorMessage(error: unknown, m: OrgAuthMessages): string {
  if (isOrgAuthApiError(error, 'otp_code_not_found')) {
    const left = otpAttemptsLeft(error.message);
    if (left === 0) return m['code.wrongLast'];
    if (left !== null) return format(m['code.wrong'], { count: left }, m.locale).join('');
  }
  return errorMessage(error, m);
}

/** A code that can no longer be redeemed: only a new one helps, so "Resend code" is offered at once. */
const isDeadCode = (error: unknown) =>
  isOrgAuthApiError(error, 'unable_to_auth_otp_code') ||
  isOrgAuthApiError(error, 'too_many_otp_attempts') ||
  (isOrgAuthApiError(error, 'otp_code_not_found') && otpAttemptsLeft(error.message) === 0);

/**
 * "Check your email" for a one-time code: one field for the six digits (typed, pasted whole, or filled
 * in by the browser from the email; the sixth digit submits), the resend countdown, and a way back.
 */
export function renderCodeStep(state: StepState<'email-sent'>, view: LoginView): TemplateResult {
  const m = view.messages;
  const failure = state.error ?? view.localError;
  const message = failure ? codeErrorMessage(failure, m) : null;
  const verifying = state.busy && view.code.length === CODE_LENGTH;
  // `sends` counts the codes sent to this address: past the first, the latest email holds a new one.
  const status = verifying ? m['code.verifying'] : state.sends > 1 && !state.busy && !message ? m['code.resent'] : null;
  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    view.submitCode();
  };
  const seconds = isDeadCode(failure) ? 0 : view.resendIn;
  const hint = admissionHint(state, m);
  return html`
    <h2 class="heading" part="heading" tabindex="-1">${m['emailSent.heading']}</h2>
    <p class="intro" part="intro">${format(m['code.body'], { email: html`<b class="email">${state.email}</b>` })}</p>
    ${hint ? html`<p class="hint admission" part="hint admission-hint">${hint}</p>` : null}
    <form part="form" aria-busy=${state.busy ? 'true' : 'false'} @submit=${onSubmit}>
      ${codeField({ id: 'code', label: m['code.label'], hint: m['code.hint'], value: view.code, busy: state.busy, invalid: message !== null, onDigits: (value) => view.setCode(value) })}
      ${alertRegion(message)}
      <div class="status ${verifying ? '' : 'success'}" role="status">${status}</div>
      <button class="primary" part="submit-button" type="submit" ?disabled=${state.busy}>
        ${verifying ? spinner() : null}<span>${m['code.submit']}</span>
      </button>
    </form>
    <div class="actions">
      ${
        seconds > 0
          ? html`<p class="hint" part="hint resend-countdown">${format(m['code.resendIn'], { seconds }, m.locale)}</p>`
          : html`<button class="secondary" part="secondary-button resend-button" type="button" ?disabled=${state.busy} @click=${() => view.resend()}>
              ${m['code.resend']}
            </button>`
      }
      <button class="link" part="link-button" type="button" ?disabled=${state.busy} @click=${() => view.back()}>
        ${m['emailSent.back']}
      </button>
    </div>
  `;
}

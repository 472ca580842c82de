import { html, nothing, type TemplateResult } from 'lit';
import { errorMessage } from '../../../i18n/format.js';
import { alertRegion } from '../../../internal/alert.js';
import { heading, preventing, type Screen, screenError, submitButton } from './factor-parts.js';
import type { FactorView } from './factor-view.js';
import { passwordField } from './password-field.js';

/** The email field's text on the current screen (the card's `#email`). */
const emailIn = (from: Element): string =>
  ((from.getRootNode() as ParentNode).querySelector<HTMLInputElement>('#email')?.value ?? '').trim();

/**
 * Email and password: the email (kept from the email step, editable; `username` for password
 * managers), the password (`current-password`, show/hide), "Forgot password?" (a reset link to the
 * email typed) and a way back.
 */
export function renderPasswordScreen(s: Screen<'password'>, view: FactorView): TemplateResult {
  const m = view.messages;
  const message = screenError(s.error, m, { unauthorized_credentials: 'password.incorrect' });
  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    view.submitPassword(emailIn(event.currentTarget as Element));
  };
  const onForgot = (event: Event) => {
    const email = emailIn(event.currentTarget as Element);
    if (email) view.forgotPassword(email);
    else (event.currentTarget as Element).closest('.card')?.querySelector<HTMLInputElement>('#email')?.focus();
  };
  return html`
    ${heading(m['password.heading'])}
    <form part="form" aria-busy=${s.busy ? 'true' : 'false'} @submit=${onSubmit}>
      <label part="label" for="email">${m['email.label']}</label>
      <input id="email" part="input" type="email" name="email" autocomplete="username" inputmode="email" spellcheck="false" autocapitalize="none" required ?data-initial-focus=${!s.email} placeholder=${m['email.placeholder']} .value=${s.email} ?readonly=${s.busy} />
      ${passwordField(view, { id: 'password', label: m['password.label'], autocomplete: 'current-password', busy: s.busy, invalid: message !== null, initialFocus: !!s.email })}
      ${alertRegion(message)}
      ${submitButton(s.busy, m['password.submit'])}
    </form>
    <div class="actions">
      <button class="link" part="link-button forgot-password-button" type="button" ?disabled=${s.busy} @click=${onForgot}>${m['password.forgot']}</button>
      <button class="link" part="link-button" type="button" ?disabled=${s.busy} @click=${() => view.back()}>${m['password.back']}</button>
    </div>
  `;
}

/**
 * After a reset request: the same sentence whether or not the address has an account (no
 * enumeration, docs/security.md AUTH-03), "Resend" and a way back.
 */
export function renderPasswordResetSentScreen(s: Screen<'password-reset-sent'>, view: FactorView): TemplateResult {
  const m = view.messages;
  const message = s.error ? errorMessage(s.error, m) : null;
  const status = s.sends > 1 && !s.busy && !message ? m['emailSent.resent'] : null;
  return html`
    ${heading(m['emailSent.heading'])}
    <p class="intro" part="intro">${m['forgot.sent']}</p>
    <p class="hint" part="hint">${m['forgot.sentHint']}</p>
    ${alertRegion(message)}
    <div class="status success" part="status" role="status">${status ?? nothing}</div>
    <div class="actions">
      <button class="secondary" part="secondary-button resend-button" type="button" ?disabled=${s.busy} @click=${() => view.resendPasswordReset()}>${m['emailSent.resend']}</button>
      <button class="link" part="link-button" type="button" ?disabled=${s.busy} @click=${() => view.back()}>${m['forgot.back']}</button>
    </div>
  `;
}

/** The page the reset email links to: a new password (`new-password`), its strength as it is typed. */
export function renderPasswordResetScreen(s: Screen<'password-reset'>, view: FactorView): TemplateResult {
  const m = view.messages;
  const message = s.error ? errorMessage(s.error, m) : null;
  return html`
    ${heading(m['reset.heading'])}
    <p class="intro" part="intro">${m['reset.intro']}</p>
    <form part="form" aria-busy=${s.busy ? 'true' : 'false'} @submit=${preventing(() => view.submitNewPassword())}>
      ${passwordField(view, { id: 'new-password', label: m['password.newLabel'], autocomplete: 'new-password', busy: s.busy, invalid: message !== null, strength: { strength: s.strength, checking: s.checking } })}
      ${alertRegion(message)}
      ${submitButton(s.busy, m['reset.submit'])}
    </form>
  `;
}

import { html, nothing, type TemplateResult } from 'lit';
import { errorMessage, format } from '../../../i18n/format.js';
import { alertRegion } from '../../../internal/alert.js';
import { emailForm } from '../steps/email-form.js';
import type { FactorView } from './factor-view.js';
import { preventing, type Screen, submitButton } from './factor-parts.js';
import { passwordField } from './password-field.js';

/**
 * "Enter your password" for the email already given: the password (`current-password`, show/hide),
 * "Forgot password?" and a way back to the email. A hidden `username` field carries the email so
 * password managers file the pair under it.
 */
export function renderPasswordScreen(s: Screen<'password'>, view: FactorView): TemplateResult {
  const m = view.messages;
  const message = s.error ? errorMessage(s.error, m) : null;
  return html`
    <h2 class="heading" part="heading" tabindex="-1">${m['password.heading']}</h2>
    <p class="intro" part="intro">${format(m['password.intro'], { email: html`<b class="email">${s.email}</b>` })}</p>
    <form part="form" aria-busy=${s.busy ? 'true' : 'false'} @submit=${preventing(() => view.submitPassword())}>
      <input class="username" type="email" name="username" autocomplete="username" aria-label=${m['email.label']} .value=${s.email} hidden readonly />
      ${passwordField(view, { id: 'password', label: m['password.label'], autocomplete: 'current-password', busy: s.busy, invalid: message !== null })}
      ${alertRegion(message)}
      ${submitButton(s.busy, m['password.submit'])}
    </form>
    <div class="actions">
      <button class="link" part="link-button forgot-password-button" type="button" ?disabled=${s.busy} @click=${() => view.forgotPassword()}>${m['password.forgot']}</button>
      <button class="link" part="link-button" type="button" ?disabled=${s.busy} @click=${() => view.back()}>${m['password.back']}</button>
    </div>
  `;
}

/** "Reset your password": the email to send the reset link to. */
export function renderForgotPasswordScreen(s: Screen<'forgot-password'>, view: FactorView): TemplateResult {
  const m = view.messages;
  return html`
    <h2 class="heading" part="heading" tabindex="-1">${m['forgot.heading']}</h2>
    <p class="intro" part="intro">${m['forgot.intro']}</p>
    ${emailForm({ id: 'email', label: m['email.label'], placeholder: m['email.placeholder'], submit: m['forgot.submit'], email: s.email, busy: s.busy, message: s.error ? errorMessage(s.error, m) : null, onEmail: (email) => view.submitForgotPassword(email) })}
    <div class="actions">
      <button class="link" part="link-button" type="button" ?disabled=${s.busy} @click=${() => view.back()}>${m['forgot.back']}</button>
    </div>
  `;
}

/**
 * After a reset request: the same sentence whether or not the address has an account (no
 * enumeration, docs/security.md AUTH-03).
 */
export function renderForgotPasswordSentScreen(_s: Screen<'forgot-password-sent'>, view: FactorView): TemplateResult {
  const m = view.messages;
  return html`
    <h2 class="heading" part="heading" tabindex="-1">${m['emailSent.heading']}</h2>
    <p class="intro" part="intro" role="status">${m['forgot.sent']}</p>
    <p class="hint" part="hint">${m['forgot.sentHint']}</p>
    <div class="actions">
      <button class="link" part="link-button" type="button" data-initial-focus @click=${() => view.back()}>${m['forgot.back']}</button>
    </div>
  `;
}

/** The page the reset email links to: a new password (`new-password`), its strength as it is typed. */
export function renderResetPasswordScreen(s: Screen<'reset-password'>, view: FactorView): TemplateResult {
  const m = view.messages;
  const message = s.error ? errorMessage(s.error, m) : null;
  return html`
    <h2 class="heading" part="heading" tabindex="-1">${m['reset.heading']}</h2>
    <p class="intro" part="intro">${m['reset.intro']}</p>
    <form part="form" aria-busy=${s.busy ? 'true' : 'false'} @submit=${preventing(() => view.submitNewPassword())}>
      ${s.email ? html`<input class="username" type="email" name="username" autocomplete="username" aria-label=${m['email.label']} .value=${s.email} hidden readonly />` : nothing}
      ${passwordField(view, { id: 'new-password', label: m['password.newLabel'], autocomplete: 'new-password', busy: s.busy, invalid: message !== null })}
      ${alertRegion(message)}
      ${submitButton(s.busy, m['reset.submit'])}
    </form>
  `;
}

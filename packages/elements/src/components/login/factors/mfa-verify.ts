import { html, nothing, type TemplateResult } from 'lit';
import { errorMessage, format } from '../../../i18n/format.js';
import { alertRegion } from '../../../internal/alert.js';
import { codeField } from '../steps/code-field.js';
import { heading, preventing, type Screen, screenError, submitButton } from './factor-parts.js';
import type { FactorView, MfaMethod } from './factor-view.js';

/** "Verify it is you": one button per method the organization allows, its name and what it does. */
export function renderMfaChooseScreen(s: Screen<'mfa-choose'>, view: FactorView): TemplateResult {
  const m = view.messages;
  const words: Record<MfaMethod, [string, string]> = {
    totp: [m['mfa.totp'], m['mfa.totpHint']],
    smsOtp: [m['mfa.sms'], m['mfa.smsHint']],
  };
  return html`
    ${heading(m['mfa.chooseHeading'])}
    <p class="intro" part="intro">${format(m['mfa.chooseIntro'], { organization: s.organizationName })}</p>
    <ul class="org-list" part="mfa-methods" aria-busy=${s.busy ? 'true' : 'false'}>
      ${s.methods.map(
        (method, i) => html`<li>
          <button class="org-button" part="mfa-method-button" type="button" data-method=${method} ?data-initial-focus=${i === 0} ?disabled=${s.busy} @click=${() => view.chooseMethod(method)}>
            <span class="org-name">${words[method][0]}</span>
            <span class="org-hint">${words[method][1]}</span>
          </button>
        </li>`,
      )}
    </ul>
    ${alertRegion(s.error ? errorMessage(s.error, m) : null)}
  `;
}

/**
 * The second step of a sign-in: the code from the authenticator app or the text message, with
 * "Use a recovery code instead" (with an authenticator app enrolled), and (SMS) a new code or
 * (several methods) another method.
 */
export function renderMfaVerifyScreen(s: Screen<'mfa-verify'>, view: FactorView): TemplateResult {
  const m = view.messages;
  const message = screenError(s.error, m, { otp_code_not_found: 'verify.wrongCode' });
  const sms = s.method === 'smsOtp';
  const intro = sms
    ? format(m['verify.smsIntro'], { phone: html`<b class="email">${s.phone ?? ''}</b>` })
    : format(m['verify.totpIntro'], { organization: s.organizationName });
  return html`
    ${heading(m['verify.heading'])}
    <p class="intro" part="intro">${intro}</p>
    <form part="form" aria-busy=${s.busy ? 'true' : 'false'} @submit=${preventing(() => view.submitCode())}>
      ${codeField({ id: 'mfa-code', label: m['verify.codeLabel'], hint: sms ? m['code.hint'] : m['totp.codeHint'], value: view.code, busy: s.busy, invalid: message !== null, onDigits: (v) => view.setCode(v) })}
      ${alertRegion(message)}
      ${submitButton(s.busy, m['verify.submit'])}
    </form>
    <div class="actions">
      ${sms ? html`<button class="secondary" part="secondary-button resend-button" type="button" ?disabled=${s.busy} @click=${() => view.resendSms()}>${m['verify.resend']}</button>` : nothing}
      ${s.recovery ? html`<button class="link" part="link-button recovery-code-button" type="button" ?disabled=${s.busy} @click=${() => view.useRecoveryCode()}>${m['verify.useRecovery']}</button>` : nothing}
      ${s.otherMethods ? html`<button class="link" part="link-button" type="button" ?disabled=${s.busy} @click=${() => view.useOtherMethod()}>${m['verify.otherMethod']}</button>` : nothing}
    </div>
  `;
}

/** A recovery code instead of the second factor: one field (codes are letters, digits and dashes). */
export function renderRecoveryCodeScreen(s: Screen<'recovery-code'>, view: FactorView): TemplateResult {
  const m = view.messages;
  const message = s.error ? errorMessage(s.error, m) : null;
  const onInput = (event: Event) => view.setRecoveryCode((event.currentTarget as HTMLInputElement).value);
  return html`
    ${heading(m['recover.heading'])}
    <p class="intro" part="intro">${m['recover.intro']}</p>
    <form part="form" aria-busy=${s.busy ? 'true' : 'false'} @submit=${preventing(() => view.submitRecoveryCode())}>
      <label part="label" for="recovery-code">${m['recover.label']}</label>
      <input
        id="recovery-code"
        class="recovery"
        part="input recovery-code-input"
        name="recovery_code"
        type="text"
        autocomplete="off"
        spellcheck="false"
        autocapitalize="none"
        required
        data-initial-focus
        .value=${view.recoveryCode}
        ?readonly=${s.busy}
        aria-invalid=${message ? 'true' : 'false'}
        aria-describedby="alert"
        @input=${onInput}
      />
      ${alertRegion(message)}
      ${submitButton(s.busy, m['recover.submit'])}
    </form>
    <div class="actions">
      <button class="link" part="link-button" type="button" ?disabled=${s.busy} @click=${() => view.back()}>${m['recover.back']}</button>
    </div>
  `;
}

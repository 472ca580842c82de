import { html, nothing, type TemplateResult } from 'lit';
import { errorMessage, format } from '../../../i18n/format.js';
import { alertRegion } from '../../../internal/alert.js';
import { codeField } from '../steps/code-field.js';
import { copyStatus, heading, preventing, type Screen, submitButton } from './factor-parts.js';
import type { FactorView } from './factor-view.js';

/**
 * The QR code as an image source. Stytch sends a data URL (or bare base64 PNG); anything else is
 * refused rather than fetched, so the image never loads from elsewhere (the pages' CSP allows
 * `img-src data:`, e2e/support/app-server.ts).
 */
export function qrSource(qrCode: string): string | undefined {
  if (/^data:image\/png;base64,[A-Za-z0-9+/=]+$/.test(qrCode)) return qrCode;
  return /^[A-Za-z0-9+/=]+$/.test(qrCode) ? `data:image/png;base64,${qrCode}` : undefined;
}

/** The setup key in groups of four, as authenticator apps show and people type it. */
export const groupedKey = (secret: string): string => secret.replace(/\s+/g, '').replace(/(.{4})(?=.)/g, '$1 ');

/**
 * TOTP enrolment: the QR code (an image, its `alt` says what it is for), the setup key grouped in
 * fours with a copy button, both shown once, then the code the app shows now.
 */
export function renderTotpEnrolScreen(s: Screen<'totp-enrol'>, view: FactorView): TemplateResult {
  const m = view.messages;
  const message = s.error ? errorMessage(s.error, m) : null;
  const src = qrSource(s.qrCode);
  const organization = s.organizationName;
  return html`
    ${heading(m['totp.heading'])}
    <p class="intro" part="intro">${m['totp.scan']}</p>
    ${src ? html`<img class="qr" part="totp-qr" src=${src} alt=${format(m['totp.qrAlt'], { organization }).join('')} width="180" height="180" />` : null}
    <p class="hint" part="hint">${m['totp.manual']}</p>
    <div class="key-row" role="group" aria-label=${m['totp.keyLabel']}>
      <code id="totp-key" class="key" part="totp-key">${groupedKey(s.secret)}</code>
      <button class="secondary" part="secondary-button copy-button" type="button" @click=${() => view.copy(s.secret.replace(/\s+/g, ''), 'key')}>${m['totp.copyKey']}</button>
    </div>
    ${copyStatus(view, 'key')}
    <p class="hint" part="hint">${m['totp.once']}</p>
    <form part="form" aria-busy=${s.busy ? 'true' : 'false'} @submit=${preventing(() => view.submitCode())}>
      ${codeField({ id: 'totp-code', label: m['totp.codeLabel'], hint: m['totp.codeHint'], value: view.code, busy: s.busy, invalid: message !== null, onDigits: (v) => view.setCode(v) })}
      ${alertRegion(message)}
      ${submitButton(s.busy, m['totp.submit'])}
    </form>
    ${s.otherMethods ? html`<div class="actions"><button class="link" part="link-button" type="button" ?disabled=${s.busy} @click=${() => view.back()}>${m['verify.otherMethod']}</button></div>` : nothing}
  `;
}

/** SMS enrolment: the mobile number (`tel`, with country code) the codes go to. */
export function renderSmsEnrolScreen(s: Screen<'sms-enrol'>, view: FactorView): TemplateResult {
  const m = view.messages;
  const message = s.error ? errorMessage(s.error, m) : null;
  const onInput = (event: Event) => view.setPhone((event.currentTarget as HTMLInputElement).value);
  return html`
    ${heading(m['sms.heading'])}
    <p class="intro" part="intro">${format(m['sms.intro'], { organization: s.organizationName })}</p>
    <form part="form" aria-busy=${s.busy ? 'true' : 'false'} @submit=${preventing(() => view.submitPhone())}>
      <label part="label" for="phone">${m['sms.phoneLabel']}</label>
      <input
        id="phone"
        part="input phone-input"
        name="phone"
        type="tel"
        autocomplete="tel"
        inputmode="tel"
        required
        data-initial-focus
        .value=${view.phone}
        ?readonly=${s.busy}
        aria-invalid=${message ? 'true' : 'false'}
        aria-describedby="phone-hint alert"
        @input=${onInput}
      />
      <p id="phone-hint" class="hint" part="hint">${m['sms.phoneHint']}</p>
      ${alertRegion(message)}
      ${submitButton(s.busy, m['sms.submit'])}
    </form>
    ${s.otherMethods ? html`<div class="actions"><button class="link" part="link-button" type="button" ?disabled=${s.busy} @click=${() => view.back()}>${m['verify.otherMethod']}</button></div>` : nothing}
  `;
}

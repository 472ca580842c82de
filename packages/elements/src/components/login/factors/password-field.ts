import { html, nothing, svg, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { format } from '../../../i18n/format.js';
import type { FactorView, PasswordStrength } from './factor-view.js';

/** An eye, the show/hide toggle's mark (decorative: the button's `aria-label` names it). */
const EYE = svg`<path d="M1.5 10S4.8 4 10 4s8.5 6 8.5 6-3.3 6-8.5 6S1.5 10 1.5 10Z" fill="none" stroke="currentColor" stroke-width="1.6"/><circle cx="10" cy="10" r="2.6" fill="currentColor"/>`;
/** The struck-through eye shown while the password is visible. */
const EYE_OFF = svg`${EYE}<path d="M3 17 17 3" stroke="currentColor" stroke-width="1.6"/>`;

/**
 * The strength meter under a new password: a `<meter>` (0–4, zxcvbn's score) named by its label, and
 * the same verdict in words with zxcvbn's warning and suggestions (the server's words) in a polite
 * live region, so the feedback is never colour alone and is read out as the person types.
 */
export function strengthMeter(
  view: FactorView,
  id: string,
  s: PasswordStrength | null,
  checking: boolean,
): TemplateResult {
  const m = view.messages;
  const verdict = s
    ? s.breached
      ? m['password.breached']
      : `${format(m['password.strength'], { score: String(s.score) }).join('')}. ${s.valid ? m['password.accepted'] : m['password.tooWeak']}`
    : checking
      ? m['password.checking']
      : '';
  const advice = s && !s.breached ? [s.warning, ...s.suggestions].filter((t) => t !== '') : [];
  return html`<div class="strength" part="strength">
    <span id="${id}-meter-label" class="hint" part="hint">${m['password.strengthLabel']}</span>
    <meter
      class="strength-meter"
      part="strength-meter"
      min="0"
      max="4"
      low="2"
      high="3"
      optimum="4"
      .value=${s?.score ?? 0}
      aria-labelledby="${id}-meter-label"
      aria-describedby="${id}-feedback"
      data-score=${s?.score ?? nothing}
    ></meter>
    <div id="${id}-feedback" class="strength-feedback" part="strength-feedback" aria-live="polite">
      <p class="hint">${verdict}</p>
      ${advice.length ? html`<ul class="hint">${advice.map((t) => html`<li>${t}</li>`)}</ul>` : nothing}
    </div>
  </div>`;
}

/** What {@link passwordField} is for: signing in with the current password, or choosing a new one. */
export interface PasswordFieldOptions {
  id: string;
  label: string;
  /** `new-password` lets password managers offer a generated one. */
  autocomplete: 'current-password' | 'new-password';
  busy: boolean;
  invalid: boolean;
  /** The screen starts on this field (default true). */
  initialFocus?: boolean;
  /** With `new-password`: the latest strength check, and whether one is under way. */
  strength?: { strength: PasswordStrength | null; checking: boolean };
}

/**
 * A labelled password input with a show/hide toggle: a real button (`aria-pressed`, named "Show
 * password", `aria-controls` the field) that switches the input between `password` and `text`; with
 * `strength`, the strength meter follows.
 */
export function passwordField(view: FactorView, o: PasswordFieldOptions): TemplateResult {
  const m = view.messages;
  const meter = o.strength;
  const onInput = (event: Event) => view.setPassword((event.currentTarget as HTMLInputElement).value);
  return html`<label part="label" for=${o.id}>${o.label}</label>
    <div class="password-row" part="password-row">
      <input
        id=${o.id}
        part="input password-input"
        name="password"
        type=${view.passwordShown ? 'text' : 'password'}
        autocomplete=${o.autocomplete}
        spellcheck="false"
        autocapitalize="none"
        required
        ?data-initial-focus=${o.initialFocus ?? true}
        .value=${live(view.password)}
        ?readonly=${o.busy}
        aria-invalid=${o.invalid ? 'true' : 'false'}
        aria-describedby=${meter ? `${o.id}-feedback alert` : 'alert'}
        @input=${onInput}
      />
      <button
        class="secondary toggle"
        part="secondary-button password-toggle"
        type="button"
        aria-label=${m['password.show']}
        aria-pressed=${view.passwordShown ? 'true' : 'false'}
        aria-controls=${o.id}
        @click=${() => view.togglePasswordShown()}
      >
        <svg viewBox="0 0 20 20" width="20" height="20" aria-hidden="true" focusable="false">${view.passwordShown ? EYE_OFF : EYE}</svg>
      </button>
    </div>
    ${meter ? strengthMeter(view, o.id, meter.strength, meter.checking) : nothing}`;
}

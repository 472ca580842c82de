import { html, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { codeDigits } from '../code-digits.js';

/** What {@link codeField} shows and whom it tells. */
export interface CodeFieldOptions {
  /** The input's id (the focus target after a refused code). */
  id: string;
  label: string;
  hint: string;
  /** The digits typed so far. */
  value: string;
  busy: boolean;
  invalid: boolean;
  /** Gets the field's digits after each input or paste. */
  onDigits(value: string): void;
}

/**
 * The six-digit one-time code field of the login (emailed, texted, or from an authenticator app):
 * typed, pasted whole ("123 456", "123-456") or filled in by the browser (`one-time-code`); the
 * field holds digits only, and a refused code is selected on focus so the next digits replace it.
 */
export function codeField(o: CodeFieldOptions): TemplateResult {
  const onInput = (event: Event) => {
    const input = event.currentTarget as HTMLInputElement;
    input.value = codeDigits(input.value);
    o.onDigits(input.value);
  };
  // A pasted "123 456" or "123-456" would be cut by maxlength before `input` could clean it.
  const onPaste = (event: ClipboardEvent) => {
    const text = event.clipboardData?.getData('text');
    if (text === undefined) return;
    event.preventDefault();
    (event.currentTarget as HTMLInputElement).value = codeDigits(text);
    o.onDigits(text);
  };
  return html`<label part="label" for=${o.id}>${o.label}</label>
    <input
      id=${o.id}
      class="code"
      part="input code-input"
      name="code"
      type="text"
      autocomplete="one-time-code"
      inputmode="numeric"
      pattern="[0-9]{6}"
      maxlength="6"
      spellcheck="false"
      required
      data-initial-focus
      data-select-on-focus
      .value=${live(o.value)}
      ?readonly=${o.busy}
      aria-invalid=${o.invalid ? 'true' : 'false'}
      aria-describedby="${o.id}-hint alert"
      @input=${onInput}
      @paste=${onPaste}
    />
    <p id="${o.id}-hint" class="hint" part="hint">${o.hint}</p>`;
}

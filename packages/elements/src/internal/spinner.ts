import { html, type TemplateResult } from 'lit';

/**
 * The progress indicator shown on every wait. Decorative (`aria-hidden`): the busy state is announced
 * by `aria-busy` or a `role="status"` region around it.
 */
export function spinner(): TemplateResult {
  return html`<span class="spinner" part="spinner" aria-hidden="true"></span>`;
}

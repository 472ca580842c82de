import { html, nothing, type TemplateResult } from 'lit';

/**
 * The live region where a step reports a failure in words. It is always rendered (empty when there is
 * nothing to say) because screen readers only announce changes to a region that already exists.
 */
export function alertRegion(message: string | null, id = 'alert'): TemplateResult {
  return html`<div id=${id} class="error" part="error" role="alert">${message ?? nothing}</div>`;
}

import { ContextProvider } from '@lit/context';
import type { B2BClient } from '@orgauth/core';
import { css, html, LitElement, type PropertyValues, type TemplateResult } from 'lit';
import { orgAuthClientContext } from '../../context.js';

/**
 * Hands one OrgAuth client to every OrgAuth element inside it, so a page sets the client once.
 * Renders only its children (`display: contents`), adding no box of its own.
 *
 * @summary Provides an OrgAuth client to descendant elements.
 * @slot - The elements that use the client.
 * @example
 * ```html
 * <orgauth-provider id="auth"><orgauth-login></orgauth-login></orgauth-provider>
 * <script type="module">document.getElementById('auth').client = createB2BClient({ … });</script>
 * ```
 */
export class OrgAuthProvider extends LitElement {
  static override styles = css`
    :host {
      display: contents;
    }
  `;
  static override properties = { client: { attribute: false } };

  /** The client given to descendants; changing it updates them. */
  declare client: B2BClient | undefined;

  readonly #provider = new ContextProvider(this, { context: orgAuthClientContext });

  constructor() {
    super();
    this.client = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('client')) this.#provider.setValue(this.client);
  }

  protected override render(): TemplateResult {
    return html`<slot></slot>`;
  }
}

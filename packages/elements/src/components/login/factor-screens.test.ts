import { html, LitElement } from 'lit';
import { afterEach, describe, expect, it } from 'vitest';
import { mount } from '../../internal/test-helpers.js';
import { FactorScreens } from './factor-screens.js';
import { loadFactorScreens } from './factor-screens-loader.js';

/** A host that shows "loading" until the screens' module is there. */
class Host extends LitElement {
  readonly screens = new FactorScreens(this);
  protected override render() {
    return html`<p>${this.screens.get() ? 'loaded' : 'loading'}</p>`;
  }
}
customElements.define('factor-screens-host', Host);

afterEach(() => document.body.replaceChildren());

describe('FactorScreens', () => {
  it('loads the screens on first use, once, then renders again with their styles adopted', async () => {
    const el = await mount(new Host());
    expect(el.shadowRoot?.textContent).toBe('loading');
    await el.screens.loaded();
    await el.updateComplete;
    expect(el.shadowRoot?.textContent).toBe('loaded');
    const module = await loadFactorScreens();
    expect(el.screens.get()).toBe(module);
    const sheet = module.factorStyles.styleSheet;
    if (sheet) expect(el.shadowRoot?.adoptedStyleSheets.filter((s) => s === sheet)).toHaveLength(1);
    expect(el.screens.error).toBeNull();
  });
});

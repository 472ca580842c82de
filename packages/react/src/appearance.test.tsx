import { createTestClient } from '@orgauth/core/testing';
import { neutralTheme, type OrgAuthAppearance } from '@orgauth/elements';
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { OrganizationMembers, OrganizationSettings, OrganizationSwitcher } from './account.js';
import { Login } from './components.js';

afterEach(cleanup);

const APPEARANCE: OrgAuthAppearance = {
  theme: neutralTheme,
  variables: { colorPrimary: '#ff0066' },
  elements: { card: 'shadow-sm' },
};

/** The CSS text of the sheets adopted after the element's own styles. */
function appearanceCss(el: Element): string {
  const own = (el.constructor as unknown as { elementStyles: unknown[] }).elementStyles.length;
  return [...(el.shadowRoot?.adoptedStyleSheets ?? [])]
    .slice(own)
    .flatMap((sheet) => [...sheet.cssRules].map((r) => r.cssText))
    .join('\n');
}

describe('appearance prop', () => {
  it('reaches <orgauth-login> as a property and themes it', async () => {
    const { client } = createTestClient();
    const { container } = render(<Login client={client} appearance={APPEARANCE} />);
    const el = container.querySelector('orgauth-login');
    if (!el) throw new Error('no <orgauth-login>');
    await el.updateComplete;
    expect(el.appearance).toBe(APPEARANCE);
    expect(appearanceCss(el)).toContain('--orgauth-color-primary: #ff0066');
    expect(el.shadowRoot?.querySelector('[part~="card"]')?.classList.contains('shadow-sm')).toBe(true);
    expect(el.hasAttribute('style')).toBe(false);
  });

  it.each([
    ['orgauth-organization-switcher', OrganizationSwitcher],
    ['orgauth-organization-members', OrganizationMembers],
    ['orgauth-organization-settings', OrganizationSettings],
  ] as const)('reaches <%s> the same way', async (tag, Component) => {
    const { client } = createTestClient();
    const { container } = render(<Component client={client} appearance={APPEARANCE} />);
    const el = container.querySelector(tag) as (HTMLElement & { updateComplete: Promise<unknown> }) | null;
    if (!el) throw new Error(`no <${tag}>`);
    await el.updateComplete;
    expect(appearanceCss(el)).toContain('--orgauth-color-primary: #ff0066');
  });
});

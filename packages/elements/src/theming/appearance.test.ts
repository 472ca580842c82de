import { afterEach, describe, expect, it, vi } from 'vitest';
import '../define.js';
import '../account.js';
import { OrgAuthLogin } from '../components/login/login.js';
import { testClient } from '../components/login/login.fixtures.js';
import { find, findAll, mount, settle } from '../internal/test-helpers.js';
import type { OrgAuthAppearance } from './appearance.js';
import { darkTheme, neutralTheme } from './themes.js';

afterEach(() => document.body.replaceChildren());

/** `<orgauth-login>` with a test client, OAuth and email offered, and `appearance`. */
async function login(appearance: OrgAuthAppearance | undefined): Promise<OrgAuthLogin> {
  const el = new OrgAuthLogin();
  el.client = testClient().client;
  el.config = { products: ['emailMagicLinks', 'oauth'], oauthOptions: { providers: ['google'] } };
  el.appearance = appearance;
  await mount(el);
  await settle(el);
  return el;
}

/** The CSS text of the sheets adopted after the element's own styles. */
const adopted = (el: HTMLElement) =>
  [...(el.shadowRoot?.adoptedStyleSheets ?? [])]
    .slice((el.constructor as typeof OrgAuthLogin).elementStyles.length)
    .flatMap((sheet) => [...sheet.cssRules].map((r) => r.cssText))
    .join('\n');

const order = (el: OrgAuthLogin) =>
  findAll(el, '[part~="oauth-buttons"], form, [part~="logo-box"], [part~="heading"]').map(
    (n) => n.getAttribute('part')?.split(' ')[0] ?? n.localName,
  );

describe('appearance on <orgauth-login>', () => {
  it('adopts one sheet with the variables and part styles after the element’s own styles', async () => {
    const el = await login({ variables: { colorPrimary: '#ff0066' }, elements: { card: { padding: '40px' } } });
    const css = adopted(el);
    expect(css).toContain('--orgauth-color-primary: #ff0066');
    expect(css).toContain('[part~="card"] { padding: 40px; }');
    expect(el.hasAttribute('style')).toBe(false);
    expect(findAll(el, '[style]')).toEqual([]);
  });

  it('adds class names to the parts and takes them back when the appearance changes', async () => {
    const el = await login({ elements: { submitButton: 'btn btn-primary', input: 'field' } });
    expect([...find(el, '[part~="submit-button"]').classList]).toEqual(['primary', 'btn', 'btn-primary']);
    expect(find(el, '[part~="input"]').classList.contains('field')).toBe(true);
    el.appearance = { elements: { submitButton: 'btn' } };
    await el.updateComplete;
    expect([...find(el, '[part~="submit-button"]').classList]).toEqual(['primary', 'btn']);
    expect(find(el, '[part~="input"]').classList.contains('field')).toBe(false);
  });

  it('adopts the page’s stylesheets (CSS text too) before its own rules', async () => {
    const el = await login({ stylesheets: ['.btn { color: red; }'], variables: { colorText: '#111' } });
    const css = adopted(el);
    expect(css.indexOf('.btn')).toBeGreaterThanOrEqual(0);
    expect(css.indexOf('.btn')).toBeLessThan(css.indexOf('--orgauth-color-text'));
  });

  it('goes back to the element’s own styles when the appearance is removed', async () => {
    const el = await login({ theme: darkTheme });
    expect(adopted(el)).toContain('#15171c');
    el.appearance = undefined;
    await el.updateComplete;
    expect(adopted(el)).toBe('');
  });

  it('does not rebuild for a new object with the same content', async () => {
    const el = await login({ theme: neutralTheme });
    const insertRule = vi.spyOn(CSSStyleSheet.prototype, 'insertRule');
    el.appearance = { theme: neutralTheme };
    await el.updateComplete;
    expect(insertRule).not.toHaveBeenCalled();
    el.appearance = { theme: neutralTheme, variables: { colorPrimary: 'red' } };
    await el.updateComplete;
    expect(insertRule).toHaveBeenCalled();
    insertRule.mockRestore();
  });

  it('shows a logo inside or outside the card, or none', async () => {
    const url = 'https://example.com/logo.svg';
    const inside = await login({ layout: { logoImageUrl: url } });
    expect(find<HTMLImageElement>(inside, '[part~="card"] > [part~="logo-box"] img').getAttribute('src')).toBe(url);
    expect(find(inside, '[part~="logo-image"]').getAttribute('alt')).toBe('');
    const outside = await login({ layout: { logoImageUrl: url, logoPlacement: 'outside' } });
    expect(find(outside, ':host > [part~="logo-box"], [part~="logo-box"]:not([part~="card"] *)')).toBeTruthy();
    expect(findAll(outside, '[part~="card"] [part~="logo-box"]')).toEqual([]);
    const none = await login({ layout: { logoImageUrl: url, logoPlacement: 'none' } });
    expect(findAll(none, '[part~="logo-box"]')).toEqual([]);
  });

  it('puts the OAuth buttons where socialButtonsPlacement says, whatever the products order', async () => {
    expect(order(await login(undefined))).toEqual(['heading', 'form', 'oauth-buttons']);
    expect(order(await login({ layout: { socialButtonsPlacement: 'top' } }))).toEqual([
      'heading',
      'oauth-buttons',
      'form',
    ]);
  });
});

describe('appearance on every element', () => {
  it.each([
    'orgauth-login',
    'orgauth-organization-switcher',
    'orgauth-organization-members',
    'orgauth-organization-settings',
  ])('<%s> takes the same appearance object', async (tag) => {
    const el = document.createElement(tag) as HTMLElement & { appearance?: OrgAuthAppearance };
    el.setAttribute('awaiting-client', '');
    el.appearance = { theme: 'dark', variables: { colorPrimary: '#00aa55' } };
    await mount(el as unknown as OrgAuthLogin);
    const css = adopted(el);
    expect(css).toContain('--orgauth-color-primary: #00aa55');
    expect(css).toContain('color-scheme: dark');
  });
});

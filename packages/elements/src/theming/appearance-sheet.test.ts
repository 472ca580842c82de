import { describe, expect, it } from 'vitest';
import { type OrgAuthAppearance, type OrgAuthVariables, variableToken } from './appearance.js';
import { fillAppearanceSheet, resolveAppearance } from './appearance-sheet.js';
import { darkTheme, neutralTheme } from './themes.js';

/** The sheet's rules as CSS text, one per entry. */
const rules = (appearance: OrgAuthAppearance) =>
  [...fillAppearanceSheet(new CSSStyleSheet(), resolveAppearance(appearance)).cssRules].map((r) => r.cssText);

const hostRule = (appearance: OrgAuthAppearance) => rules(appearance).find((r) => r.startsWith(':host')) ?? '';

/** The components' CSS (and the palette it reads), as text. */
const styleSources = Object.values(
  import.meta.glob<string>(['../**/*.styles.ts', './palette.ts'], { query: '?raw', import: 'default', eager: true }),
).join('\n');

const EVERY_VARIABLE: Required<OrgAuthVariables> = {
  colorPrimary: '1',
  colorOnPrimary: '1',
  colorBackground: '1',
  colorSurface: '1',
  colorText: '1',
  colorTextSecondary: '1',
  colorBorder: '1',
  colorDanger: '1',
  colorSuccess: '1',
  fontFamily: '1',
  fontSize: '1',
  borderRadius: '1',
  buttonRadius: '1',
  spacingUnit: '1',
  width: '1',
  shadow: '1',
};

describe('appearance sheet', () => {
  it('maps every variable to a custom property the components’ CSS reads', () => {
    for (const key of Object.keys(EVERY_VARIABLE) as Array<keyof OrgAuthVariables>) {
      // Read as `var(--orgauth-x, …)` in a stylesheet, or named `'x'` as a palette entry's token.
      const name = variableToken(key).slice('--orgauth-'.length);
      expect(styleSources, key).toMatch(new RegExp(`(var\\(--orgauth-${name},|'${name}')`));
    }
    expect(variableToken('colorTextSecondary')).toBe('--orgauth-color-muted');
  });

  it('sets each variable as its --orgauth-* custom property on :host', () => {
    const css = hostRule({ variables: { colorPrimary: '#ff0066', borderRadius: '2px', colorTextSecondary: '#444' } });
    expect(css).toContain('--orgauth-color-primary: #ff0066');
    expect(css).toContain('--orgauth-radius: 2px');
    expect(css).toContain('--orgauth-color-muted: #444');
  });

  it('lays a theme’s palette and variables under the appearance’s own', () => {
    const css = hostRule({ theme: neutralTheme, variables: { colorPrimary: 'rebeccapurple' } });
    expect(css).toContain('--orgauth-color-primary: rebeccapurple');
    expect(css).toContain('--orgauth-color-border: #e4e4e7');
    expect(css).toContain('--_orgauth-bg: var(--orgauth-color-background, #ffffff)');
    expect(hostRule({ theme: darkTheme })).toContain('--_orgauth-bg: var(--orgauth-color-background, #15171c)');
  });

  it('follows the system preference for theme auto', () => {
    const all = rules({ theme: 'auto' });
    expect(all[0]).toContain('color-scheme: light dark');
    expect(all.find((r) => r.startsWith('@media'))).toMatch(/prefers-color-scheme: dark[\s\S]*#15171c/);
  });

  it('styles parts by their part attribute, states included', () => {
    const all = rules({
      elements: { submitButton: { backgroundColor: 'black', '&:hover': { backgroundColor: 'gray' } }, card: 'p-4' },
    });
    expect(all).toContain('[part~="submit-button"] { background-color: black; }');
    expect(all).toContain('[part~="submit-button"]:hover { background-color: gray; }');
    // Class names are added to the elements, not written as rules.
    expect(all.join('\n')).not.toContain('p-4');
  });

  it('cannot be broken out of: a hostile value or key is dropped, not written', () => {
    const all = rules({
      variables: { colorPrimary: 'red; } * { display: none' },
      elements: {
        card: { color: 'blue; } :host { display: none', 'x} *{display:none': 'red', '&:hover{}*': { color: 'red' } },
      },
    });
    const text = all.join('\n');
    expect(text).not.toContain('display: none');
    expect(text).not.toContain('--orgauth-color-primary');
    expect(all.filter((r) => r.includes('[part~="card"]'))).toEqual([]);
  });

  it('drops keys that are not camelCase words, so none can widen the selector', () => {
    const appearance = { elements: { 'card"], *, [x': { color: 'red' } } } as unknown as OrgAuthAppearance;
    expect(rules(appearance).join('\n')).not.toContain('color: red');
  });

  it('hides header text visually, keeping it for screen readers', () => {
    const rule = rules({ layout: { hideHeaderText: true } }).find((r) => r.includes('[part~="heading"]'));
    expect(rule).toContain('clip-path: inset(50%)');
    expect(rule).not.toContain('display: none');
  });
});

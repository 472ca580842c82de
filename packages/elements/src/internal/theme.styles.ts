import { css, unsafeCSS } from 'lit';
import { paletteCss } from '../theming/palette.js';

// Built from `theming/palette.ts`, our own constant table (never page or server data), so
// `unsafeCSS` adds nothing a reader of that file cannot see.
const light = unsafeCSS(paletteCss('light'));
const dark = unsafeCSS(paletteCss('dark'));

/**
 * The theme every OrgAuth element starts its styles with. Public tokens are `--orgauth-*` with a
 * fallback each, resolved once into private `--_orgauth-*` variables on `:host`. `theme="dark"`
 * swaps the fallbacks for the dark palette, and `theme="auto"` does when the system prefers dark:
 * one palette (`theming/palette.ts`), used by both and by `appearance.theme`. Also `hidden` hides
 * the element. In the elements' cascade layer, like their other rules, so an `appearance` sheet
 * (unlayered) wins over it.
 */
export const themeStyles = css`
  @layer orgauth-component {
    :host {
      ${light}
      --_orgauth-radius: var(--orgauth-radius, 8px);
      --_orgauth-space: var(--orgauth-spacing, 16px);
      --_orgauth-font: var(--orgauth-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    }
    :host([hidden]) {
      display: none;
    }
    :host([theme='dark']) {
      ${dark}
    }
    @media (prefers-color-scheme: dark) {
      :host([theme='auto']) {
        ${dark}
      }
    }
  }
`;

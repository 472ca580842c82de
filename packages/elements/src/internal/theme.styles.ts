import { css } from 'lit';

/** The dark palette: only the fallbacks change, so a page's own `--orgauth-*` tokens still win. */
const dark = css`
  --_orgauth-bg: var(--orgauth-color-background, #15171c);
  --_orgauth-text: var(--orgauth-color-text, #eceef2);
  --_orgauth-muted: var(--orgauth-color-muted, #a2a8b5);
  --_orgauth-border: var(--orgauth-color-border, #343844);
  --_orgauth-primary: var(--orgauth-color-primary, #6f8dff);
  --_orgauth-on-primary: var(--orgauth-color-on-primary, #0b0d12);
  --_orgauth-danger: var(--orgauth-color-danger, #ff8a80);
  --_orgauth-surface: var(--orgauth-color-surface, #1f222a);
  color-scheme: dark;
`;

/**
 * The theme every OrgAuth element starts its styles with. Public tokens are `--orgauth-*` with a
 * fallback each, resolved once into private `--_orgauth-*` variables on `:host`. `theme="dark"`
 * swaps the fallbacks for the dark palette, and `theme="auto"` does when the system prefers dark:
 * one palette, written once, used by both. Also `hidden` hides the element. In the elements' cascade
 * layer, like their other rules.
 */
export const themeStyles = css`
  @layer orgauth-component {
    :host {
      --_orgauth-bg: var(--orgauth-color-background, #ffffff);
      --_orgauth-text: var(--orgauth-color-text, #1a1d24);
      --_orgauth-muted: var(--orgauth-color-muted, #5b6270);
      --_orgauth-border: var(--orgauth-color-border, #d6d9e0);
      --_orgauth-primary: var(--orgauth-color-primary, #2b59ff);
      --_orgauth-on-primary: var(--orgauth-color-on-primary, #ffffff);
      --_orgauth-danger: var(--orgauth-color-danger, #c62828);
      --_orgauth-surface: var(--orgauth-color-surface, #f5f6f9);
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

/**
 * The built-in colour palettes as data: each private `--_orgauth-*` variable, the public
 * `--orgauth-*` token that overrides it, and its fallback. `internal/theme.styles.ts` writes them into
 * the elements' static styles and `theming/appearance-sheet.ts` into an `appearance.theme` rule, so a
 * colour is written once for both.
 */
export interface PaletteEntry {
  /** The private variable the components' CSS reads. */
  readonly name: `--_orgauth-${string}`;
  /** The public token a page or `appearance.variables` sets. */
  readonly token: `--orgauth-${string}`;
  readonly light: string;
  readonly dark: string;
}

/** Colours that change between light and dark. */
export const PALETTE: readonly PaletteEntry[] = [
  { name: '--_orgauth-bg', token: '--orgauth-color-background', light: '#ffffff', dark: '#15171c' },
  { name: '--_orgauth-text', token: '--orgauth-color-text', light: '#1a1d24', dark: '#eceef2' },
  { name: '--_orgauth-muted', token: '--orgauth-color-muted', light: '#5b6270', dark: '#a2a8b5' },
  { name: '--_orgauth-border', token: '--orgauth-color-border', light: '#d6d9e0', dark: '#343844' },
  { name: '--_orgauth-primary', token: '--orgauth-color-primary', light: '#2b59ff', dark: '#6f8dff' },
  { name: '--_orgauth-on-primary', token: '--orgauth-color-on-primary', light: '#ffffff', dark: '#0b0d12' },
  { name: '--_orgauth-danger', token: '--orgauth-color-danger', light: '#c62828', dark: '#ff8a80' },
  { name: '--_orgauth-success', token: '--orgauth-color-success', light: '#1b7332', dark: '#7ad79a' },
  { name: '--_orgauth-surface', token: '--orgauth-color-surface', light: '#f5f6f9', dark: '#1f222a' },
];

/** A colour scheme the palette has. */
export type ColorScheme = 'light' | 'dark';

/** `[variable, value]` pairs of one scheme: `var(token, fallback)`, so a page's own tokens still win. */
export function paletteDeclarations(scheme: ColorScheme): Array<[string, string]> {
  return PALETTE.map((entry) => [entry.name, `var(${entry.token}, ${entry[scheme]})`]);
}

/** The same pairs as CSS text, `color-scheme` included. */
export function paletteCss(scheme: ColorScheme): string {
  const lines = paletteDeclarations(scheme).map(([name, value]) => `${name}: ${value};`);
  return [...lines, `color-scheme: ${scheme};`].join('\n');
}

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

// [private name, public token, light, dark], short in the bundles; `PALETTE` spells them out.
const ENTRIES: ReadonlyArray<readonly [string, string, string, string]> = [
  ['bg', 'color-background', '#ffffff', '#15171c'],
  ['text', 'color-text', '#1a1d24', '#eceef2'],
  ['muted', 'color-muted', '#5b6270', '#a2a8b5'],
  ['border', 'color-border', '#d6d9e0', '#343844'],
  ['primary', 'color-primary', '#2b59ff', '#6f8dff'],
  ['on-primary', 'color-on-primary', '#ffffff', '#0b0d12'],
  ['danger', 'color-danger', '#c62828', '#ff8a80'],
  ['success', 'color-success', '#1b7332', '#7ad79a'],
  ['surface', 'color-surface', '#f5f6f9', '#1f222a'],
];

/** Colours that change between light and dark. */
export const PALETTE: readonly PaletteEntry[] = ENTRIES.map(([name, token, light, dark]) => ({
  name: `--_orgauth-${name}`,
  token: `--orgauth-${token}`,
  light,
  dark,
}));

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

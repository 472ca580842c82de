import type { ELEMENT_KEYS } from './parts.js';

/**
 * The `appearance` option of every OrgAuth element and React component: one typed shape, mapped onto
 * the elements' `--orgauth-*` custom properties and `::part()`s, so the components' CSS stays the
 * single source of their look (`theming/appearance-sheet.ts` builds it, `appearance-controller.ts`
 * adopts it).
 */

/** Fixed light or dark, or `auto` to follow `prefers-color-scheme`. */
export type OrgAuthColorScheme = 'light' | 'dark' | 'auto';

/** Design tokens. Each sets the `--orgauth-*` custom property {@link variableToken} names. */
export interface OrgAuthVariables {
  colorPrimary?: string;
  /** Text on the primary colour (the main button). */
  colorOnPrimary?: string;
  colorBackground?: string;
  /** Raised areas: organization buttons, menus. */
  colorSurface?: string;
  colorText?: string;
  colorTextSecondary?: string;
  colorBorder?: string;
  colorDanger?: string;
  colorSuccess?: string;
  fontFamily?: string;
  fontSize?: string;
  /** Corner radius of fields; cards use 1.5×. */
  borderRadius?: string;
  buttonRadius?: string;
  spacingUnit?: string;
  /** Maximum width of the login card. */
  width?: string;
  shadow?: string;
}

/**
 * The custom property a variable sets: its kebab-case name under `--orgauth-` (`colorPrimary` →
 * `--orgauth-color-primary`), except where the component CSS's token is named otherwise.
 */
export function variableToken(key: keyof OrgAuthVariables): `--orgauth-${string}` {
  return `--orgauth-${TOKEN_NAMES[key] ?? partName(key)}`;
}

const TOKEN_NAMES: Partial<Record<keyof OrgAuthVariables, string>> = {
  colorTextSecondary: 'color-muted',
  borderRadius: 'radius',
  spacingUnit: 'spacing',
  shadow: 'card-shadow',
};

/**
 * CSS declarations for one part: property names in camelCase or kebab-case (`--custom` too), and
 * `'&:hover'`-style keys holding declarations for a state of that part.
 */
export interface OrgAuthStyleObject {
  [property: string]: string | number | OrgAuthStyleObject;
}

/** A part's name in `appearance.elements`. */
export type OrgAuthElementKey = (typeof ELEMENT_KEYS)[number];

/**
 * Per part: class names (added to the part's element inside the shadow root, for Tailwind or
 * shadcn classes whose rules come in through `stylesheets`) or a style object.
 */
export type OrgAuthElements = Partial<Record<OrgAuthElementKey, string | OrgAuthStyleObject>>;

/** Arrangement of the login. */
export interface OrgAuthLayout {
  /** A logo shown with the login card (decorative: the heading names the place). */
  logoImageUrl?: string | undefined;
  /** `inside` the card above the heading (default when a logo is given), `outside` above it, or `none`. */
  logoPlacement?: 'inside' | 'outside' | 'none' | undefined;
  /** Hides the screens' titles and intro sentences visually; screen readers still read them. */
  hideHeaderText?: boolean | undefined;
  /** OAuth buttons above (`top`) or below (`bottom`) the email form. Default: the order of `products`. */
  socialButtonsPlacement?: 'top' | 'bottom' | undefined;
}

/** A named set of defaults: what `defaultTheme`, `darkTheme` and `neutralTheme` are. */
export interface OrgAuthThemeDefinition {
  readonly name: string;
  readonly colorScheme: OrgAuthColorScheme;
  readonly variables?: Readonly<OrgAuthVariables>;
  readonly elements?: Readonly<OrgAuthElements>;
}

/** The `appearance` option. Later fields win: `variables` and `elements` over the theme's own. */
export interface OrgAuthAppearance {
  theme?: OrgAuthColorScheme | OrgAuthThemeDefinition;
  variables?: OrgAuthVariables;
  elements?: OrgAuthElements;
  layout?: OrgAuthLayout;
  /**
   * Style sheets adopted into the element's shadow root before the appearance rules: the CSS that
   * defines the class names given in `elements` (a constructed `CSSStyleSheet`, or CSS text, e.g.
   * Tailwind's output imported with `?inline`). Adopted, not inlined, so a strict CSP holds.
   */
  stylesheets?: ReadonlyArray<CSSStyleSheet | string>;
}

/** `submitButton` → `submit-button`: the part name of an `elements` key. */
export const partName = (key: string): string => key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

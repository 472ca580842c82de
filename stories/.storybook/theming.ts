import type { ArgTypes, Decorator, WebComponentsRenderer } from '@storybook/web-components-vite';
import type { ArgTypesEnhancer, StrictArgTypes } from 'storybook/internal/types';

// The theming preview: the Custom Elements Manifest gives each story of an element an argType per
// `--orgauth-*` custom property and per `::part()` (categories named by Storybook's manifest reader,
// node_modules/@storybook/web-components/dist/entry-preview-argtypes.js); here they get controls, and a
// decorator applies their values to the story's canvas through a constructed stylesheet, as an app
// would under a strict CSP (no `style` attributes).

/** Storybook's category for a manifest's `cssProperties`. */
export const TOKEN_CATEGORY = 'css custom properties';
/** Storybook's category for a manifest's `cssParts`. */
export const PART_CATEGORY = 'css shadow parts';

/** Args of the theming controls: `--orgauth-*` tokens (and parts, by part name, typed loosely). */
export type TokenArgs = { [token: `--orgauth-${string}`]: string | undefined };

/**
 * Part args (CSS declarations by part name) for a story's `args`: typed as adding nothing, since part
 * names are the manifest's, not the story's arg type.
 */
export const partArgs = (parts: Record<string, string>): object => parts;

/** Tokens that take a colour: `--orgauth-color-*`, and `…-background` / `…-color` (`--orgauth-button-color`). */
const COLOR_TOKEN = /^--orgauth-color-|-(background|color)$/;

/** The control of one token or part argType: a colour picker for colours, CSS text otherwise. */
function themingControl(name: string, category: unknown) {
  if (category === TOKEN_CATEGORY)
    return COLOR_TOKEN.test(name) ? { type: 'color' as const } : { type: 'text' as const };
  if (category === PART_CATEGORY) return { type: 'text' as const };
  return undefined;
}

/**
 * Gives the tokens and parts controls. The element's other attributes, properties and events keep
 * their rows in the docs table but get a control only when the story sets them (its client and
 * config come from loaders, and a control that changes nothing misleads).
 */
export const themingControls: ArgTypesEnhancer<WebComponentsRenderer> = (context) => {
  const argTypes: StrictArgTypes = { ...context.argTypes };
  for (const [name, argType] of Object.entries(argTypes)) {
    const category = argType.table?.category;
    const control = themingControl(name, category);
    if (control) {
      const hint = category === PART_CATEGORY ? `CSS declarations for \`::part(${name})\`. ` : '';
      argTypes[name] = {
        ...argType,
        type: { name: 'string' },
        control,
        description: `${hint}${argType.description ?? ''}`,
      };
    } else if (
      (category === 'attributes' || category === 'properties' || category === 'events') &&
      argType.control === undefined &&
      !(name in context.initialArgs)
    ) {
      argTypes[name] = { ...argType, control: false };
    }
  }
  return argTypes;
};

interface ManifestItem {
  name: string;
  description?: string;
}

/**
 * Token and part argTypes for `tag`, from the manifest, for stories whose `component` is not the tag
 * (the React stories), in the same categories so {@link withTheming} applies them.
 */
export function themingArgTypes(
  declaration: { cssProperties?: ManifestItem[]; cssParts?: ManifestItem[] } | undefined,
): ArgTypes {
  const argTypes: ArgTypes = {};
  const add = (items: ManifestItem[] | undefined, category: string) => {
    for (const item of items ?? [])
      argTypes[item.name] = {
        name: item.name,
        description: item.description ?? '',
        type: { name: 'string' },
        control: themingControl(item.name, category) ?? false,
        table: { category },
      };
  };
  add(declaration?.cssProperties, TOKEN_CATEGORY);
  add(declaration?.cssParts, PART_CATEGORY);
  return argTypes;
}

type Entries = [name: string, value: unknown][];

/**
 * The stylesheet text for `tokens` (set on `scope`) and `parts` (one `scope ::part(name)` rule each).
 * Each value goes through the CSSOM of a scratch rule in `scratch` and comes back re-serialized, so a
 * value cannot close its rule and open another.
 */
export function themingCss(scratch: CSSStyleSheet, scope: string, tokens: Entries, parts: Entries): string {
  const declarations = (apply: (style: CSSStyleDeclaration) => void): string => {
    scratch.replaceSync(`${scope} {}`);
    const style = (scratch.cssRules[0] as CSSStyleRule).style;
    apply(style);
    return style.cssText;
  };
  const tokenRule = declarations((style) => {
    for (const [name, value] of tokens) style.setProperty(name, String(value));
  });
  const partRules = parts.map(([name, value]) => {
    const text = declarations((style) => {
      style.cssText = String(value);
    });
    return `${scope} ::part(${name}) { ${text} }`;
  });
  return [`${scope} { ${tokenRule} }`, ...partRules].join('\n');
}

const sheets = new WeakMap<HTMLElement, CSSStyleSheet>();
let canvases = 0;

/**
 * Applies the story's token and part args to its canvas: one constructed stylesheet per canvas (a
 * docs page has several), scoped by a `data-orgauth-canvas` attribute, with a rule setting the tokens
 * on the canvas (they inherit into the shadow roots) and one `::part()` rule per part arg.
 */
export const withTheming: Decorator = (story, context) => {
  const canvas = context.canvasElement;
  const entries = Object.entries(context.args).filter(([, value]) => typeof value === 'string' && value.trim());
  const tokens = entries.filter(([name]) => context.argTypes[name]?.table?.category === TOKEN_CATEGORY);
  const parts = entries.filter(([name]) => context.argTypes[name]?.table?.category === PART_CATEGORY);
  let sheet = sheets.get(canvas);
  if (!sheet && tokens.length + parts.length === 0) return story();
  const doc = canvas.ownerDocument;
  if (!sheet) {
    sheet = new (doc.defaultView as typeof globalThis).CSSStyleSheet();
    sheets.set(canvas, sheet);
    doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
    canvas.dataset.orgauthCanvas = String(++canvases);
  }
  const scope = `[data-orgauth-canvas="${canvas.dataset.orgauthCanvas}"]`;
  sheet.replaceSync(themingCss(sheet, scope, tokens, parts));
  return story();
};

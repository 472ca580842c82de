import {
  partName,
  variableToken,
  type OrgAuthAppearance,
  type OrgAuthColorScheme,
  type OrgAuthElementKey,
  type OrgAuthStyleObject,
  type OrgAuthVariables,
} from './appearance.js';
import { paletteDeclarations } from './palette.js';

/** What an appearance comes to once its theme is laid under it. */
export interface ResolvedAppearance {
  scheme: OrgAuthColorScheme | undefined;
  variables: OrgAuthVariables;
  /** Per part: class names, then style objects, theme's first. */
  classes: Map<string, string[]>;
  styles: Map<string, OrgAuthStyleObject[]>;
  hideHeaderText: boolean;
}

// A key becomes a `[part~="…"]` selector, so it must be a plain camelCase word; one that names no
// part matches nothing. (The list of parts, `theming/parts.ts`, stays out of the bundles: types only.)
const KEY = /^[a-z]+([A-Z][a-z]*)*$/;

/** The theme's values with the appearance's own over them. */
export function resolveAppearance(appearance: OrgAuthAppearance | undefined): ResolvedAppearance {
  const theme = appearance?.theme;
  const definition = typeof theme === 'object' ? theme : undefined;
  const resolved: ResolvedAppearance = {
    scheme: typeof theme === 'string' ? theme : definition?.colorScheme,
    variables: { ...definition?.variables, ...appearance?.variables },
    classes: new Map(),
    styles: new Map(),
    hideHeaderText: appearance?.layout?.hideHeaderText === true,
  };
  for (const elements of [definition?.elements, appearance?.elements]) {
    for (const [key, value] of Object.entries(elements ?? {})) {
      if (!KEY.test(key) || value === undefined) continue;
      const part = partName(key as OrgAuthElementKey);
      if (typeof value === 'string') {
        const names = value.split(/\s+/).filter(Boolean);
        resolved.classes.set(part, [...(resolved.classes.get(part) ?? []), ...names]);
      } else resolved.styles.set(part, [...(resolved.styles.get(part) ?? []), value]);
    }
  }
  return resolved;
}

// A property name or a state selector goes into CSS as written, so each is checked first. Values go
// through `CSSStyleDeclaration.setProperty`, which takes one value or nothing, and are refused first
// when they hold a brace, or a semicolon outside parentheses (`url(data:…;base64,…)` stays fine):
// `red; } * {` cannot close the rule, whoever wrote the appearance and whatever the browser's parser.
function safeValue(value: string): boolean {
  if (/[{}]/.test(value)) return false;
  let depth = 0;
  for (const c of value) {
    if (c === '(') depth++;
    else if (c === ')') depth = Math.max(0, depth - 1);
    else if (c === ';' && depth === 0) return false;
  }
  return true;
}

const PROPERTY = /^(--[\w-]+|-?[a-zA-Z][a-zA-Z-]*)$/;
const STATE = /^&((::?[a-z-]+)|(\[[a-z-]+(="[\w -]*")?\]))+$/;

const cssProperty = (name: string) =>
  name.startsWith('--') ? name : name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** Appends `selector {}` to `sheet` (or to a grouping rule) and returns its declarations. */
function addRule(sheet: CSSStyleSheet | CSSGroupingRule, selector: string): CSSStyleDeclaration {
  const index = sheet.insertRule(`${selector} {}`, sheet.cssRules.length);
  return (sheet.cssRules[index] as CSSStyleRule).style;
}

function declare(style: CSSStyleDeclaration, pairs: Iterable<[string, string]>): void {
  for (const [name, value] of pairs) if (safeValue(value)) style.setProperty(name, value);
}

function addStyleObject(sheet: CSSStyleSheet, selector: string, object: OrgAuthStyleObject): void {
  const flat: Array<[string, string]> = [];
  for (const [key, value] of Object.entries(object)) {
    if (typeof value === 'object') {
      if (STATE.test(key)) addStyleObject(sheet, selector + key.slice(1), value);
    } else if (PROPERTY.test(key)) flat.push([cssProperty(key), String(value)]);
  }
  const safe = flat.filter(([, value]) => safeValue(value));
  if (safe.length) declare(addRule(sheet, selector), safe);
}

// Visually hidden, still read: the heading stays the card's name and a focus target.
const HIDDEN: Array<[string, string]> = [
  ['position', 'absolute'],
  ['inline-size', '1px'],
  ['block-size', '1px'],
  ['overflow', 'hidden'],
  ['clip-path', 'inset(50%)'],
  ['white-space', 'nowrap'],
];

/**
 * Fills `sheet` (emptied first) with the rules of `resolved`: the theme's palette and the variables
 * on `:host`, one `[part~="…"]` rule per styled part, and the hidden header text. Built through the
 * CSSOM, never from concatenated values, and adopted unlayered, so it wins over the components' own
 * `orgauth-component` layer while a page's rules on the element itself still win over it.
 */
export function fillAppearanceSheet(sheet: CSSStyleSheet, resolved: ResolvedAppearance): CSSStyleSheet {
  while (sheet.cssRules.length) sheet.deleteRule(0);
  const host = addRule(sheet, ':host');
  const { scheme } = resolved;
  if (scheme) {
    declare(host, paletteDeclarations(scheme === 'dark' ? 'dark' : 'light'));
    host.setProperty('color-scheme', scheme === 'auto' ? 'light dark' : scheme);
  }
  for (const [key, value] of Object.entries(resolved.variables)) {
    // A key becomes a property name: only plain camelCase words (see `KEY`).
    if (KEY.test(key) && value !== undefined)
      declare(host, [[variableToken(key as keyof OrgAuthVariables), String(value)]]);
  }
  if (scheme === 'auto') {
    const index = sheet.insertRule('@media (prefers-color-scheme: dark) {}', sheet.cssRules.length);
    declare(addRule(sheet.cssRules[index] as CSSMediaRule, ':host'), paletteDeclarations('dark'));
  }
  for (const [part, objects] of resolved.styles) {
    for (const object of objects) addStyleObject(sheet, `[part~="${part}"]`, object);
  }
  if (resolved.hideHeaderText) declare(addRule(sheet, '[part~="heading"], [part~="intro"]'), HIDDEN);
  return sheet;
}

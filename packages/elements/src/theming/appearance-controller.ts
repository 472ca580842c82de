import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { OrgAuthAppearance } from './appearance.js';
import { fillAppearanceSheet, resolveAppearance, type ResolvedAppearance } from './appearance-sheet.js';

/** An element with an `appearance` property and an open shadow root. */
export type AppearanceHost = ReactiveControllerHost &
  HTMLElement & { appearance: OrgAuthAppearance | undefined; readonly renderRoot: HTMLElement | DocumentFragment };

/** Everything of an appearance but its style sheet objects, which compare by identity. */
const contentKey = (appearance: OrgAuthAppearance | undefined) =>
  JSON.stringify(appearance ?? null, (key, value) => (key === 'stylesheets' ? undefined : value));

const sameSheets = (a: OrgAuthAppearance['stylesheets'], b: OrgAuthAppearance['stylesheets']) =>
  (a ?? []).length === (b ?? []).length && (a ?? []).every((sheet, i) => sheet === b?.[i]);

/** CSS text becomes a constructed sheet, made once per text for the whole page. */
const textSheets = new Map<string, CSSStyleSheet>();
function toSheet(source: CSSStyleSheet | string): CSSStyleSheet {
  if (typeof source !== 'string') return source;
  let sheet = textSheets.get(source);
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(source);
    textSheets.set(source, sheet);
  }
  return sheet;
}

/**
 * Applies the host's `appearance` after each render: adopts the page's `stylesheets` and one
 * constructed sheet of appearance rules after the element's own styles (no `style` attribute
 * anywhere, so `style-src` without 'unsafe-inline' holds), and adds `elements` class names to the
 * parts in the shadow root. The sheet is rebuilt only when the appearance's content changes, so an
 * inline object in a React render costs a comparison.
 */
export class AppearanceController implements ReactiveController {
  readonly #host: AppearanceHost;
  #key = contentKey(undefined);
  #sheets: OrgAuthAppearance['stylesheets'];
  #resolved: ResolvedAppearance = resolveAppearance(undefined);
  #own: CSSStyleSheet | undefined;
  #base: CSSStyleSheet[] | undefined;
  /** Class names this controller added, per element, so a changed appearance can take them back. */
  readonly #added = new WeakMap<Element, string[]>();

  constructor(host: AppearanceHost) {
    this.#host = host;
    host.addController(this);
  }

  /** The layout options in effect. */
  get layout(): NonNullable<OrgAuthAppearance['layout']> {
    return this.#host.appearance?.layout ?? {};
  }

  hostUpdated(): void {
    const root = this.#host.renderRoot;
    if (!(root instanceof ShadowRoot)) return;
    const { appearance } = this.#host;
    const key = contentKey(appearance);
    const changed = key !== this.#key || !sameSheets(this.#sheets, appearance?.stylesheets);
    if (changed) {
      this.#key = key;
      this.#sheets = appearance?.stylesheets;
      this.#resolved = resolveAppearance(appearance);
      this.#adopt(root);
    }
    if (changed || this.#resolved.classes.size > 0) this.#addClasses(root);
  }

  #adopt(root: ShadowRoot): void {
    this.#base ??= [...root.adoptedStyleSheets];
    if (!this.#host.appearance) {
      root.adoptedStyleSheets = this.#base;
      return;
    }
    this.#own = fillAppearanceSheet(this.#own ?? new CSSStyleSheet(), this.#resolved);
    const page = (this.#host.appearance.stylesheets ?? []).map(toSheet);
    root.adoptedStyleSheets = [...this.#base, ...page, this.#own];
  }

  #addClasses(root: ShadowRoot): void {
    const { classes } = this.#resolved;
    for (const element of root.querySelectorAll('[part]')) {
      const wanted = (element.getAttribute('part') ?? '').split(/\s+/).flatMap((part) => classes.get(part) ?? []);
      const before = this.#added.get(element) ?? [];
      const stale = before.filter((name) => !wanted.includes(name));
      if (stale.length) element.classList.remove(...stale);
      if (wanted.length) element.classList.add(...wanted);
      if (wanted.length || before.length) this.#added.set(element, wanted);
    }
  }
}

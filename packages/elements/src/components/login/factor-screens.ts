import { adoptStyles, type ReactiveControllerHost, supportsAdoptingStyleSheets } from 'lit';
import { type FactorScreensModule, loadFactorScreens } from './factor-screens-loader.js';

/** A host that renders into a shadow root, as `<orgauth-login>` does. */
export interface FactorScreensHost extends ReactiveControllerHost {
  readonly renderRoot: HTMLElement | DocumentFragment;
}

/**
 * The password and multi-factor screens of `<orgauth-login>`, loaded on the first screen that needs
 * them (factor-screens-loader.ts): until then the card shows its progress indicator. Once loaded,
 * their styles join the element's and the host renders again.
 */
export class FactorScreens {
  readonly #host: FactorScreensHost;
  #module: FactorScreensModule | undefined;
  #loading: Promise<void> | undefined;
  #error: unknown = null;

  readonly #onLoad: () => void;

  /** @param onLoad - called once the screens are there, before the host renders them. */
  constructor(host: FactorScreensHost, onLoad: () => void = () => {}) {
    this.#host = host;
    this.#onLoad = onLoad;
  }

  /** The screens' module when loaded; otherwise starts loading it and returns undefined. */
  get(): FactorScreensModule | undefined {
    this.#loading ??= loadFactorScreens().then(
      (module) => {
        this.#adopt(module);
        this.#module = module;
        this.#onLoad();
        this.#host.requestUpdate();
      },
      (error: unknown) => {
        this.#error = error;
        this.#host.requestUpdate();
      },
    );
    return this.#module;
  }

  /** Why the module could not load (offline, the chunk missing); null while loading or loaded. */
  get error(): unknown {
    return this.#error;
  }

  /** Waits for a load under way (tests). */
  async loaded(): Promise<void> {
    await this.#loading;
  }

  /** Adds the screens' stylesheet to the shadow root beside the element's own. */
  #adopt(module: FactorScreensModule): void {
    const root = this.#host.renderRoot;
    if (!(root instanceof ShadowRoot)) return;
    const sheet = module.factorStyles.styleSheet;
    if (supportsAdoptingStyleSheets && sheet) {
      if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    } else adoptStyles(root, [module.factorStyles]);
  }
}

import type { FactorScreensModule } from './factor-screens-loader.js';

/** The script-tag chunk of the password and multi-factor screens, beside `orgauth.global.js`. */
export const FACTORS_CHUNK = 'orgauth-login-factors.global.js';

declare global {
  interface Window {
    /** Set by `orgauth-login-factors.global.js` (src/factors-global.ts). */
    OrgAuthLoginFactors?: FactorScreensModule;
  }
}

/**
 * Where `orgauth.global.js` was loaded from, read while it runs (`document.currentScript`), else the
 * page's script whose address ends so (loaded as a module), else the page itself.
 */
const bundleUrl =
  (document.currentScript as HTMLScriptElement | null)?.src ||
  document.querySelector<HTMLScriptElement>('script[src*="orgauth.global.js"]')?.src ||
  location.href;

let loading: Promise<FactorScreensModule> | undefined;

/**
 * The script-tag form of factor-screens-loader.ts: an IIFE has no chunks, so the screens ship as
 * `orgauth-login-factors.global.js` next to this bundle, fetched on the first need with a dynamic
 * `import()` (CORS, allowed by the `script-src` that allows this bundle; no Trusted Types sink, unlike
 * a `<script src>`). The chunk borrows Lit and the core from `window.OrgAuth` like the account chunk
 * (src/account-global.ts says why) and leaves its module on `window.OrgAuthLoginFactors`.
 */
export function loadFactorScreens(): Promise<FactorScreensModule> {
  loading ??= import(/* @vite-ignore */ new URL(FACTORS_CHUNK, bundleUrl).href).then(() => {
    const module = window.OrgAuthLoginFactors;
    if (!module) throw new Error(`${FACTORS_CHUNK} loaded but did not register its screens.`);
    return module;
  });
  return loading;
}

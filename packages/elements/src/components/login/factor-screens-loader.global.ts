import type * as FactorCore from '@orgauth/core/factors';
import type { FactorScreensModule } from './factor-screens-loader.js';

/** The script-tag chunk of the password and multi-factor screens, beside `orgauth.global.js`. */
export const FACTORS_CHUNK = 'orgauth-login-factors.global.js';

/** The core's password and second-factor factories, which the chunk carries for this bundle (factor-core.global.ts). */
export type FactorCoreModule = Pick<
  typeof FactorCore,
  'createPasswordsFlow' | 'createTotpFlow' | 'createRecoveryCodesFlow' | 'createOtpsSmsFlow' | 'createFactorActions'
>;

declare global {
  interface Window {
    /** Set by `orgauth-login-factors.global.js` (src/factors-global.ts). */
    OrgAuthLoginFactors?: FactorScreensModule;
    /** Set by `orgauth-login-factors.global.js` beside the screens (src/factors-global.ts). */
    OrgAuthLoginFactorCore?: FactorCoreModule;
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

let loading: Promise<{ screens: FactorScreensModule; core: FactorCoreModule }> | undefined;

/**
 * Fetches `orgauth-login-factors.global.js` once, on the first need of a screen or of a core flow it
 * carries: an IIFE has no chunks, so they ship as this file next to the bundle, fetched with a
 * dynamic `import()` (CORS, allowed by the `script-src` that allows this bundle; no Trusted Types
 * sink, unlike a `<script src>`). The chunk borrows Lit and the core from `window.OrgAuth` like the
 * account chunk (src/account-global.ts says why) and leaves its modules on `window`. A failed fetch
 * is tried again on the next need.
 */
export function loadFactorsChunk(): Promise<{ screens: FactorScreensModule; core: FactorCoreModule }> {
  loading ??= import(/* @vite-ignore */ new URL(FACTORS_CHUNK, bundleUrl).href).then(
    () => {
      const { OrgAuthLoginFactors: screens, OrgAuthLoginFactorCore: core } = window;
      if (!screens || !core) throw new Error(`${FACTORS_CHUNK} loaded but did not register its modules.`);
      return { screens, core };
    },
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

/** The script-tag form of factor-screens-loader.ts: the screens, from the factors chunk. */
export function loadFactorScreens(): Promise<FactorScreensModule> {
  return loadFactorsChunk().then(({ screens }) => screens);
}

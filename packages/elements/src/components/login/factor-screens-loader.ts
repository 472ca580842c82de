/** The lazily loaded password and multi-factor screens (components/login/factors/index.ts). */
export type FactorScreensModule = typeof import('./factors/index.js');

let loading: Promise<FactorScreensModule> | undefined;

/**
 * Loads the password and multi-factor screens once, on the first need: a dynamic import, which a
 * bundler splits into a chunk of its own, so a sign-in by email never downloads them. The script-tag
 * build swaps this module for factor-screens-loader.global.ts (vite.config.ts).
 */
export function loadFactorScreens(): Promise<FactorScreensModule> {
  loading ??= import('./factors/index.js');
  return loading;
}

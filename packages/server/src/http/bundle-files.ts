/**
 * The files of `@orgauth/elements` the server serves for script-tag pages (src/http/script-bundle.ts)
 * and its build copies into `dist/` (vite.config.ts imports this module: it loads nothing).
 */

/**
 * The locale packs, ES modules a script-tag page imports from `/orgauth-locales/<tag>.js` on the
 * server (README "Locales"). Only the packs that import nothing: English is every element's default already, and the `ar-XB`
 * pseudo-locale (for trying right to left) is built from it with the package's shared chunks.
 */
export const LOCALE_PACK_TAGS = ['de', 'fr', 'es', 'ja'] as const;

const JS = 'text/javascript; charset=utf-8';
const MAP = 'application/json; charset=utf-8';

/**
 * Every served path (without its leading `/`) and its content type: the login's bundle, its password
 * and second-factor screens (loaded on the first such step), the account elements' chunk, the locale
 * packs, and their source maps.
 */
export const SCRIPT_BUNDLE_FILES: Readonly<Record<string, string>> = {
  'orgauth.global.js': JS,
  'orgauth.global.js.map': MAP,
  'orgauth-login-factors.global.js': JS,
  'orgauth-login-factors.global.js.map': MAP,
  'orgauth-account.global.js': JS,
  'orgauth-account.global.js.map': MAP,
  ...Object.fromEntries(
    LOCALE_PACK_TAGS.flatMap((tag) => [
      [`orgauth-locales/${tag}.js`, JS],
      [`orgauth-locales/${tag}.js.map`, MAP],
    ]),
  ),
};

/** Where a served path's file sits in `@orgauth/elements`' `dist/` (and the server's): the packs under `locales/`. */
export function bundleFileOf(path: string): string {
  return path.startsWith('orgauth-locales/') ? `locales/${path.slice('orgauth-locales/'.length)}` : path;
}

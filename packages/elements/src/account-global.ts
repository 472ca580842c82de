/**
 * Entry of the script-tag chunk `dist/orgauth-account.global.js`: registers the account elements and
 * exposes them as `window.OrgAuthAccount`. Load it after `orgauth.global.js`.
 *
 * The chunk borrows Lit and `@orgauth/core` from the login bundle's `window.OrgAuth` (the
 * `global-account` build in vite.config.ts maps those imports there) instead of carrying copies:
 * every copy of lit-html registers a Trusted Types policy named `lit-html`, and a page with a strict
 * CSP (`require-trusted-types-for 'script'; trusted-types lit-html`) refuses the second, which would
 * stop the chunk from loading. One Lit and one core per page also halve the chunk; the login's error
 * words (`OrgAuth.LOGIN_ERROR_MESSAGES`), the theme and the `appearance` controller
 * (`OrgAuth.theming`) are borrowed the same way, the chunk adding the signed-in surfaces' own words.
 * Its first line
 * throws, in words, when the login bundle is missing. The elements of both bundles share one client
 * through `<orgauth-provider>` (its context key is a global symbol) and register each tag once.
 *
 * @example
 * ```html
 * <script src="https://auth.example.com/orgauth.global.js"></script>
 * <script src="https://auth.example.com/orgauth-account.global.js"></script>
 * <orgauth-provider id="auth">
 *   <orgauth-organization-switcher></orgauth-organization-switcher>
 *   <orgauth-login></orgauth-login>
 * </orgauth-provider>
 * <script>
 *   document.getElementById('auth').client = OrgAuth.createB2BClient({ publicToken, baseUrl });
 * </script>
 * ```
 */
import { SIGNED_IN_ERROR_MESSAGES, defineOrgAuthAccountElements, OrgAuthOrganizationSwitcher } from './account.js';
import { VERSION } from './version.js';

/** What `window.OrgAuthAccount` holds. */
const OrgAuthAccount = Object.freeze({
  version: VERSION,
  OrgAuthOrganizationSwitcher,
  defineOrgAuthAccountElements,
  /** Words for the errors only the signed-in surfaces meet (the login bundle has the sign-in's). */
  SIGNED_IN_ERROR_MESSAGES,
});

declare global {
  interface Window {
    /** The account elements of the script-tag chunk (set by `orgauth-account.global.js`). */
    OrgAuthAccount: typeof OrgAuthAccount;
  }
}

window.OrgAuthAccount = OrgAuthAccount;

/**
 * Entry of the script-tag chunk `dist/orgauth-account.global.js`: registers the account elements and
 * exposes them as `window.OrgAuthAccount`.
 *
 * The chunk carries its own copy of Lit and `@orgauth/core` rather than borrowing them from
 * `orgauth.global.js`: it then works alone or next to the login bundle, in either load order, with
 * no contract between two builds that could drift apart (the login bundle exposes the client API,
 * not Lit). Two copies on one page still cooperate: each tag is registered once (`defineTags`), and
 * the provider's context key is a global symbol, so one `<orgauth-provider>` hands one client to the
 * login and to the account elements alike, and they share its store.
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
import { defineOrgAuthAccountElements, OrgAuthOrganizationSwitcher } from './account.js';
import { VERSION } from './version.js';

/** What `window.OrgAuthAccount` holds. */
const OrgAuthAccount = Object.freeze({
  version: VERSION,
  OrgAuthOrganizationSwitcher,
  defineOrgAuthAccountElements,
});

declare global {
  interface Window {
    /** The account elements of the script-tag chunk (set by `orgauth-account.global.js`). */
    OrgAuthAccount: typeof OrgAuthAccount;
  }
}

window.OrgAuthAccount = OrgAuthAccount;

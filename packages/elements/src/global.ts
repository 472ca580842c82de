/**
 * Entry of the script-tag bundle `dist/orgauth.global.js` (an IIFE with everything inlined): registers
 * the elements and exposes the headless API as `window.OrgAuth`, for pages without a build step.
 *
 * @example
 * ```html
 * <script src="https://cdn.example.com/orgauth.global.js"></script>
 * <orgauth-login public-token="public-token-test-…" base-url="https://auth.example.com"></orgauth-login>
 * <script>
 *   document.addEventListener('orgauth-session-created', (e) => location.assign('/app'));
 *   // or build the client yourself: const client = OrgAuth.createB2BClient({ publicToken, baseUrl });
 * </script>
 * ```
 */
import {
  createB2BClient,
  isOrgAuthApiError,
  isOrgAuthError,
  LOGIN_STEPS,
  OrgAuthApiError,
  OrgAuthError,
  selectDiscoveredOrganizations,
  selectIsSignedIn,
  selectMember,
  selectOrganization,
  selectSession,
  selectStatus,
  suggestSlug,
  validateSlug,
} from '@orgauth/core';
import { css, html, LitElement, nothing, svg, unsafeCSS } from 'lit';
import { live } from 'lit/directives/live.js';
import { OrgAuthLogin } from './components/login/login.js';
import { OrgAuthProvider } from './components/provider/provider.js';
import { defineOrgAuthElements } from './define-elements.js';
import { LOGIN_ERROR_MESSAGES } from './i18n/error-messages.js';
import { DEFAULT_MESSAGES } from './i18n/messages.js';
import { themeStyles } from './internal/theme.styles.js';
import { AppearanceController } from './theming/appearance-controller.js';
import { themes } from './theming/themes.js';
import { VERSION } from './version.js';

/** The part of Lit that `window.OrgAuth.lit` lends to the account chunk. */
interface LentLit {
  LitElement: typeof LitElement;
  html: typeof html;
  css: typeof css;
  unsafeCSS: typeof unsafeCSS;
  svg: typeof svg;
  nothing: typeof nothing;
  live: typeof live;
}

/** What `window.OrgAuth` holds. */
const OrgAuth = Object.freeze({
  version: VERSION,
  createB2BClient,
  selectMember,
  selectOrganization,
  selectSession,
  selectIsSignedIn,
  selectStatus,
  selectDiscoveredOrganizations,
  isOrgAuthError,
  isOrgAuthApiError,
  suggestSlug,
  validateSlug,
  LOGIN_STEPS,
  OrgAuthError,
  OrgAuthApiError,
  OrgAuthLogin,
  OrgAuthProvider,
  defineOrgAuthElements,
  DEFAULT_MESSAGES,
  /** The prebuilt themes (`default`, `dark`, `neutral`), for `element.appearance = { theme: OrgAuth.themes.neutral }`. */
  themes,
  /**
   * The sign-in's error words only: the signed-in surfaces' own (`SIGNED_IN_ERROR_MESSAGES`) ride in
   * `orgauth-account.global.js`, as `OrgAuthAccount.SIGNED_IN_ERROR_MESSAGES`.
   */
  DEFAULT_ERROR_MESSAGES: LOGIN_ERROR_MESSAGES,
  LOGIN_ERROR_MESSAGES,
  /**
   * The Lit this bundle renders with, for `orgauth-account.global.js` (see src/account-global.ts):
   * each copy of lit-html registers a Trusted Types policy named `lit-html`, and a strict CSP
   * (`trusted-types lit-html`) refuses a second one, so a page holds one copy. Only what the login
   * already carries.
   */
  lit: Object.freeze<LentLit>({ LitElement, html, css, unsafeCSS, svg, nothing, live }),
  /** The shared theme and `appearance` support, lent to `orgauth-account.global.js` like `lit`. */
  theming: Object.freeze({ themeStyles, AppearanceController }),
});

declare global {
  interface Window {
    /** The script-tag API of OrgAuth (set by `orgauth.global.js`). */
    OrgAuth: typeof OrgAuth;
  }
}

window.OrgAuth = OrgAuth;
defineOrgAuthElements();

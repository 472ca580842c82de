import type { OrgAuthAccountMessageKey } from './account-messages.js';
import type { ErrorKey } from './error-messages.js';
import type { OrgAuthFactorMessageKey } from './factor-messages.js';
import type { OrgAuthMembersMessageKey } from './members-messages.js';
import type { OrgAuthMessageKey } from './messages.js';
import type { OrgAuthSettingsMessageKey } from './settings-messages.js';

/**
 * A locale pack: every word of every element in one language, what the elements' `locale` property
 * takes. Each pack is a module of its own (`@orgauth/elements/locales/de`, …) that imports only types,
 * so a page that never imports one carries none of its words. An element renders with the English
 * defaults, then the pack's words, then its `messages` override, key by key.
 *
 * Strings use the ICU subset of `format()` (src/i18n/format.ts): `{name}`, `{n, plural, …}` with `#`,
 * `{x, select, …}`; src/i18n/locales/locales.test.ts checks that each pack has exactly the English
 * keys and the same arguments per key.
 */
export interface OrgAuthLocale {
  /** BCP 47 tag: the rendered root's `lang`, and the plural rules and number format of `format()`. */
  readonly locale: string;
  /** Writing direction: the rendered root's `dir`, which mirrors the layout (the CSS is logical). */
  readonly dir: 'ltr' | 'rtl';
  /** `<orgauth-login>`: the keys of `DEFAULT_MESSAGES`. */
  readonly messages: Readonly<Record<OrgAuthMessageKey, string>>;
  /** Every error, sign-in and signed-in: the keys of `DEFAULT_ERROR_MESSAGES`. */
  readonly errors: Readonly<Record<ErrorKey, string>>;
  /** `<orgauth-organization-switcher>`: the keys of `DEFAULT_ACCOUNT_MESSAGES`. */
  readonly account: Readonly<Record<OrgAuthAccountMessageKey, string>>;
  /** `<orgauth-organization-members>`: the keys of `DEFAULT_MEMBERS_MESSAGES`. */
  readonly members: Readonly<Record<OrgAuthMembersMessageKey, string>>;
  /** `<orgauth-organization-settings>`: the keys of `DEFAULT_SETTINGS_MESSAGES`. */
  readonly settings: Readonly<Record<OrgAuthSettingsMessageKey, string>>;
  /** `<orgauth-login>`'s password and multi-factor screens: the keys of `DEFAULT_FACTOR_MESSAGES`. */
  readonly factors: Readonly<Record<OrgAuthFactorMessageKey, string>>;
}

/**
 * `@orgauth/elements`: OrgAuth's login UI as Lit web components. Importing this entry registers
 * nothing; call {@link defineOrgAuthElements} or import `@orgauth/elements/define`.
 */
export { OrgAuthLogin } from './components/login/login.js';
export type { OrgAuthTheme } from './components/login/login.js';
export { OrgAuthProvider } from './components/provider/provider.js';
export { orgAuthClientContext } from './context.js';
export { ClientController } from './controllers/client-controller.js';
export type { ClientHost } from './controllers/client-controller.js';
export { StoreController } from './controllers/store-controller.js';
export type { Subscribable } from './controllers/store-controller.js';
export { defineOrgAuthElements } from './define-elements.js';
export { OrgAuthErrorEvent } from './events/error.js';
export type { OrgAuthErrorDetail } from './events/error.js';
export { OrgAuthSessionCreatedEvent } from './events/session-created.js';
export type { OrgAuthSessionCreatedDetail } from './events/session-created.js';
export { OrgAuthSessionEndedEvent } from './events/session-ended.js';
export type { OrgAuthSessionEndedDetail } from './events/session-ended.js';
export { OrgAuthNavigateEvent } from './events/navigate.js';
export type { OrgAuthNavigateDetail } from './events/navigate.js';
export { OrgAuthStepChangeEvent } from './events/step-change.js';
export type { OrgAuthStepChangeDetail } from './events/step-change.js';
export { OrgAuthEvent } from './events/orgauth-event.js';
export type { OrgAuthEventDetail, OrgAuthEventMap, OrgAuthEventType } from './events/orgauth-event.js';
export { errorMessage, format } from './i18n/format.js';
export { SIGNED_IN_ERROR_MESSAGES, DEFAULT_ERROR_MESSAGES } from './i18n/signed-in-error-messages.js';
export type { SignedInErrorKey, ErrorKey, LoginErrorKey } from './i18n/error-messages.js';
export { LOGIN_ERROR_MESSAGES } from './i18n/error-messages.js';
export { DEFAULT_MESSAGES, resolveMessages } from './i18n/messages.js';
export type { OrgAuthMessageKey, OrgAuthMessages, OrgAuthMessagesOverride } from './i18n/messages.js';
export { DEFAULT_FACTOR_MESSAGES } from './i18n/factor-messages.js';
export type { OrgAuthFactorMessageKey } from './i18n/factor-messages.js';
export type {
  OrgAuthAppearance,
  OrgAuthColorScheme,
  OrgAuthElementKey,
  OrgAuthElements,
  OrgAuthLayout,
  OrgAuthStyleObject,
  OrgAuthThemeDefinition,
  OrgAuthVariables,
} from './theming/appearance.js';
export { variableToken } from './theming/appearance.js';
export { ELEMENT_KEYS } from './theming/parts.js';
export { darkTheme, defaultTheme, neutralTheme, themes } from './theming/themes.js';
export type { OrgAuthLocale } from './i18n/locale.js';
export { VERSION } from './version.js';

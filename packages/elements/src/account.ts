/**
 * `@orgauth/elements/account`: the surfaces for a signed-in member, in their own entry point so the
 * login's bundle does not carry them (nor `@floating-ui/dom`). Importing it registers their tags
 * (and `<orgauth-provider>`, so the entry works on its own); the classes and events are exported for
 * typing and subclassing.
 *
 * @example
 * ```ts
 * import '@orgauth/elements/account';
 * document.querySelector('orgauth-organization-switcher')!.client = client;
 * ```
 */
import { OrgAuthOrganizationMembers } from './components/organization-members/organization-members.js';
import { OrgAuthOrganizationSettings } from './components/organization-settings/organization-settings.js';
import { OrgAuthOrganizationSwitcher } from './components/organization-switcher/organization-switcher.js';
import { OrgAuthProvider } from './components/provider/provider.js';
import { defineTags, type ElementEntry } from './internal/define-tags.js';

/** The account tags and their classes. The provider first, so consumers find it. */
const ACCOUNT_ELEMENTS: readonly ElementEntry[] = [
  ['orgauth-provider', OrgAuthProvider],
  ['orgauth-organization-switcher', OrgAuthOrganizationSwitcher],
  ['orgauth-organization-members', OrgAuthOrganizationMembers],
  ['orgauth-organization-settings', OrgAuthOrganizationSettings],
];

/**
 * Registers the account elements, idempotently and with the same one-warning-per-tag rule as
 * `defineOrgAuthElements` when another version registered a tag first. Importing this entry calls it.
 */
export function defineOrgAuthAccountElements(registry: CustomElementRegistry = customElements): void {
  defineTags(ACCOUNT_ELEMENTS, registry);
}

defineOrgAuthAccountElements();

export { OrgAuthOrganizationMembers, OrgAuthOrganizationSettings, OrgAuthOrganizationSwitcher };
export { OrgAuthMemberChangeEvent } from './events/member-change.js';
export type { OrgAuthMemberChange, OrgAuthMemberChangeDetail } from './events/member-change.js';
export { OrgAuthOrganizationUpdatedEvent } from './events/organization-updated.js';
export type { OrgAuthOrganizationUpdatedDetail } from './events/organization-updated.js';
export { DEFAULT_MEMBERS_MESSAGES } from './i18n/members-messages.js';
export type { OrgAuthMembersMessageKey, OrgAuthMembersMessagesOverride } from './i18n/members-messages.js';
export { DEFAULT_SETTINGS_MESSAGES } from './i18n/settings-messages.js';
export type { OrgAuthSettingsMessageKey, OrgAuthSettingsMessagesOverride } from './i18n/settings-messages.js';
export { OrgAuthCreateOrganizationEvent } from './events/create-organization.js';
export { OrgAuthOrganizationSwitchedEvent } from './events/organization-switched.js';
export type { OrgAuthOrganizationSwitchedDetail } from './events/organization-switched.js';
export { SIGNED_IN_ERROR_MESSAGES } from './i18n/signed-in-error-messages.js';
export { DEFAULT_ACCOUNT_MESSAGES, resolveAccountMessages } from './i18n/account-messages.js';
export type {
  OrgAuthAccountMessageKey,
  OrgAuthAccountMessages,
  OrgAuthAccountMessagesOverride,
} from './i18n/account-messages.js';

declare global {
  interface HTMLElementTagNameMap {
    'orgauth-organization-switcher': OrgAuthOrganizationSwitcher;
    'orgauth-organization-members': OrgAuthOrganizationMembers;
    'orgauth-organization-settings': OrgAuthOrganizationSettings;
  }
}

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
import { OrgAuthOrganizationSwitcher } from './components/organization-switcher/organization-switcher.js';
import { OrgAuthProvider } from './components/provider/provider.js';
import { defineTags, type ElementEntry } from './internal/define-tags.js';

/** The account tags and their classes. The provider first, so consumers find it. */
const ACCOUNT_ELEMENTS: readonly ElementEntry[] = [
  ['orgauth-provider', OrgAuthProvider],
  ['orgauth-organization-switcher', OrgAuthOrganizationSwitcher],
];

/**
 * Registers the account elements, idempotently and with the same one-warning-per-tag rule as
 * `defineOrgAuthElements` when another version registered a tag first. Importing this entry calls it.
 */
export function defineOrgAuthAccountElements(registry: CustomElementRegistry = customElements): void {
  defineTags(ACCOUNT_ELEMENTS, registry);
}

defineOrgAuthAccountElements();

export { OrgAuthOrganizationSwitcher };
export { OrgAuthCreateOrganizationEvent } from './events/create-organization.js';
export { OrgAuthOrganizationSwitchedEvent } from './events/organization-switched.js';
export type { OrgAuthOrganizationSwitchedDetail } from './events/organization-switched.js';
export { DEFAULT_ACCOUNT_MESSAGES, resolveAccountMessages } from './i18n/account-messages.js';
export type {
  OrgAuthAccountMessageKey,
  OrgAuthAccountMessages,
  OrgAuthAccountMessagesOverride,
} from './i18n/account-messages.js';

declare global {
  interface HTMLElementTagNameMap {
    'orgauth-organization-switcher': OrgAuthOrganizationSwitcher;
  }
}

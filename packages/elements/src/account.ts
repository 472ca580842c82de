/**
 * `@orgauth/elements/account`: the signed-in surfaces, apart from the login so that neither its
 * ES entry nor its script-tag bundle carries them. Importing this entry registers their tags
 * (a tag already defined, e.g. by another copy of the package, is left alone).
 */
import { OrgAuthOrganizationMembers } from './components/organization-members/organization-members.js';
import { OrgAuthOrganizationSettings } from './components/organization-settings/organization-settings.js';

export { OrgAuthOrganizationMembers } from './components/organization-members/organization-members.js';
export { OrgAuthOrganizationSettings } from './components/organization-settings/organization-settings.js';
export { OrgAuthMemberChangeEvent } from './events/member-change.js';
export type { OrgAuthMemberChange, OrgAuthMemberChangeDetail } from './events/member-change.js';
export { OrgAuthOrganizationUpdatedEvent } from './events/organization-updated.js';
export type { OrgAuthOrganizationUpdatedDetail } from './events/organization-updated.js';
export { DEFAULT_MEMBERS_MESSAGES } from './i18n/members-messages.js';
export type { OrgAuthMembersMessageKey, OrgAuthMembersMessagesOverride } from './i18n/members-messages.js';
export { DEFAULT_SETTINGS_MESSAGES } from './i18n/settings-messages.js';
export type { OrgAuthSettingsMessageKey, OrgAuthSettingsMessagesOverride } from './i18n/settings-messages.js';

if (!customElements.get('orgauth-organization-members'))
  customElements.define('orgauth-organization-members', OrgAuthOrganizationMembers);
if (!customElements.get('orgauth-organization-settings'))
  customElements.define('orgauth-organization-settings', OrgAuthOrganizationSettings);

declare global {
  interface HTMLElementTagNameMap {
    'orgauth-organization-members': OrgAuthOrganizationMembers;
    'orgauth-organization-settings': OrgAuthOrganizationSettings;
  }
}

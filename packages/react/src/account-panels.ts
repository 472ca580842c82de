'use client';

// The members and settings panels as React components. Loaded through @orgauth/react/account, which
// registers the account tags, so apps that show only the login never load them.
import type { OrgAuthErrorEvent, OrgAuthEvent } from '@orgauth/elements';
import {
  OrgAuthOrganizationMembers,
  OrgAuthOrganizationSettings,
  type OrgAuthMemberChangeEvent,
  type OrgAuthOrganizationUpdatedEvent,
} from '@orgauth/elements/account';
import { createComponent, type EventName } from '@lit/react';
import * as React from 'react';
import { useOptionalOrgAuth } from './provider.js';

/** `<orgauth-organization-members>` wrapped by `@lit/react`: properties as properties, events as `on*` props. */
const MembersElement = createComponent({
  react: React,
  tagName: 'orgauth-organization-members',
  elementClass: OrgAuthOrganizationMembers,
  displayName: 'OrgAuthOrganizationMembersElement',
  events: {
    onMemberChange: 'orgauth-member-change' as EventName<OrgAuthMemberChangeEvent>,
    onError: 'orgauth-error' as EventName<OrgAuthErrorEvent>,
    onEvent: 'orgauth-event' as EventName<OrgAuthEvent>,
  },
});

/** `<orgauth-organization-settings>` wrapped by `@lit/react`. */
const SettingsElement = createComponent({
  react: React,
  tagName: 'orgauth-organization-settings',
  elementClass: OrgAuthOrganizationSettings,
  displayName: 'OrgAuthOrganizationSettingsElement',
  events: {
    onOrganizationUpdated: 'orgauth-organization-updated' as EventName<OrgAuthOrganizationUpdatedEvent>,
    onError: 'orgauth-error' as EventName<OrgAuthErrorEvent>,
    onEvent: 'orgauth-event' as EventName<OrgAuthEvent>,
  },
});

/** Props of {@link OrganizationMembers}: `client`, `theme`, `messages`, `pageSize`, `onMemberChange`, `onError`, `onEvent`. */
export type OrganizationMembersProps = React.ComponentProps<typeof MembersElement>;

/** Props of {@link OrganizationSettings}: `client`, `theme`, `messages`, `onOrganizationUpdated`, `onError`, `onEvent`. */
export type OrganizationSettingsProps = React.ComponentProps<typeof SettingsElement>;

/**
 * The client prop, else the nearest `<OrgAuthProvider>`'s; with one, server HTML carries
 * `awaiting-client` (as `Login` does), so the element upgraded before hydration waits for it.
 */
function useClientProps(client: OrganizationMembersProps['client']) {
  const contextClient = useOptionalOrgAuth();
  const given = client ?? contextClient ?? undefined;
  return given ? { client: given, 'awaiting-client': '' } : {};
}

/**
 * `<orgauth-organization-members>` as a React component: the current organization's members, with
 * search, paging, invitations, role changes, removal and reactivation as the session's roles allow
 * (`client.rbac.isAuthorized('stytch.member', …)`). `onMemberChange` gets `orgauth-member-change`
 * (detail `{change, member}`) after each accepted change; `onError` gets `orgauth-error`; `onEvent` gets
 * `orgauth-event` (`member_invited`, `member_removed`, … as `detail: { type, data }`; docs/events.md).
 *
 * @example
 * <OrganizationMembers theme="auto" onMemberChange={(e) => toast(e.detail.change)} />
 */
export const OrganizationMembers = React.forwardRef<OrgAuthOrganizationMembers, OrganizationMembersProps>(
  function OrganizationMembers(props, ref) {
    return React.createElement(MembersElement, { ...props, ...useClientProps(props.client), ref });
  },
);
OrganizationMembers.displayName = 'OrganizationMembers';

/**
 * `<orgauth-organization-settings>` as a React component: the current organization's name, slug, logo,
 * allowed email domains, JIT and invite policies and sign-in methods, editable per field as the
 * session's roles allow (`stytch.organization` `update.info.*` / `update.settings.*`), read-only
 * otherwise. `onOrganizationUpdated` gets `orgauth-organization-updated` (detail `{organization, changed}`);
 * `onEvent` gets `orgauth-event` (`organization_updated`, `error`; docs/events.md).
 *
 * @example
 * <OrganizationSettings onOrganizationUpdated={(e) => setTitle(e.detail.organization.organization_name)} />
 */
export const OrganizationSettings = React.forwardRef<OrgAuthOrganizationSettings, OrganizationSettingsProps>(
  function OrganizationSettings(props, ref) {
    return React.createElement(SettingsElement, { ...props, ...useClientProps(props.client), ref });
  },
);
OrganizationSettings.displayName = 'OrganizationSettings';

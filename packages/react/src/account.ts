'use client';

// Registers the account elements (<orgauth-organization-switcher> and the other signed-in surfaces);
// a subpath of its own, so apps that show only the login never load them nor @floating-ui/dom.
import {
  OrgAuthOrganizationSwitcher,
  type OrgAuthCreateOrganizationEvent,
  type OrgAuthOrganizationSwitchedEvent,
} from '@orgauth/elements/account';
import type { OrgAuthErrorEvent, OrgAuthEvent, OrgAuthSessionEndedEvent } from '@orgauth/elements';
import { createComponent, type EventName } from '@lit/react';
import * as React from 'react';
import { useOptionalOrgAuth } from './provider.js';

/** `<orgauth-organization-switcher>` wrapped by `@lit/react`: properties as properties, events as `on*` props. */
const SwitcherElement = createComponent({
  react: React,
  tagName: 'orgauth-organization-switcher',
  elementClass: OrgAuthOrganizationSwitcher,
  displayName: 'OrgAuthOrganizationSwitcherElement',
  events: {
    onOrganizationSwitched: 'orgauth-organization-switched' as EventName<OrgAuthOrganizationSwitchedEvent>,
    onCreateOrganization: 'orgauth-create-organization' as EventName<OrgAuthCreateOrganizationEvent>,
    onSessionEnded: 'orgauth-session-ended' as EventName<OrgAuthSessionEndedEvent>,
    onError: 'orgauth-error' as EventName<OrgAuthErrorEvent>,
    onEvent: 'orgauth-event' as EventName<OrgAuthEvent>,
  },
});

/**
 * Props of {@link OrganizationSwitcher}: the element's properties (`client`, `theme`, `messages`,
 * `disableCreateOrganization`) plus the `on*` event props.
 */
export type OrganizationSwitcherProps = React.ComponentProps<typeof SwitcherElement>;

/**
 * `<orgauth-organization-switcher>` as a React component: the signed-in member's organization on a
 * button whose menu lists their other organizations (memberships, invitations, organizations they may
 * join), switches with `client.session.exchange`, and signs out. The `client` prop defaults to the
 * client of the nearest `<OrgAuthProvider>`, so `useOrganization()` and the rest of the page follow a
 * switch. Signed out, it renders nothing.
 *
 * Events map to props: `onOrganizationSwitched` (`orgauth-organization-switched`, detail
 * `{organization, member, previousOrganizationId}`), `onCreateOrganization` (`orgauth-create-organization`,
 * cancelable: call `preventDefault()` when you move focus to your own creation dialog),
 * `onSessionEnded` (`orgauth-session-ended`, after "Sign out"), `onError` (`orgauth-error`) and `onEvent`
 * (`orgauth-event`: `switcher_opened`, `organization_switched`, … as `detail: { type, data }`; docs/events.md).
 *
 * @example
 * <OrganizationSwitcher theme="auto" onOrganizationSwitched={(e) => navigate(`/o/${e.detail.organization.organization_slug}`)} />
 */
export const OrganizationSwitcher = React.forwardRef<OrgAuthOrganizationSwitcher, OrganizationSwitcherProps>(
  function OrganizationSwitcher(props, ref) {
    const contextClient = useOptionalOrgAuth();
    const client = props.client ?? contextClient ?? undefined;
    // As `Login`: server HTML carries `awaiting-client`, so the element upgraded before hydration waits.
    const given = client ? { client, 'awaiting-client': '' } : {};
    return React.createElement(SwitcherElement, { ...props, ...given, ref });
  },
);
OrganizationSwitcher.displayName = 'OrganizationSwitcher';

export { OrganizationMembers, OrganizationSettings } from './account-panels.js';
export type { OrganizationMembersProps, OrganizationSettingsProps } from './account-panels.js';

'use client';

// Registers <orgauth-login> and the other tags; this subpath is the only part of @orgauth/react
// that loads Lit, so apps that build their own UI on the hooks never pay for it (docs/architecture.md P1).
import '@orgauth/elements/define';
import {
  OrgAuthLogin,
  type OrgAuthErrorEvent,
  type OrgAuthEvent,
  type OrgAuthNavigateEvent,
  type OrgAuthSessionCreatedEvent,
  type OrgAuthSessionEndedEvent,
  type OrgAuthStepChangeEvent,
} from '@orgauth/elements';
import { createComponent, type EventName } from '@lit/react';
import * as React from 'react';
import { useOptionalOrgAuth } from './provider.js';

/** `<orgauth-login>` wrapped by `@lit/react`: properties set as properties, events as `on*` props. */
const LoginElement = createComponent({
  react: React,
  tagName: 'orgauth-login',
  elementClass: OrgAuthLogin,
  displayName: 'OrgAuthLoginElement',
  events: {
    onSessionCreated: 'orgauth-session-created' as EventName<OrgAuthSessionCreatedEvent>,
    onSessionEnded: 'orgauth-session-ended' as EventName<OrgAuthSessionEndedEvent>,
    onStepChange: 'orgauth-step-change' as EventName<OrgAuthStepChangeEvent>,
    onError: 'orgauth-error' as EventName<OrgAuthErrorEvent>,
    onNavigate: 'orgauth-navigate' as EventName<OrgAuthNavigateEvent>,
    onEvent: 'orgauth-event' as EventName<OrgAuthEvent>,
  },
});

/**
 * Props of {@link Login}: the element's properties (`client`, `theme`, `organizationSlug`, `config`)
 * plus the `on*` event props.
 */
export type LoginProps = React.ComponentProps<typeof LoginElement>;

/**
 * `<orgauth-login>` as a React component: the whole discovery login (email, check your email,
 * organization picker, create organization). The `client` prop defaults to the client of the nearest
 * `<OrgAuthProvider>` (React context does not reach into custom elements, so it is passed on here).
 * `theme` is `light`, `dark` or `auto`; `appearance` takes the elements' `OrgAuthAppearance` (a prebuilt
 * theme such as `neutralTheme`, `variables`, per-part `elements` classes or styles, `layout`). `organizationSlug` shows that organization's login page (its SSO
 * buttons and "Continue with email") instead of discovery; it is rendered as the `organization-slug`
 * attribute, so server-rendered HTML carries it too, as it does `awaiting-client` (the element waits for
 * the client React sets after hydration instead of reporting it missing).
 *
 * `config` is the login's configuration, the typed `LoginConfig` of `@orgauth/core` shaped like
 * Stytch's prebuilt UI config (`products`, `authFlowType`, `sessionOptions`, `emailMagicLinksOptions`,
 * `emailOtpOptions`, `oauthOptions`, `directLoginForSingleMembership`, `directCreateOrganizationForNoMembership`,
 * `disableCreateOrganization`). An inline object is fine: the login restarts only when its content changes.
 *
 * Events map to props: `onSessionCreated` (`orgauth-session-created`, detail `{member, organization}`),
 * `onSessionEnded` (`orgauth-session-ended`), `onStepChange` (`orgauth-step-change`, detail `{step}`),
 * `onError` (`orgauth-error`), `onNavigate` (`orgauth-navigate`, detail `{url}`, before leaving for an
 * identity provider or an OAuth provider: call `preventDefault()` to route yourself instead), and
 * `onEvent` (`orgauth-event`: every step as `detail: { type, data }`, e.g. `email_sent`, `code_sent`,
 * `organization_created`, `signed_in`; the table of types is docs/events.md).
 *
 * @example
 * <OrgAuthProvider client={client}>
 *   <Login theme="dark" config={{ products: ['emailMagicLinks', 'emailOtp', 'sso'] }} onSessionCreated={(e) => navigate(`/o/${e.detail.organization.organization_slug}`)} />
 * </OrgAuthProvider>
 */
export const Login = React.forwardRef<OrgAuthLogin, LoginProps>(function Login({ organizationSlug, ...props }, ref) {
  const contextClient = useOptionalOrgAuth();
  const client = props.client ?? contextClient ?? undefined;
  const slug = organizationSlug ? { 'organization-slug': organizationSlug } : {};
  // Server-rendered HTML carries `awaiting-client`: the element is upgraded before React hydrates
  // and sets `client`, and must wait for it rather than report a missing client.
  const given = client ? { client, 'awaiting-client': '' } : {};
  return React.createElement(LoginElement, { ...props, ...slug, ...given, ref });
});
Login.displayName = 'Login';

/** The prebuilt themes and the `appearance` types, so a React app themes from this one import. */
export { darkTheme, defaultTheme, neutralTheme, themes } from '@orgauth/elements';
export type {
  OrgAuthAppearance,
  OrgAuthElements,
  OrgAuthLayout,
  OrgAuthThemeDefinition,
  OrgAuthVariables,
} from '@orgauth/elements';

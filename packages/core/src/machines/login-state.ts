import type { OrgAuthError } from '../errors.js';
import type { OrganizationBySlug, SsoConnectionSummary } from '../protocol/sso-types.js';
import type { DiscoveredOrganization, Member, Organization } from '../protocol/types.js';

/** Every screen of the login flow, in the order a discovery sign-up walks them. */
export const LOGIN_STEPS = [
  'email', // "Sign in or create an organization": email field
  'email-sent', // "Check your email" with the address and a way back
  'authenticating', // a redirect token is being exchanged
  'choose-organization', // discovered organizations + "Create an organization"
  'create-organization', // name + slug form
  'signed-in', // done: member + organization
  'error', // unrecoverable for this attempt (bad/expired link, IdP error): message + "Start over"
  'organization-login', // the organization flow (slug known): its SSO buttons + "Continue with email"
  'sso-email', // "Continue with SSO": email → the connection of its domain (several: choose one)
  'sso-redirecting', // leaving for the identity provider
] as const;

/** One of {@link LOGIN_STEPS}. */
export type LoginStep = (typeof LOGIN_STEPS)[number];

/**
 * State of the login machine. `busy` marks a request in flight on the current step (the UI shows a
 * spinner and disables the form); `error` is the last failure on that step, shown in words.
 */
export type LoginState =
  | { step: 'email'; email: string; busy: boolean; error: OrgAuthError | null }
  | { step: 'email-sent'; email: string; busy: boolean; error: OrgAuthError | null }
  | { step: 'authenticating' }
  | {
      step: 'choose-organization';
      email: string;
      organizations: DiscoveredOrganization[];
      /** The organization being entered, while its exchange is in flight. */
      busyOrganizationId: string | null;
      error: OrgAuthError | null;
    }
  | {
      step: 'create-organization';
      email: string;
      /** Whether "back" leads to the organization list (false when the list was empty). */
      canGoBack: boolean;
      busy: boolean;
      error: OrgAuthError | null;
    }
  | { step: 'signed-in'; member: Member; organization: Organization }
  | { step: 'error'; error: OrgAuthError }
  | {
      step: 'organization-login';
      /** Null while it loads (`busy`) or when the slug is unknown (`error`). */
      organization: OrganizationBySlug | null;
      busy: boolean;
      error: OrgAuthError | null;
    }
  | {
      step: 'sso-email';
      email: string;
      /** The connections found for the email's domain when there are several to choose from; else empty. */
      connections: SsoConnectionSummary[];
      busy: boolean;
      error: OrgAuthError | null;
    }
  | { step: 'sso-redirecting'; connectionId: string };

/** Events the login reducer accepts. */
export type LoginEvent =
  | { type: 'EMAIL_SUBMITTED'; email: string }
  | { type: 'EMAIL_SENT'; email: string }
  | { type: 'RESEND' }
  | { type: 'BACK' }
  | { type: 'REDIRECT_STARTED' }
  | { type: 'DISCOVERED'; email: string; organizations: DiscoveredOrganization[] }
  | { type: 'ORGANIZATION_CHOSEN'; organizationId: string }
  | { type: 'CREATE_STARTED' }
  | { type: 'CREATE_SUBMITTED' }
  | { type: 'SIGNED_IN'; member: Member; organization: Organization }
  | { type: 'SIGNED_OUT' }
  | { type: 'FAILED'; error: OrgAuthError }
  | { type: 'RESET' }
  | { type: 'ORGANIZATION_REQUESTED' }
  | { type: 'ORGANIZATION_LOADED'; organization: OrganizationBySlug }
  | { type: 'SSO_EMAIL_OPENED' }
  | { type: 'SSO_EMAIL_SUBMITTED'; email: string }
  | { type: 'SSO_CONNECTIONS_FOUND'; connections: SsoConnectionSummary[] }
  | { type: 'SSO_STARTED'; connectionId: string };

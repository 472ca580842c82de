import type { OrgAuthError } from '../errors.js';
import type { OAuthProviderType } from '../protocol/oauth-types.js';
import type { OrganizationBySlug, SsoConnectionSummary } from '../protocol/sso-types.js';
import type { DiscoveredOrganization, Member, Organization } from '../protocol/types.js';
import type { EmailMethod } from './login-config.js';
import type { LoginFactorEvent, LoginFactorState } from './login-factor-state.js';

/** Every screen of the login flow, in the order a discovery sign-up walks them. */
export const LOGIN_STEPS = [
  'email', // "Sign in or create an organization": email field
  'email-sent', // "Check your email": the link to follow, or (a code) the code field; resend and a way back
  'authenticating', // a redirect token is being exchanged
  'choose-organization', // discovered organizations + "Create an organization"
  'create-organization', // name + slug form
  'signed-in', // done: member + organization
  'error', // unrecoverable for this attempt (bad/expired link, IdP error): message + "Start over"
  'organization-login', // the organization flow (slug known): its SSO buttons + "Continue with email"
  'sso-email', // "Continue with SSO": email → the connection of its domain (several: choose one)
  'sso-redirecting', // leaving for the identity provider
  'oauth-redirecting', // leaving for the OAuth provider ("Continue with Google")
  'password', // email + password, "Forgot password?"
  'password-reset-sent', // "Check your email" for the reset link; resend
  'password-reset', // from the reset link: new password + strength feedback
  'mfa-choose', // choose a second factor (to enrol, or another enrolled one)
  'totp-enroll', // QR code + manual key, shown once, then a code from the app
  'totp-verify', // a code from the authenticator app
  'sms-enroll', // the phone number to text
  'sms-verify', // the texted code; resend
  'recovery-code', // a recovery code instead
  'recovery-codes-save', // the recovery codes of a new TOTP enrolment, to save once
] as const;

/** One of {@link LOGIN_STEPS}. */
export type LoginStep = (typeof LOGIN_STEPS)[number];

/**
 * The organization flow a login runs in: the slug of the organization whose page it starts on and,
 * once fetched, that organization. `null` in discovery. Every state carries it, so the reducer alone
 * knows where "back" and "start over" lead.
 */
export interface LoginFlow {
  slug: string;
  /** Null until `organization.getBySlug` answered (or when no organization has the slug). */
  organization: OrganizationBySlug | null;
}

type Form = { busy: boolean; error: OrgAuthError | null };

/**
 * State of the login machine. `busy` marks a request in flight on the current step (the UI shows a
 * spinner and disables the form); `error` is the last failure on that step, shown in words; `flow`
 * is the organization flow the login runs in (see {@link LoginFlow}).
 */
export type LoginState = (
  | ({ step: 'email'; email: string } & Form)
  | ({
      step: 'email-sent';
      email: string;
      /** What was sent: a link to follow, or a code to type on this step. */
      method: EmailMethod;
      /** Successful sends to this address (1, then 2 after a resend…): a UI restarts its resend countdown on each. */
      sends: number;
    } & Form)
  | { step: 'authenticating' }
  | {
      step: 'choose-organization';
      email: string;
      organizations: DiscoveredOrganization[];
      /** The organization being entered, while its exchange is in flight. */
      busyOrganizationId: string | null;
      error: OrgAuthError | null;
    }
  | ({
      step: 'create-organization';
      email: string;
      /** The discovered organizations, which "back" returns to. */
      organizations: DiscoveredOrganization[];
    } & Form)
  | { step: 'signed-in'; member: Member; organization: Organization }
  | { step: 'error'; error: OrgAuthError }
  /** An organization's own page: `flow.organization` once fetched (busy until then). */
  | ({ step: 'organization-login'; flow: LoginFlow } & Form)
  | ({
      step: 'sso-email';
      email: string;
      /** The connections found for the email's domain when there are several to choose from; else empty. */
      connections: SsoConnectionSummary[];
    } & Form)
  | { step: 'sso-redirecting'; connectionId: string }
  | { step: 'oauth-redirecting'; provider: OAuthProviderType }
  | LoginFactorState
) & { flow: LoginFlow | null };

/** Events the login reducer accepts. */
export type LoginEvent =
  | { type: 'EMAIL_OPENED' }
  | { type: 'EMAIL_SUBMITTED'; email: string }
  | { type: 'EMAIL_SENT'; email: string; method: EmailMethod }
  | { type: 'CODE_SUBMITTED' }
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
  | { type: 'ORGANIZATION_REQUESTED'; slug: string }
  | { type: 'ORGANIZATION_LOADED'; slug: string; organization: OrganizationBySlug }
  | { type: 'SSO_EMAIL_OPENED' }
  | { type: 'SSO_EMAIL_SUBMITTED'; email: string }
  | { type: 'SSO_CONNECTIONS_FOUND'; connections: SsoConnectionSummary[] }
  | { type: 'SSO_STARTED' }
  | { type: 'SSO_REDIRECTING'; connectionId: string }
  | { type: 'SSO_CANCELED' }
  | { type: 'OAUTH_STARTED' }
  | { type: 'OAUTH_REDIRECTING'; provider: OAuthProviderType }
  | { type: 'OAUTH_CANCELED' }
  | LoginFactorEvent;

import type {
  DiscoveredOrganization,
  Member,
  OAuthProviderType,
  Organization,
  OrganizationBySlug,
  SsoConnectionSummary,
} from '@orgauth/core/protocol';
import type { OrgAuthErrorDetail } from './error.js';
import type { OrgAuthMemberChangeDetail } from './member-change.js';
import type { OrgAuthNavigateDetail } from './navigate.js';
import type { OrgAuthOrganizationSwitchedDetail } from './organization-switched.js';
import type { OrgAuthOrganizationUpdatedDetail } from './organization-updated.js';
import type { OrgAuthSessionCreatedDetail } from './session-created.js';
import type { OrgAuthSessionEndedDetail } from './session-ended.js';
import type { OrgAuthStepChangeDetail } from './step-change.js';

/** A `data` that carries nothing: the `type` says it all. */
type Nothing = Record<string, never>;

/**
 * The `data` of each `orgauth-event` type (docs/events.md has the table: when each fires and where).
 * Keys are snake_case like the `type` of Stytch's prebuilt UI `callbacks.onEvent({ type, data })`;
 * where a specific `orgauth-*` event fires too, `data` is its `detail`.
 */
export interface OrgAuthEventMap {
  // <orgauth-login>
  step_changed: OrgAuthStepChangeDetail;
  email_sent: { email: string };
  email_resent: { email: string; sends: number };
  code_sent: { email: string };
  code_resent: { email: string; sends: number };
  code_verified: { email: string };
  organizations_discovered: { email: string; organizations: DiscoveredOrganization[] };
  organization_created: { member: Member; organization: Organization };
  organization_page_loaded: { organization: OrganizationBySlug };
  sso_connections_listed: { connections: SsoConnectionSummary[] };
  navigate: OrgAuthNavigateDetail;
  sso_started: { connectionId: string };
  oauth_started: { provider: OAuthProviderType };
  password_reset_sent: { email: string; sends: number };
  mfa_enrolled: { method: 'totp' | 'smsOtp' };
  recovery_codes_shown: { organization: Organization };
  signed_in: OrgAuthSessionCreatedDetail;
  // <orgauth-login> and <orgauth-organization-switcher>
  session_ended: OrgAuthSessionEndedDetail;
  // <orgauth-organization-switcher>
  switcher_opened: Nothing;
  organization_switched: OrgAuthOrganizationSwitchedDetail;
  create_organization_chosen: Nothing;
  // <orgauth-organization-members>
  member_invited: OrgAuthMemberChangeDetail;
  invite_resent: OrgAuthMemberChangeDetail;
  invite_revoked: OrgAuthMemberChangeDetail;
  member_roles_changed: OrgAuthMemberChangeDetail;
  member_removed: OrgAuthMemberChangeDetail;
  member_reactivated: OrgAuthMemberChangeDetail;
  // <orgauth-organization-settings>
  organization_updated: OrgAuthOrganizationUpdatedDetail;
  // every element
  error: OrgAuthErrorDetail;
}

/** One of the `orgauth-event` types (the keys of {@link OrgAuthEventMap}). */
export type OrgAuthEventType = keyof OrgAuthEventMap;

/**
 * Detail of {@link OrgAuthEvent}: `{ type, data }`, a union discriminated by `type`, so
 * `if (e.detail.type === 'code_sent') e.detail.data.email` type-checks.
 */
export type OrgAuthEventDetail = { [K in OrgAuthEventType]: { type: K; data: OrgAuthEventMap[K] } }[OrgAuthEventType];

/**
 * `orgauth-event`: one stream of every step of every flow of the elements (`email_sent`,
 * `organization_created`, `member_invited`, …), fired beside the specific `orgauth-*` events, for
 * analytics or a single handler (React: `onEvent`). Bubbles and is composed.
 */
export class OrgAuthEvent extends Event {
  readonly detail: OrgAuthEventDetail;
  constructor(detail: OrgAuthEventDetail) {
    super('orgauth-event', { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'orgauth-event': OrgAuthEvent;
  }
}

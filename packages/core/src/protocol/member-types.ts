/**
 * Wire types of the signed-in member's calls: its organization, the organization's members, its own
 * record, invites and the switch to another organization (docs/wire-protocol.md §2.1, §2.6, §2.7).
 * Stytch's field names; shared by the server (which produces them) and the client (which consumes them).
 */
import type { CommonResponse, Member, Organization } from './types.js';

/** Body of `POST /b2b/sessions/exchange`: a session in another organization of the same email. */
export interface SessionExchangeRequest {
  organization_id: string;
  session_duration_minutes: number;
  locale?: string;
}

/** Response of `GET` and `PUT /b2b/organizations/me`. */
export interface OrganizationResponse extends CommonResponse {
  organization: Organization;
}

/** Body of `PUT /b2b/organizations/me` (Stytch's `B2BOrganizationsUpdateOptions`): the settings to change. */
export type OrganizationUpdateRequest = Partial<
  Pick<
    Organization,
    | 'organization_name'
    | 'organization_slug'
    | 'organization_logo_url'
    | 'sso_default_connection_id'
    | 'sso_jit_provisioning'
    | 'sso_jit_provisioning_allowed_connections'
    | 'email_allowed_domains'
    | 'email_jit_provisioning'
    | 'email_invites'
    | 'oauth_tenant_jit_provisioning'
    | 'allowed_oauth_tenants'
    | 'auth_methods'
    | 'allowed_auth_methods'
    | 'mfa_methods'
    | 'allowed_mfa_methods'
    | 'mfa_policy'
    | 'rbac_email_implicit_role_assignments'
  >
>;

/** Response of `DELETE /b2b/organizations/me`. */
export interface OrganizationDeleteResponse extends CommonResponse {
  organization_id: string;
}

/** One member and its organization (Stytch's `MemberResponseCommon`). */
export interface MemberResponse extends CommonResponse {
  member_id: string;
  member: Member;
  organization: Organization;
}

/** Body of `POST /b2b/organizations/members` (Stytch's `B2BOrganizationsMembersCreateOptions`). */
export interface MemberCreateRequest {
  email_address: string;
  name?: string;
  untrusted_metadata?: Record<string, unknown>;
  create_member_as_pending?: boolean;
  is_breakglass?: boolean;
  mfa_phone_number?: string;
  mfa_enrolled?: boolean;
  roles?: string[];
}

/** Body of `PUT /b2b/organizations/members/<member_id>`: the id is sent in the body too, as Stytch does. */
export interface MemberUpdateRequest {
  member_id: string;
  name?: string;
  untrusted_metadata?: Record<string, unknown>;
  is_breakglass?: boolean;
  mfa_phone_number?: string;
  mfa_enrolled?: boolean;
  roles?: string[];
  preserve_existing_sessions?: boolean;
  default_mfa_method?: 'sms_otp' | 'totp';
  email_address?: string;
  unlink_email?: boolean;
}

/** Response of `DELETE /b2b/organizations/members/<member_id>`. */
export interface MemberDeleteResponse extends CommonResponse {
  member_id: string;
}

/** One filter of a member search (Stytch's `SearchQueryOperand`). */
export type MemberSearchOperand =
  | {
      filter_name: 'member_ids' | 'member_emails' | 'statuses' | 'member_roles' | 'member_mfa_phone_numbers';
      filter_value: string[];
    }
  | { filter_name: 'member_email_fuzzy' | 'member_mfa_phone_number_fuzzy'; filter_value: string }
  | { filter_name: 'member_is_breakglass' | 'member_password_exists'; filter_value: boolean };

/** Body of `POST /b2b/organizations/me/members/search`; the organization is the session's. */
export interface MemberSearchRequest {
  /** The previous page's `results_metadata.next_cursor`. */
  cursor?: string;
  limit?: number;
  query?: { operator: 'AND' | 'OR'; operands: MemberSearchOperand[] };
}

/** Response of `POST /b2b/organizations/me/members/search`. */
export interface MemberSearchResponse extends CommonResponse {
  members: Member[];
  /** `next_cursor` is absent or null on the last page. */
  results_metadata: { total: number; next_cursor?: string | null };
  organizations: Record<string, Organization>;
}

/** Body of `PUT /b2b/organizations/members/update` (Stytch's `self.update` options). */
export interface SelfUpdateRequest {
  name?: string;
  untrusted_metadata?: Record<string, unknown>;
  mfa_enrolled?: boolean;
  mfa_phone_number?: string;
  default_mfa_method?: 'sms_otp' | 'totp';
}

/** Body of `POST /b2b/magic_links/email/invite`: the organization is the caller's session's. */
export interface MagicLinkInviteRequest {
  email_address: string;
  invite_redirect_url?: string;
  invite_template_id?: string;
  name?: string;
  untrusted_metadata?: Record<string, unknown>;
  locale?: string;
  roles?: string[];
  invite_expiration_minutes?: number;
}

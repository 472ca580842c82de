import type {
  MemberCreateRequest,
  MemberDeleteResponse,
  MemberResponse,
  MemberSearchRequest,
  MemberSearchResponse,
  MemberUpdateRequest,
} from '../protocol/member-types.js';
import type { FlowDeps } from './deps.js';

/** Options of `organization.members.search` (Stytch's `B2BOrganizationsMembersSearchOptions`). */
export type MemberSearchOptions = MemberSearchRequest;
/** Options of `organization.members.create` (Stytch's `B2BOrganizationsMembersCreateOptions`). */
export type MemberCreateOptions = MemberCreateRequest;
/** Options of `organization.members.update` (Stytch's `B2BOrganizationsMembersUpdateOptions`). */
export type MemberUpdateOptions = MemberUpdateRequest;

const MEMBERS = '/b2b/organizations/members';
// Ids go into the path encoded, so no id can reach another route.
const one = (memberId: string) => `${MEMBERS}/${encodeURIComponent(memberId)}`;

/**
 * `organization.members`: the members of the session's organization. The server allows each call by
 * the session's roles (`stytch.member` actions) and answers 403 `unauthorized_action` otherwise.
 */
export function createMembersFlow({ http, session, store }: Pick<FlowDeps, 'http' | 'session' | 'store'>) {
  // A change to the signed-in member's own record is kept in the store, as Stytch's SDK does.
  const keep = (response: MemberResponse) => {
    session.applyRecords({ member: response.member });
    return response;
  };
  return {
    /**
     * One page of the organization's members, filtered by `query`.
     * @example
     * const page = await client.organization.members.search({
     *   limit: 20,
     *   query: { operator: 'AND', operands: [{ filter_name: 'member_email_fuzzy', filter_value: 'ada' }] },
     * });
     * const next = page.results_metadata.next_cursor; // pass as `cursor` for the next page
     * @throws {OrgAuthApiError} `unauthorized_action`, `invalid_search_query`, `invalid_cursor`…
     */
    search: (options: MemberSearchOptions = {}): Promise<MemberSearchResponse> =>
      http.post('/b2b/organizations/me/members/search', options),
    /**
     * Adds a member to the organization, without sending any email (use `magicLinks.email.invite` for that).
     * @throws {OrgAuthApiError} `unauthorized_action`, `duplicate_member_email`, `invalid_email`…
     */
    create: (options: MemberCreateOptions): Promise<MemberResponse> => http.post(MEMBERS, options),
    /**
     * Changes a member (name, roles, metadata…); only the fields given change.
     * @throws {OrgAuthApiError} `unauthorized_action` (per field: `update.info.name`,
     * `update.settings.roles`…), `member_not_found`.
     */
    update: async (options: MemberUpdateOptions): Promise<MemberResponse> =>
      keep(await http.put(one(options.member_id), options)),
    /**
     * Deletes a member. Deleting one's own membership ends the session (cookies, cache and store
     * cleared), as by `session.revoke`.
     * @throws {OrgAuthApiError} `unauthorized_action`, `member_not_found`.
     */
    async delete(memberId: string): Promise<MemberDeleteResponse> {
      const state = store.getState();
      const self = state.status === 'signed-in' && state.member.member_id === memberId;
      const sent = session.getSessionToken();
      const response = await http.delete<MemberDeleteResponse>(one(memberId));
      if (self && session.isCurrent(sent)) session.clear('signed-out');
      return response;
    },
    /**
     * Reactivates a deleted member (status back to `active`).
     * @throws {OrgAuthApiError} `unauthorized_action`, `member_not_found`.
     */
    reactivate: (memberId: string): Promise<MemberResponse> => http.put(`${one(memberId)}/reactivate`),
    /**
     * Removes a member's MFA phone number (`mfa_phone_number` becomes "", unverified).
     * @throws {OrgAuthApiError} `unauthorized_action` (`update.info.delete.mfa-phone`), `member_not_found`.
     */
    deleteMFAPhoneNumber: async (memberId: string): Promise<MemberResponse> =>
      keep(await http.delete(`${MEMBERS}/mfa_phone_numbers/${encodeURIComponent(memberId)}`)),
    /**
     * Removes a member's TOTP registration and its recovery codes.
     * @throws {OrgAuthApiError} `unauthorized_action` (`update.info.delete.mfa-totp`), `member_not_found`.
     */
    deleteMFATOTP: async (memberId: string): Promise<MemberResponse> =>
      keep(await http.delete(`${MEMBERS}/totp/${encodeURIComponent(memberId)}`)),
    /**
     * Deletes the password `passwordId` (a member's `member_password_id`), for every member with its email.
     * @throws {OrgAuthApiError} `unauthorized_action` (`update.info.delete.password`), `member_not_found`.
     */
    deletePassword: async (passwordId: string): Promise<MemberResponse> =>
      keep(await http.delete(`${MEMBERS}/passwords/${encodeURIComponent(passwordId)}`)),
  };
}

/** The members flow: `client.organization.members`. */
export type MembersFlow = ReturnType<typeof createMembersFlow>;

import type { MemberResponse, SelfUpdateRequest } from '../protocol/member-types.js';
import type { Member } from '../protocol/types.js';
import type { FlowDeps } from './deps.js';

/** Options of `self.update`: only the fields to change (Stytch's `B2BSelfUpdateOptions`). */
export type SelfUpdateOptions = SelfUpdateRequest;

const MEMBERS = '/b2b/organizations/members';

/**
 * `self`: the signed-in member's own record. Every call keeps the member the server answers in the
 * store and its cache, so UI reading the store shows the change at once.
 */
export function createSelfFlow({ http, session }: Pick<FlowDeps, 'http' | 'session'>) {
  const keep = (response: MemberResponse) => {
    session.applyRecords({ member: response.member });
    return response;
  };
  return {
    /**
     * Reads the signed-in member.
     * @throws {OrgAuthApiError} e.g. `unauthorized_credentials` without a session.
     */
    async get(): Promise<Member> {
      const { member } = await http.get<MemberResponse>('/b2b/organizations/members/me');
      session.applyRecords({ member });
      return member;
    },
    /**
     * Changes the signed-in member's name or untrusted metadata (the `stytch.self` actions the
     * session's roles allow).
     * @throws {OrgAuthApiError} `unauthorized_action`, `bad_request`…
     * @example
     * await client.self.update({ name: 'Ada King' });
     */
    async update(options: SelfUpdateOptions): Promise<MemberResponse> {
      return keep(await http.put<MemberResponse>(`${MEMBERS}/update`, options));
    },
    /**
     * Removes the signed-in member's MFA phone number: the answer's member has `mfa_phone_number: ""`
     * and `mfa_phone_number_verified: false`.
     * @throws {OrgAuthApiError} `unauthorized_action` (`stytch.self` `update.info.delete.mfa-phone`).
     */
    async deleteMFAPhoneNumber(): Promise<MemberResponse> {
      return keep(await http.delete<MemberResponse>(`${MEMBERS}/deletePhoneNumber`));
    },
    /**
     * Removes the signed-in member's TOTP registration and its recovery codes.
     * @throws {OrgAuthApiError} `session_not_found`…
     */
    async deleteMFATOTP(): Promise<MemberResponse> {
      return keep(await http.delete<MemberResponse>(`${MEMBERS}/deleteTOTP`));
    },
    /**
     * Deletes the password `passwordId` (the member's `member_password_id`). Passwords belong to an
     * email, so the member has none in any organization afterwards.
     * @throws {OrgAuthApiError} `unauthorized_action`, `member_not_found`.
     */
    async deletePassword(passwordId: string): Promise<MemberResponse> {
      return keep(await http.delete<MemberResponse>(`${MEMBERS}/passwords/${encodeURIComponent(passwordId)}`));
    },
  };
}

/** The self flow. */
export type SelfFlow = ReturnType<typeof createSelfFlow>;

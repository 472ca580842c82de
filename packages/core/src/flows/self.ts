import type { MemberResponse, SelfUpdateRequest } from '../protocol/member-types.js';
import type { Member } from '../protocol/types.js';
import type { FlowDeps } from './deps.js';

/** Options of `self.update`: only the fields to change (Stytch's `B2BSelfUpdateOptions`). */
export type SelfUpdateOptions = SelfUpdateRequest;

/**
 * `self`: the signed-in member's own record. Both calls keep the member the server answers in the
 * store and its cache, so UI reading the store shows the change at once.
 */
export function createSelfFlow({ http, session }: Pick<FlowDeps, 'http' | 'session'>) {
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
      const response = await http.put<MemberResponse>('/b2b/organizations/members/update', options);
      session.applyRecords({ member: response.member });
      return response;
    },
  };
}

/** The self flow. */
export type SelfFlow = ReturnType<typeof createSelfFlow>;

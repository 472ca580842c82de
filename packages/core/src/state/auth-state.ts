import type { DiscoveredOrganization, Member, MemberSession, Organization } from '../protocol/types.js';

/**
 * What the client knows about the person, as one discriminated union so impossible combinations
 * cannot be represented. Tokens are deliberately absent: UI code reads state, never tokens.
 */
export type AuthState =
  | { status: 'initializing' }
  | { status: 'signed-out' }
  | {
      status: 'intermediate';
      emailAddress: string;
      discoveredOrganizations: DiscoveredOrganization[];
    }
  | {
      status: 'signed-in';
      member: Member;
      organization: Organization;
      session: MemberSession;
      /** True while the state comes from the local cache and the server has not confirmed it yet. */
      fromCache: boolean;
    };

/** The `status` values of {@link AuthState}. */
export type AuthStatus = AuthState['status'];

import type { DiscoveredOrganization, Member, MemberSession, Organization } from '../protocol/types.js';
import type { AuthState, AuthStatus } from './auth-state.js';

// One shared empty list, so selectors return the same reference and subscribers do not re-render.
const NONE: readonly DiscoveredOrganization[] = Object.freeze([]);

/** The signed-in member, or null. */
export const selectMember = (state: AuthState): Member | null => (state.status === 'signed-in' ? state.member : null);

/** The organization of the current session, or null. */
export const selectOrganization = (state: AuthState): Organization | null =>
  state.status === 'signed-in' ? state.organization : null;

/** The current member session, or null. */
export const selectSession = (state: AuthState): MemberSession | null =>
  state.status === 'signed-in' ? state.session : null;

/** True when a member is signed in (possibly from cache, not yet revalidated). */
export const selectIsSignedIn = (state: AuthState): boolean => state.status === 'signed-in';

/** The status of the auth state. */
export const selectStatus = (state: AuthState): AuthStatus => state.status;

/** Organizations found by discovery while in the intermediate state; an empty list otherwise. */
export const selectDiscoveredOrganizations = (state: AuthState): readonly DiscoveredOrganization[] =>
  state.status === 'intermediate' ? state.discoveredOrganizations : NONE;

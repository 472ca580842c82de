import { describe, expect, it } from 'vitest';
import {
  fixtureDiscoveredOrganization,
  fixtureMember,
  fixtureMemberSession,
  fixtureOrganization,
} from '../testing/fixtures.js';
import type { AuthState } from './auth-state.js';
import {
  selectDiscoveredOrganizations,
  selectIsSignedIn,
  selectMember,
  selectOrganization,
  selectSession,
  selectStatus,
} from './selectors.js';

const signedIn: AuthState = {
  status: 'signed-in',
  member: fixtureMember(),
  organization: fixtureOrganization(),
  session: fixtureMemberSession(),
  fromCache: true,
};
const intermediate: AuthState = {
  status: 'intermediate',
  emailAddress: 'a@b.test',
  discoveredOrganizations: [fixtureDiscoveredOrganization()],
};

describe('selectors', () => {
  it('read the signed-in state', () => {
    expect(selectMember(signedIn)).toBe(signedIn.status === 'signed-in' && signedIn.member);
    expect(selectOrganization(signedIn)?.organization_slug).toBe('acme-inc');
    expect(selectSession(signedIn)?.member_session_id).toMatch(/^member-session-test-/);
    expect(selectIsSignedIn(signedIn)).toBe(true);
    expect(selectStatus(signedIn)).toBe('signed-in');
  });

  it('return null / false / a stable empty list otherwise', () => {
    for (const state of [{ status: 'signed-out' }, { status: 'initializing' }, intermediate] as AuthState[]) {
      expect(selectMember(state)).toBeNull();
      expect(selectOrganization(state)).toBeNull();
      expect(selectSession(state)).toBeNull();
      expect(selectIsSignedIn(state)).toBe(false);
    }
    expect(selectDiscoveredOrganizations({ status: 'signed-out' })).toBe(selectDiscoveredOrganizations(signedIn));
    expect(selectDiscoveredOrganizations(signedIn)).toEqual([]);
    expect(selectDiscoveredOrganizations(intermediate)).toHaveLength(1);
  });
});

/**
 * Test set-up of the signed-in surfaces (not exported from the package): Stytch's default policy,
 * a `viewer` role that may only list members, signed-in clients with chosen roles, member records.
 */
import type { AuthState } from '@orgauth/core';
import type { Member, RbacPolicy } from '@orgauth/core/protocol';
import {
  createTestClient,
  fixtureBootstrapResponse,
  fixtureMember,
  fixtureMemberSession,
  fixtureOrganization,
  type ScriptedReply,
  type TestClient,
} from '@orgauth/core/testing';

const ALL = ['stytch.organization', 'stytch.member', 'stytch.sso', 'stytch.self'];

/** Stytch's default roles (as packages/server/src/projects/rbac-policy.ts serves them) and `viewer`. */
export const POLICY: RbacPolicy = {
  roles: [
    {
      role_id: 'stytch_member',
      description: 'Every member.',
      permissions: [{ resource_id: 'stytch.self', actions: ['*'] }],
    },
    {
      role_id: 'stytch_admin',
      description: 'Manages the organization.',
      permissions: ALL.map((resource_id) => ({ resource_id, actions: ['*'] })),
    },
    {
      role_id: 'viewer',
      description: 'Sees the members.',
      permissions: [{ resource_id: 'stytch.member', actions: ['search'] }],
    },
  ],
  resources: ALL.map((resource_id) => ({ resource_id, description: resource_id, actions: ['*'] })),
  scopes: [],
};

/** Ada, signed in to Acme with `roles`. */
export function signedInAs(roles: string[]): AuthState {
  return {
    status: 'signed-in',
    member: fixtureMember({ roles }),
    organization: fixtureOrganization(),
    session: fixtureMemberSession({ roles }),
    fromCache: false,
  };
}

/** A client signed in with `roles`, over a bootstrap carrying {@link POLICY}, with `replies` scripted. */
export function accountClient(roles: string[], replies: Record<string, ScriptedReply> = {}): TestClient {
  const token = 'public-token-test-00000000-0000-4000-8000-000000000000';
  return createTestClient({
    state: signedInAs(roles),
    replies: { [`GET /projects/bootstrap/${token}`]: fixtureBootstrapResponse({ rbac_policy: POLICY }), ...replies },
  });
}

/** Member `n` of Acme (Ada is member 1). */
export function member(n: number, overrides: Partial<Member> = {}): Member {
  return fixtureMember({
    member_id: `member-test-00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    email_address: n === 1 ? 'ada@acme.test' : `person${n}@acme.test`,
    name: n === 1 ? 'Ada Lovelace' : `Person ${n}`,
    ...overrides,
  });
}

/** A search answer with `members`, and `next_cursor` when more follow. */
export function page(members: Member[], total = members.length, next_cursor: string | null = null) {
  return {
    request_id: 'request-id-test-search',
    status_code: 200,
    members,
    results_metadata: { total, next_cursor },
    organizations: { [fixtureOrganization().organization_id]: fixtureOrganization() },
  };
}

/** A member answer (invite, update, reactivate). */
export function memberReply(m: Member) {
  return {
    request_id: 'request-id-test-member',
    status_code: 200,
    member_id: m.member_id,
    member: m,
    organization: fixtureOrganization(),
  };
}

/** Paths of the members calls. */
export const SEARCH = 'POST /b2b/organizations/me/members/search';
export const INVITE = 'POST /b2b/magic_links/email/invite';
export const memberPath = (m: Member, method: 'PUT' | 'DELETE', tail = '') =>
  `${method} /b2b/organizations/members/${m.member_id}${tail}`;

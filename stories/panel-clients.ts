import type { B2BClient } from '@orgauth/core';
import type { Member, RbacPolicy } from '@orgauth/core/protocol';
import {
  createTestClient,
  fixtureBootstrapResponse,
  fixtureErrorEnvelope,
  fixtureMember,
  fixtureMemberSession,
  fixtureOrganization,
  type ScriptedReply,
} from '@orgauth/core/testing';

// The clients behind the members and settings stories: real clients signed in with chosen roles,
// over a bootstrap carrying Stytch's default policy (plus a `viewer` role that may only list
// members), whose network is scripted per story.

const TOKEN = 'public-token-test-00000000-0000-4000-8000-000000000000';
const RESOURCES = ['stytch.organization', 'stytch.member', 'stytch.sso', 'stytch.self'];

const POLICY: RbacPolicy = {
  roles: [
    {
      role_id: 'stytch_member',
      description: 'Every member.',
      permissions: [{ resource_id: 'stytch.self', actions: ['*'] }],
    },
    {
      role_id: 'stytch_admin',
      description: 'Manages the organization, its members and its SSO connections.',
      permissions: RESOURCES.map((resource_id) => ({ resource_id, actions: ['*'] })),
    },
    {
      role_id: 'viewer',
      description: 'Sees the members.',
      permissions: [{ resource_id: 'stytch.member', actions: ['search'] }],
    },
  ],
  resources: RESOURCES.map((resource_id) => ({ resource_id, description: resource_id, actions: ['*'] })),
  scopes: [],
};

/** A reply that never comes, to hold a screen in its loading state. */
export const NEVER: ScriptedReply = () => new Promise<never>(() => {});

const ACME = fixtureOrganization({
  organization_name: 'Acme Inc.',
  email_allowed_domains: ['acme.test'],
  email_jit_provisioning: 'RESTRICTED',
  auth_methods: 'RESTRICTED',
  allowed_auth_methods: ['magic_link', 'sso'],
});

const person = (n: number, name: string, email: string, more: Partial<Member> = {}) =>
  fixtureMember({
    member_id: `member-test-00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    name,
    email_address: email,
    ...more,
  });

/** Acme's people: the admin herself, a member, an open invitation and a removed member. */
export const PEOPLE = [
  person(1, 'Ada Lovelace', 'ada@acme.test', { roles: ['stytch_member', 'stytch_admin'] }),
  person(2, 'Grace Hopper', 'grace@acme.test'),
  person(3, '', 'alan@acme.test', { status: 'invited' }),
  person(4, 'Charles Babbage', 'charles@acme.test', { status: 'deleted' }),
];

const page = (members: Member[]) => ({
  request_id: 'request-id-story-search',
  status_code: 200,
  members,
  results_metadata: { total: members.length, next_cursor: null },
  organizations: { [ACME.organization_id]: ACME },
});

/** Signed in to Acme as Ada with `roles`, the network answering `replies`. */
function signedIn(roles: string[], replies: Record<string, ScriptedReply>): B2BClient {
  return createTestClient({
    state: {
      status: 'signed-in',
      member: PEOPLE[0]!,
      organization: ACME,
      session: fixtureMemberSession({ roles }),
      fromCache: false,
    },
    replies: { [`GET /projects/bootstrap/${TOKEN}`]: fixtureBootstrapResponse({ rbac_policy: POLICY }), ...replies },
  }).client;
}

const ADMIN = ['stytch_member', 'stytch_admin'];
const SEARCH = 'POST /b2b/organizations/me/members/search';
const ME = 'GET /b2b/organizations/me';

/** The members list as `roles` see it; `search` answers the list (default: {@link PEOPLE}). */
export const membersClient = (roles = ADMIN, search: ScriptedReply = page(PEOPLE)) =>
  signedIn(roles, { [SEARCH]: search });
export const viewerMembersClient = () => membersClient(['stytch_member', 'viewer']);
export const plainMemberClient = () => membersClient(['stytch_member']);
/** A search that matches nobody (the list itself always holds the signed-in member). */
export const emptySearchClient = () =>
  membersClient(ADMIN, (request) => ((request.body as { query?: unknown }).query ? page([]) : page(PEOPLE)));
export const loadingMembersClient = () => membersClient(ADMIN, NEVER);
export const failingMembersClient = () =>
  membersClient(ADMIN, fixtureErrorEnvelope('internal_server_error', 500, 'The server had a problem.'));

const organizationReply = (organization = ACME) => ({
  request_id: 'request-id-story-org',
  status_code: 200,
  organization,
});

/** The settings as `roles` see them; saving answers the saved organization. */
export const settingsClient = (roles = ADMIN, get: ScriptedReply = organizationReply()) =>
  signedIn(roles, {
    [ME]: get,
    'PUT /b2b/organizations/me': (request) => organizationReply({ ...ACME, ...(request.body as object) }),
  });
export const readOnlySettingsClient = () => settingsClient(['stytch_member']);
export const loadingSettingsClient = () => settingsClient(ADMIN, NEVER);
export const failingSettingsClient = () =>
  settingsClient(ADMIN, fixtureErrorEnvelope('internal_server_error', 500, 'The server had a problem.'));

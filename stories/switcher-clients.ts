import type { B2BClient } from '@orgauth/core';
import {
  createTestClient,
  fixtureAuthenticateResponse,
  fixtureDiscoveredOrganization,
  fixtureDiscoveryResponse,
  fixtureErrorEnvelope,
  fixtureMember,
  fixtureMemberSession,
  fixtureOrganization,
  type ScriptedReply,
} from '@orgauth/core/testing';
import { NEVER } from './login-clients.js';

// The clients behind the organization switcher's stories: a real client signed in to Acme over a
// memory platform, whose network answers the organizations list (and the switch) as each story needs.

const acme = fixtureOrganization();
const organization = (n: number, name: string, slug: string) =>
  fixtureOrganization({
    organization_id: `organization-test-00000000-0000-4000-8000-00000000000${n}`,
    organization_name: name,
    organization_slug: slug,
  });
const umbrella = organization(4, 'Umbrella Corporation', 'umbrella');
const globex = organization(2, 'Globex Corporation', 'globex');
const initech = organization(3, 'Initech', 'initech');

/** Ada's organizations: the current one, another membership, an invitation and a domain she may join. */
export const SWITCHER_ORGANIZATIONS = [
  fixtureDiscoveredOrganization({ organization: acme }),
  fixtureDiscoveredOrganization({ organization: umbrella }),
  fixtureDiscoveredOrganization({
    organization: globex,
    membership: {
      type: 'invited_member',
      details: null,
      member: fixtureMember({ organization_id: globex.organization_id }),
    },
  }),
  fixtureDiscoveredOrganization({
    organization: initech,
    membership: { type: 'eligible_to_join_by_email_domain', details: { domain: 'acme.test' }, member: null },
  }),
];

const listed = (organizations = SWITCHER_ORGANIZATIONS) =>
  fixtureDiscoveryResponse({ intermediate_session_token: '', discovered_organizations: organizations });

/** Ada signed in to Acme; the list answers `list`, a switch answers `exchange`. */
export function switcherClient(list: ScriptedReply = listed(), exchange?: ScriptedReply): B2BClient {
  return createTestClient({
    state: {
      status: 'signed-in',
      member: fixtureMember(),
      organization: acme,
      session: fixtureMemberSession(),
      fromCache: false,
    },
    replies: {
      'POST /b2b/discovery/organizations': list,
      'POST /b2b/sessions/exchange': exchange ?? ((request) => switchedTo(request.body)),
      'POST /b2b/sessions/revoke': { request_id: 'request-id-story-revoke', status_code: 200 },
      // Sessions refresh a few minutes after sign-in; keep a story left open signed in.
      'POST /b2b/sessions/authenticate': fixtureAuthenticateResponse(),
    },
  }).client;
}

/** The switch's answer: signed in to the organization asked for. */
function switchedTo(body: unknown) {
  const id = (body as { organization_id?: string }).organization_id;
  const found = SWITCHER_ORGANIZATIONS.find((d) => d.organization.organization_id === id)?.organization ?? acme;
  return fixtureAuthenticateResponse({ organization: found });
}

/** The list of every kind of organization. */
export const organizationsClient = () => switcherClient();
/** The list never answers: the panel says it is loading. */
export const loadingClient = () => switcherClient(NEVER);
/** Only the current organization. */
export const emptyClient = () => switcherClient(listed([SWITCHER_ORGANIZATIONS[0]!]));
/** The list fails. */
export const failingClient = () =>
  switcherClient(fixtureErrorEnvelope('internal_server_error', 500, 'The server had a problem.'));
/** A switch that never answers: the panel says it is switching. */
export const switchingClient = () => switcherClient(listed(), NEVER);

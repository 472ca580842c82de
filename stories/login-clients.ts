import type { B2BClient } from '@orgauth/core';
import {
  createTestClient,
  fixtureAuthenticateResponse,
  fixtureDiscoveredOrganization,
  fixtureDiscoveryResponse,
  fixtureErrorEnvelope,
  fixtureMember,
  fixtureOrganization,
  type ScriptedReply,
} from '@orgauth/core/testing';

// The clients behind the login stories: real clients over a memory platform whose network is
// scripted per story. A story reaches its step by what the "server" answers, so the screens shown
// are the ones a person would see for that answer.

/** The page a discovery magic link leads back to; the element finishes the sign-in from it. */
export const MAGIC_LINK_HREF = 'http://localhost:3000/?stytch_token_type=discovery&token=story-magic-link-token';

/** A reply that never comes, to hold a step in its busy state. */
export const NEVER: ScriptedReply = () => new Promise<never>(() => {});

const SENT = { request_id: 'request-id-story-send', status_code: 200 };

const globex = fixtureOrganization({
  organization_id: 'organization-test-00000000-0000-4000-8000-000000000002',
  organization_name: 'Globex Corporation',
  organization_slug: 'globex',
});
const initech = fixtureOrganization({
  organization_id: 'organization-test-00000000-0000-4000-8000-000000000003',
  organization_name: 'Initech',
  organization_slug: 'initech',
});

/** Ada's discovered organizations: a membership, an invitation and a domain she may join. */
export const DISCOVERED = [
  fixtureDiscoveredOrganization(),
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

/** A client on a plain page: the email step, with sending scripted as `send`. */
export function emailClient(send: ScriptedReply = SENT): B2BClient {
  return createTestClient({ replies: { 'POST /b2b/magic_links/email/discovery/send': send } }).client;
}

/** A client on the magic-link page, whose discovery authenticate answers `authenticate`. */
export function magicLinkClient(authenticate: ScriptedReply, more: Record<string, ScriptedReply> = {}): B2BClient {
  return createTestClient({
    href: MAGIC_LINK_HREF,
    replies: { 'POST /b2b/magic_links/discovery/authenticate': authenticate, ...more },
  }).client;
}

/** Discovery finds Ada's three organizations; entering one signs her in. */
export const discoveredClient = () =>
  magicLinkClient(fixtureDiscoveryResponse({ discovered_organizations: DISCOVERED }), {
    'POST /b2b/discovery/intermediate_sessions/exchange': fixtureAuthenticateResponse(),
    // Sessions refresh a few minutes after sign-in; keep a story left open signed in.
    'POST /b2b/sessions/authenticate': fixtureAuthenticateResponse(),
  });

/** Discovery finds no organization, so the only way on is creating one (whose slug is taken). */
export const noOrganizationsClient = () =>
  magicLinkClient(fixtureDiscoveryResponse({ discovered_organizations: [] }), {
    'POST /b2b/discovery/organizations/create': fixtureErrorEnvelope(
      'organization_slug_already_used',
      400,
      'The organization slug is already in use.',
    ),
  });

/** The link was already used or has expired. */
export const expiredLinkClient = () =>
  magicLinkClient(
    fixtureErrorEnvelope(
      'magic_link_not_found',
      404,
      'The magic link could not be authenticated because it was either already used or expired.',
    ),
  );

// ---------------------------------------------------------------------------------------------
// Single sign-on
// ---------------------------------------------------------------------------------------------

/** Acme's two SSO connections (a SAML and an OIDC one). */
export const SSO_CONNECTIONS = [
  {
    connection_id: 'saml-connection-test-00000000-0000-4000-8000-000000000001',
    display_name: 'Okta',
    identity_provider: 'okta',
  },
  {
    connection_id: 'oidc-connection-test-00000000-0000-4000-8000-000000000002',
    display_name: 'Microsoft Entra ID',
    identity_provider: 'microsoft-entra',
  },
];

/** The slug the organization stories set on the element. */
export const ORGANIZATION_SLUG = 'acme-inc';

const acmeBySlug = {
  request_id: 'request-id-story-search',
  status_code: 200,
  organization: fixtureOrganization({ sso_active_connections: SSO_CONNECTIONS }),
};

/** The organization's login page: `organizations/search` answers `search` (default: Acme with two connections). */
export function organizationClient(search: ScriptedReply = acmeBySlug): B2BClient {
  return createTestClient({ replies: { 'POST /b2b/organizations/search': search } }).client;
}

/** No organization has the slug. */
export const unknownOrganizationClient = () =>
  organizationClient({ request_id: 'request-id-story-search', status_code: 200, organization: null });

/** "Continue with SSO" in discovery, whose connection lookup answers `discover`. */
export function ssoEmailClient(
  discover: ScriptedReply = { request_id: 'request-id-story-sso', status_code: 200, connections: SSO_CONNECTIONS },
): B2BClient {
  return createTestClient({ replies: { 'GET /b2b/sso/discovery/connections': discover } }).client;
}

/** Back from the identity provider with the error the server's SSO error page put in the link. */
export const idpErrorClient = () =>
  createTestClient({ href: 'http://localhost:3000/?stytch_error=sso_jit_provisioning_not_allowed' }).client;

import type { B2BClient, LoginConfig } from '@orgauth/core';
import { createTestClient, fixtureOrganization, type ScriptedReply } from '@orgauth/core/testing';
import { ORGANIZATION_SLUG, SSO_CONNECTIONS } from './login-clients.js';

// The clients behind the OAuth stories: real clients over a memory platform whose network is
// scripted, so "Continue with Google" runs the real start (the memory platform records the
// navigation instead of leaving the page).

/** The login configuration of the OAuth stories: three providers above the email form. */
export const OAUTH_CONFIG: LoginConfig = {
  products: ['oauth', 'emailMagicLinks', 'sso'],
  oauthOptions: { providers: ['google', 'microsoft', 'github'] },
};

const PUBLIC_TOKEN = 'public-token-test-00000000-0000-4000-8000-000000000000';

/** The project's SDK settings an OAuth start reads: no custom domain, PKCE on. */
const bootstrap = {
  [`GET /projects/bootstrap/${PUBLIC_TOKEN}`]: {
    request_id: 'request-id-story-bootstrap',
    status_code: 200,
    cname_domain: null,
    pkce_required_for_oauth: true,
  },
};

/** Discovery with the provider buttons. */
export function oauthDiscoveryClient(): B2BClient {
  return createTestClient({ replies: bootstrap }).client;
}

/** Acme's page: two SSO connections, and only Google and Microsoft among the providers. */
export function oauthOrganizationClient(search?: ScriptedReply): B2BClient {
  const acme = fixtureOrganization({
    organization_slug: ORGANIZATION_SLUG,
    sso_active_connections: SSO_CONNECTIONS,
    auth_methods: 'RESTRICTED',
    allowed_auth_methods: ['sso', 'magic_link', 'google_oauth', 'microsoft_oauth'],
  });
  const found = { request_id: 'request-id-story-search', status_code: 200, organization: acme };
  return createTestClient({ replies: { ...bootstrap, 'POST /b2b/organizations/search': search ?? found } }).client;
}

/** Back from the provider with the refusal the server's error page put in the link. */
export const oauthErrorClient = (errorType: string) => () =>
  createTestClient({ href: `http://localhost:3000/?stytch_error=${errorType}` }).client;

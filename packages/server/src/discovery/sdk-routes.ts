import type { AuthenticationFactor } from '@orgauth/core/protocol';
import type { Hono } from 'hono';
import { type OAuthTenants, readIntermediateSession } from './intermediate-sessions.js';
import { authMethodOf } from '../members/index.js';
import { authenticateSessionToken } from '../sessions/index.js';
import {
  type AppDeps,
  type AppEnv,
  authenticateLimit,
  defineRoutes,
  readBody,
  sdkOk,
  sendLimit,
} from '../http/index.js';
import { apiError } from '../lib/api-error.js';
import { assertPkceChallenge } from '../magic-links/index.js';
import {
  authenticateDiscoveryMagicLink,
  createOrganizationFromIst,
  exchangeIntermediateSession,
  listDiscoveredOrganizations,
  sendDiscoveryMagicLink,
} from './service.js';

/**
 * SDK discovery: the discovery magic link (send, authenticate into an IST; docs/wire-protocol.md §2.1), then list
 * organizations, create one, or exchange the IST for a session (docs/wire-protocol.md §2.5).
 */
export function sdkDiscoveryRoutes(deps: AppDeps): Hono<AppEnv> {
  const sdk = defineRoutes();
  sdk.post(
    '/b2b/magic_links/email/discovery/send',
    { action: 'MagicLinksEmailDiscoverySend', limit: sendLimit('email_address') },
    async (c) => {
      const body = await readBody(c);
      assertPkceChallenge(body);
      return sdkOk(c, await sendDiscoveryMagicLink(deps, c.get('project'), body));
    },
  );

  sdk.post(
    '/b2b/magic_links/discovery/authenticate',
    { action: 'MagicLinksDiscoveryAuthenticate', limit: authenticateLimit('discovery_magic_links_token') },
    async (c) => {
      return sdkOk(c, await authenticateDiscoveryMagicLink(deps, c.get('project'), await readBody(c)));
    },
  );

  sdk.post('/b2b/discovery/organizations', { action: 'DiscoveryOrganizationsList' }, async (c) => {
    const body = await readBody(c);
    const project = c.get('project');
    const now = deps.now();
    const istToken = optionalToken(body.intermediate_session_token);
    let email: string;
    let methods: string[] | undefined;
    let oauthTenants: OAuthTenants | null = null;
    let factors: AuthenticationFactor[] | undefined;
    if (istToken !== undefined) {
      const ist = await readIntermediateSession(deps.db, project.id, istToken, now);
      email = ist.email;
      methods = ist.factors.map(authMethodOf);
      oauthTenants = ist.oauthTenants;
      factors = ist.factors;
    } else {
      // Without an IST the SDK sends `{}` and the Basic-auth password is the session token.
      const sessionToken = c.get('sessionToken');
      if (sessionToken === undefined) {
        throw apiError(
          'intermediate_session_not_found',
          'Send an intermediate_session_token or authenticate with a session.',
        );
      }
      email = (await authenticateSessionToken(deps.db, project.id, sessionToken, undefined, now)).member.email;
    }
    return sdkOk(c, await listDiscoveredOrganizations(deps, project, email, methods, oauthTenants, factors));
  });

  sdk.post(
    '/b2b/discovery/organizations/create',
    { action: 'DiscoveryOrganizationsCreate', limit: authenticateLimit('intermediate_session_token') },
    async (c) => {
      const payload = await createOrganizationFromIst(deps, c.get('project'), await readBody(c), {
        allowTrustedMetadata: false,
      });
      c.header('Cache-Control', 'no-store');
      return sdkOk(c, payload);
    },
  );

  sdk.post(
    '/b2b/discovery/intermediate_sessions/exchange',
    { action: 'DiscoveryIntermediateSessionsExchange', limit: authenticateLimit('intermediate_session_token') },
    async (c) => {
      const payload = await exchangeIntermediateSession(deps, c.get('project'), await readBody(c));
      c.header('Cache-Control', 'no-store');
      return sdkOk(c, payload);
    },
  );
  return sdk.app;
}

/** An optional opaque token field: absent, null and `''` all mean "not sent". */
export function optionalToken(value: unknown, key = 'intermediate_session_token'): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string' || value.length > 512) throw apiError('bad_request', `${key} must be a string.`);
  return value;
}

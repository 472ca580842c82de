import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestServer, type TestServer } from '../testing/test-server.js';
import type { AppEnv } from './context.js';
import { createRouteTable, type RouteTable } from './route-table.js';
import {
  authenticateLimit,
  cpuLimit,
  declaredRoutes,
  sendLimit,
  type DeclaredRoute,
  type RouteLimit,
} from './routes.js';

/**
 * Every email or SMS send, every token / OTP / magic-link / IST authentication and every CPU-heavy call Stytch's B2B API has, by
 * path below `/b2b` (the SDK and backend APIs alike), with the limit its route must declare. Paths
 * not built yet are listed too, so they are limited the day they land.
 */
const MUST_LIMIT: Readonly<Record<string, RouteLimit>> = {
  '/magic_links/email/send': sendLimit('email_address'),
  '/magic_links/email/login_or_signup': sendLimit('email_address'),
  '/magic_links/email/invite': sendLimit('email_address'),
  '/magic_links/email/discovery/send': sendLimit('email_address'),
  '/otps/email/login_or_signup': sendLimit('email_address'),
  '/otps/email/discovery/send': sendLimit('email_address'),
  '/otps/sms/send': sendLimit('member_id'),
  '/passwords/email/reset/start': sendLimit('email_address'),
  '/passwords/discovery/email/reset/start': sendLimit('email_address'),
  '/passwords/discovery/reset/start': sendLimit('email_address'),
  '/magic_links/authenticate': authenticateLimit('magic_links_token'),
  '/magic_links/discovery/authenticate': authenticateLimit('discovery_magic_links_token'),
  '/discovery/intermediate_sessions/exchange': authenticateLimit('intermediate_session_token'),
  '/discovery/organizations/create': authenticateLimit('intermediate_session_token'),
  '/otps/email/authenticate': authenticateLimit('email_address'),
  '/otps/email/discovery/authenticate': authenticateLimit('email_address'),
  '/otps/sms/authenticate': authenticateLimit('member_id'),
  '/totp/authenticate': authenticateLimit('member_id'),
  '/recovery_codes/recover': authenticateLimit('member_id'),
  '/passwords/authenticate': authenticateLimit('email_address'),
  '/passwords/discovery/authenticate': authenticateLimit('email_address'),
  // Guesses the current password, so it is locked with the email's other password attempts.
  '/passwords/existing_password/reset': authenticateLimit('email_address'),
  '/passwords/email/reset': authenticateLimit('password_reset_token'),
  '/passwords/discovery/reset': authenticateLimit('password_reset_token'),
  '/passwords/discovery/email/reset': authenticateLimit('password_reset_token'),
  '/sso/authenticate': authenticateLimit('sso_token'),
  '/oauth/authenticate': authenticateLimit('oauth_token'),
  '/oauth/discovery/authenticate': authenticateLimit('discovery_oauth_token'),
  '/sso/discovery/authenticate': authenticateLimit('discovery_sso_token'),
  // zxcvbn costs 73–330 ms of CPU a call.
  '/passwords/strength_check': cpuLimit(),
};

/** The event-logged surfaces: every endpoint there must name its action. */
const LOGGED = /^\/(sdk\/v1|v1\/b2b|v1\/public)\//;

let t: TestServer;
let app: Hono<AppEnv>;
let declared: DeclaredRoute[];
let table: RouteTable;
beforeAll(async () => {
  t = await createTestServer({ dev: true, rateLimits: { sendPerEmail: { max: 1, windowMinutes: 60 } } });
  app = t.server.app as unknown as Hono<AppEnv>;
  declared = declaredRoutes(app);
  table = createRouteTable(declared);
});
afterAll(() => t.close());

describe('routes declare their facts', () => {
  test('every registered endpoint of the SDK, backend and public APIs names its event-log action', () => {
    const endpoints = app.routes.filter((r) => r.method !== 'ALL' && LOGGED.test(r.path));
    expect(endpoints.length).toBeGreaterThan(50);
    const named = new Set(declared.map((r) => `${r.method} ${r.path}`));
    expect(endpoints.map((r) => `${r.method} ${r.path}`).filter((key) => !named.has(key))).toEqual([]);
    for (const route of declared) expect(route.action, `${route.method} ${route.path}`).toMatch(/^[A-Z][A-Za-z]+$/);
  });

  test('SSO connection updates have their own actions (never Unknown)', () => {
    expect(table.match('PUT', '/v1/b2b/sso/saml/org-1/connections/conn-1').action).toBe('SSOSAMLUpdateConnection');
    expect(table.match('PUT', '/v1/b2b/sso/oidc/org-1/connections/conn-1').action).toBe('SSOOIDCUpdateConnection');
    expect(table.match('PUT', '/v1/b2b/sso/saml/org-1/connections/conn-1/url').action).toBe('SSOSAMLUpdateByURL');
  });

  test('Stytch event-log names where Stytch has one', () => {
    expect(table.match('POST', '/sdk/v1/b2b/sessions/authenticate').action).toBe('MultiTenantSessionsAuthenticate');
    expect(table.match('POST', '/v1/b2b/sessions/authenticate').action).toBe('MultiTenantSessionsAuthenticate');
    expect(table.match('GET', '/v1/b2b/sessions/jwks/project-test-1').action).toBe('SessionsJwks');
  });

  test('sends and authentications declare the limit Stytch-shaped abuse needs; nothing else does', () => {
    const api = declared.filter((r) => /^\/(sdk\/v1\/b2b|v1\/b2b)\//.test(r.path));
    expect(api.filter((r) => r.limit !== undefined).length).toBeGreaterThanOrEqual(14);
    for (const route of api) {
      const below = route.path.replace(/^\/(sdk\/v1\/b2b|v1\/b2b)/, '');
      expect(route.limit, `${route.method} ${route.path}`).toEqual(MUST_LIMIT[below]);
    }
  });
});

describe('the route table', () => {
  test.each([
    ['POST', '/v1/b2b/magic_links/email/login_or_signup', 'MagicLinksEmailLoginOrSignup'],
    ['POST', '/sdk/v1/b2b/magic_links/discovery/authenticate', 'MagicLinksDiscoveryAuthenticate'],
    ['POST', '/v1/b2b/organizations/search', 'OrganizationsSearch'],
    ['GET', '/v1/b2b/organizations/members/dangerously_get/m1', 'OrganizationsMembersDangerouslyGet'],
    ['GET', '/v1/b2b/sso/connections', 'SSOGetConnections'],
    ['DELETE', '/v1/b2b/organizations/o1/members/m1', 'OrganizationsMembersDelete'],
    ['GET', '/v1/b2b/public/oauth/google/start', 'OAuthStart'],
    ['GET', '/v1/b2b/public/oauth/microsoft/discovery/start', 'OAuthDiscoveryStart'],
    ['GET', '/v1/b2b/public/oauth/callback', 'OAuthCallback'],
    ['POST', '/sdk/v1/b2b/oauth/authenticate', 'OAuthAuthenticate'],
    ['POST', '/sdk/v1/b2b/oauth/discovery/authenticate', 'OAuthDiscoveryAuthenticate'],
    ['POST', '/v1/b2b/oauth/authenticate', 'OAuthAuthenticate'],
    ['POST', '/v1/b2b/oauth/discovery/authenticate', 'OAuthDiscoveryAuthenticate'],
    ['PATCH', '/v1/b2b/organizations/o1', 'Unknown'],
    ['GET', '/v1/b2b/nope/secret-test-abc', 'Unknown'],
  ])('%s %s → %s', (method, path, action) => {
    const match = table.match(method, path);
    expect(match.action).toBe(action);
    if (action === 'Unknown') expect(match.route).not.toContain('secret');
  });

  test('path parameters are decoded and named', () => {
    expect(table.match('GET', '/v1/b2b/organizations/acme%20co/members/m-1')).toEqual({
      action: 'OrganizationsMembersGet',
      route: '/v1/b2b/organizations/:organization_id/members/:member_id',
      params: { organization_id: 'acme co', member_id: 'm-1' },
    });
  });
});

describe('a request refused before its handler still logs its action', () => {
  const actionOf = async (requestId: string) => {
    await t.server.flushEvents();
    const rows = await t.server.db
      .selectFrom('events')
      .select(['action', 'status'])
      .where('request_id', '=', requestId)
      .orderBy('seq')
      .execute();
    return rows.map((e) => [e.action, e.status]);
  };

  test('unknown public token (401), foreign origin (403), rate limit (429)', async () => {
    const body = { email_address: 'ada@example.com', organization_id: 'org-x', pkce_code_challenge: 'x'.repeat(43) };
    const unauthenticated = await t.sdk('/b2b/magic_links/email/login_or_signup', {
      body,
      publicToken: 'public-token-test-nope',
    });
    expect(unauthenticated.status).toBe(401);
    const foreign = await t.sdk('/b2b/sessions/authenticate', { body: {}, origin: 'https://evil.test' });
    expect(foreign.status).toBe(403);
    await t.api('/magic_links/email/discovery/send', { body: { email_address: 'limited@example.com' } });
    const limited = await t.api('/magic_links/email/discovery/send', {
      body: { email_address: 'limited@example.com' },
    });
    expect(limited.status).toBe(429);
    expect(await actionOf(unauthenticated.body.request_id)).toEqual([
      ['MagicLinksEmailLoginOrSignup', 'start'],
      ['MagicLinksEmailLoginOrSignup', 'error'],
    ]);
    expect(await actionOf(foreign.body.request_id)).toEqual([
      ['MultiTenantSessionsAuthenticate', 'start'],
      ['MultiTenantSessionsAuthenticate', 'error'],
    ]);
    expect(await actionOf(limited.body.request_id)).toEqual([
      ['MagicLinksEmailDiscoverySend', 'start'],
      ['MagicLinksEmailDiscoverySend', 'error'],
    ]);
  });
});

import { createHash, randomBytes } from 'node:crypto';
import type { OAuthProviderType } from '@orgauth/core/protocol';
import { B2BClient, StytchError } from 'stytch';
import type {
  B2BOAuthAuthenticateResponse,
  B2BDiscoveryIntermediateSessionsExchangeResponse,
  B2BOAuthDiscoveryAuthenticateResponse,
  B2BSessionsAuthenticateResponse,
} from 'stytch';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { pathOf, pickPerson } from '../dev/oauth/stand-in-flow.js';
import { startLoopbackServer, type LoopbackServer } from './loopback.js';
import { shapeErrors } from './sdk-shapes.js';

/**
 * Stytch's official Node SDK (`stytch` 14.2.0, `B2BClient`) redeeming OAuth tokens that a real
 * browser-less flow minted through the `--dev` stand-in providers: start, the stand-in's person
 * picker, our callback (carrying the browser-binding cookie the start set, as a browser does), then
 * `oauth.authenticate` / `oauth.discovery.authenticate` through the SDK. Google takes the OpenID path
 * (id_token), GitHub the OAuth 2.0 + user API path. The people picked: dev/oauth/people.ts.
 */
let loopback: LoopbackServer;
let client: B2BClient;
let origin: string;
const APP = 'https://app.conformance.example/authenticate';
const LOGIN = 'https://app.conformance.example/login';
const state: { acme?: string; globex?: string; spent?: string; ist?: string } = {};
const shapeProblems: { step: string; problem: string }[] = [];
/** The browser's cookies on the server's origin (every OrgAuth cookie has `Path=/`). */
const jar = new Map<string, string>();

function checkShape(step: string, value: unknown, interfaceName: string): void {
  shapeProblems.push(...shapeErrors(value, interfaceName, 'response').map((problem) => ({ step, problem })));
}

function need<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`An earlier step did not produce ${what}.`);
  return value;
}

/** One browser request to the server: sends and keeps its cookies, never follows a redirect. */
async function browser(path: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  if (jar.size > 0) headers.set('cookie', [...jar].map(([name, value]) => `${name}=${value}`).join('; '));
  const res = await fetch(new URL(path, origin), { ...init, headers, redirect: 'manual' });
  for (const line of res.headers.getSetCookie()) {
    const [pair = ''] = line.split(';');
    const name = pair.slice(0, pair.indexOf('='));
    if (/;\s*max-age=0(;|$)/i.test(line)) jar.delete(name);
    else jar.set(name, pair.slice(pair.indexOf('=') + 1));
  }
  return res;
}

/**
 * `GET <start>?<query>` → the stand-in's picker, answered as `subject` → our callback → the app's
 * redirect URL, whose query (`token`, `stytch_token_type`) is returned.
 */
async function signIn(
  provider: OAuthProviderType,
  subject: string,
  discovery: boolean,
  query: Record<string, string>,
): Promise<URLSearchParams> {
  const q = new URLSearchParams({ public_token: loopback.server.project.public_token, ...query });
  const start = await browser(`/v1/b2b/public/oauth/${provider}${discovery ? '/discovery' : ''}/start?${q}`);
  expect(start.status, await start.clone().text()).toBe(302);
  const authorize = new URL(start.headers.get('location') ?? '');
  expect(`${authorize.origin}${authorize.pathname}`).toMatch(new RegExp(`^${origin}/dev/oauth/${provider}/`));
  expect(jar.size).toBe(1);
  const back = await pickPerson(browser, pathOf(authorize.href), subject);
  expect(back.pathname).toBe('/v1/b2b/public/oauth/callback');
  const callback = await browser(pathOf(back.href));
  const landed = new URL(callback.headers.get('location') ?? '', origin);
  expect([callback.status, `${landed.origin}${landed.pathname}`], await callback.text()).toEqual([303, APP]);
  expect(landed.searchParams.get('stytch_error')).toBeNull();
  // The attempt is spent: its binding cookie is gone.
  expect(jar.size).toBe(0);
  return landed.searchParams;
}

beforeAll(async () => {
  loopback = await startLoopbackServer();
  origin = loopback.baseUrl.replace(/\/$/, '');
  await loopback.server.projects.addRedirectUrl(APP);
  await loopback.server.projects.addRedirectUrl(LOGIN);
  // `Member.roles` as the MemberRole objects the SDK types declare (members/roles.ts).
  await loopback.server.projects.setMemberRolesFormat('objects');
  const { project_id, secret } = loopback.server.project;
  client = new B2BClient({ project_id, secret, env: loopback.baseUrl });
  const suffix = randomBytes(3).toString('hex');
  // Acme admits its email domain (the stand-ins' Ada and Grace are @acme.test); Globex admits
  // members of the GitHub organization globex-inc (id 5002) by OAuth tenant.
  const acme = await client.organizations.create({
    organization_name: 'Acme',
    organization_slug: `acme-${suffix}`,
    email_allowed_domains: ['acme.test'],
    email_jit_provisioning: 'RESTRICTED',
  });
  const globex = await client.organizations.create({
    organization_name: 'Globex',
    organization_slug: `globex-${suffix}`,
    oauth_tenant_jit_provisioning: 'RESTRICTED',
    allowed_oauth_tenants: { github: ['5002'] },
  });
  state.acme = acme.organization.organization_id;
  state.globex = globex.organization.organization_id;
});

afterAll(async () => {
  await loopback?.close();
});

describe.sequential('stytch B2BClient redeems OAuth tokens minted through the stand-in providers', () => {
  test('oauth.authenticate (Google stand-in: OpenID, id_token, PKCE)', async () => {
    const organization_id = need(state.acme, 'an organization');
    const verifier = randomBytes(32).toString('base64url');
    const query = await signIn('google', '100000000000000000001', false, {
      organization_id,
      // Ada is new to Acme (JIT by email domain): Stytch sends a sign-up to the signup URL.
      login_redirect_url: LOGIN,
      signup_redirect_url: APP,
      pkce_code_challenge: createHash('sha256').update(verifier).digest('base64url'),
    });
    expect(query.get('stytch_token_type')).toBe('oauth');
    const oauth_token = need(query.get('token') ?? undefined, 'an oauth token');
    const res: B2BOAuthAuthenticateResponse = await client.oauth.authenticate({
      oauth_token,
      pkce_code_verifier: verifier,
      session_duration_minutes: 60,
    });
    checkShape('oauth.authenticate', res, 'B2BOAuthAuthenticateResponse');
    expect(res).toMatchObject({
      status_code: 200,
      organization_id,
      provider_type: 'google',
      provider_subject: '100000000000000000001',
      member_authenticated: true,
      intermediate_session_token: '',
    });
    expect(res.member).toMatchObject({ email_address: 'ada@acme.test', name: 'Ada Lovelace', status: 'active' });
    expect(res.organization.organization_id).toBe(organization_id);
    const values = need(res.provider_values, 'provider_values');
    expect(values.access_token).toEqual(expect.any(String));
    expect(values.access_token).not.toBe('');
    expect(values.id_token?.split('.')).toHaveLength(3);
    expect(values.scopes).toEqual(expect.arrayContaining(['openid', 'email', 'profile']));
    expect(need(res.member_session, 'a member_session').authentication_factors[0]).toMatchObject({
      type: 'oauth',
      delivery_method: 'oauth_google',
    });
    const session: B2BSessionsAuthenticateResponse = await client.sessions.authenticate({
      session_token: res.session_token,
    });
    expect(session.member_session).toMatchObject({ member_id: res.member_id, organization_id });
    state.spent = oauth_token;
  });

  test('oauth.authenticate refuses a spent token with StytchError oauth_token_not_found', async () => {
    const oauth_token = need(state.spent, 'a redeemed oauth token');
    const refused = await client.oauth.authenticate({ oauth_token }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(StytchError);
    expect(refused).toMatchObject({ status_code: 404, error_type: 'oauth_token_not_found' });
  });

  test('oauth.discovery.authenticate (GitHub stand-in: OAuth 2.0 + user API)', async () => {
    const query = await signIn('github', '1002', true, { discovery_redirect_url: APP });
    expect(query.get('stytch_token_type')).toBe('discovery_oauth');
    const discovery_oauth_token = need(query.get('token') ?? undefined, 'a discovery_oauth token');
    const res: B2BOAuthDiscoveryAuthenticateResponse = await client.oauth.discovery.authenticate({
      discovery_oauth_token,
    });
    checkShape('oauth.discovery.authenticate', res, 'B2BOAuthDiscoveryAuthenticateResponse');
    expect(res).toMatchObject({
      status_code: 200,
      email_address: 'grace@acme.test',
      provider_type: 'github',
      full_name: 'Grace Hopper',
    });
    expect(res.intermediate_session_token).not.toBe('');
    state.ist = res.intermediate_session_token;
    // Grace is in two GitHub organizations: Stytch names a single tenant only when there is one.
    expect([res.provider_tenant_id, res.provider_tenant_ids]).toEqual(['', ['5001', '5002']]);
    const found = res.discovered_organizations.map((d) => [d.organization?.organization_id, d.membership?.type]);
    expect(found).toEqual([
      [state.acme, 'eligible_to_join_by_email_domain'],
      [state.globex, 'eligible_to_join_by_oauth_tenant'],
    ]);
    const again = await client.oauth.discovery.authenticate({ discovery_oauth_token }).catch((error: unknown) => error);
    expect(again).toBeInstanceOf(StytchError);
    expect(again).toMatchObject({ status_code: 404, error_type: 'oauth_token_not_found' });
  });

  test('discovery.intermediateSessions.exchange joins Globex by the GitHub organization', async () => {
    const organization_id = need(state.globex, 'an organization');
    const res: B2BDiscoveryIntermediateSessionsExchangeResponse = await client.discovery.intermediateSessions.exchange({
      intermediate_session_token: need(state.ist, 'an intermediate session'),
      organization_id,
    });
    checkShape('discovery.intermediateSessions.exchange', res, 'B2BDiscoveryIntermediateSessionsExchangeResponse');
    expect(res.member).toMatchObject({ email_address: 'grace@acme.test', organization_id, status: 'active' });
    expect(res.member_authenticated).toBe(true);
    expect(need(res.member_session, 'a member_session').authentication_factors[0]).toMatchObject({
      type: 'oauth',
      delivery_method: 'oauth_github',
    });
  });

  test('every response carries each field the SDK types declare required, with the declared kind', () => {
    expect(shapeProblems.map(({ step, problem }) => `${problem} [${step}]`)).toEqual([]);
  });
});

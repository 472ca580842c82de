import { describe, expect, it } from 'vitest';
import { isOrgAuthApiError, isOrgAuthError } from '../errors.js';
import {
  fixtureAuthenticateResponse,
  fixtureDiscoveredOrganization,
  fixtureDiscoveryResponse,
  fixtureOrganization,
} from '../testing/fixtures.js';
import type { ScriptedReply } from '../testing/scripted-transport.js';
import { createTestClient } from '../testing/test-client.js';
import { initialLoginState, loginReducer } from './login-machine.js';
import { oauthProvidersFor } from './login-oauth.js';
import type { LoginState } from './login-state.js';
import type { CreateLoginOptions } from './login-types.js';

const PUBLIC_TOKEN = 'public-token-test-00000000-0000-4000-8000-000000000000';
const PKCE_KEY = `stytch_sdk_state_${PUBLIC_TOKEN}::PKCE_VERIFIER:oauth`;
const SEARCH = 'POST /b2b/organizations/search';
const acme = fixtureOrganization({ organization_slug: 'acme' });
const restricted = fixtureOrganization({
  organization_slug: 'acme',
  auth_methods: 'RESTRICTED',
  allowed_auth_methods: ['microsoft_oauth', 'magic_link'],
});
const OAUTH: CreateLoginOptions = {
  products: ['oauth', 'emailMagicLinks'],
  oauthOptions: {
    providers: [
      {
        type: 'google',
        customScopes: ['https://www.googleapis.com/auth/calendar.readonly'],
        providerParams: { prompt: 'consent' },
      },
      'microsoft',
    ],
    loginRedirectURL: 'http://localhost:3000/in',
    signupRedirectURL: 'http://localhost:3000/new',
    discoveryRedirectURL: 'http://localhost:3000/discover',
  },
};

function setup(options: CreateLoginOptions = OAUTH, replies: Record<string, ScriptedReply> = {}, href?: string) {
  const test = createTestClient({
    replies,
    ...(href ? { href } : {}),
  });
  const login = test.client.createLogin(options);
  const steps: LoginState[] = [];
  login.subscribe((state) => steps.push(state));
  return { ...test, login, steps };
}
const queryOf = (url: string) => Object.fromEntries(new URL(url).searchParams);

describe('oauthProvidersFor', () => {
  it('gives the configured buttons as configs, none without the oauth product', () => {
    expect(oauthProvidersFor(OAUTH, null)).toEqual([
      {
        type: 'google',
        customScopes: ['https://www.googleapis.com/auth/calendar.readonly'],
        providerParams: { prompt: 'consent' },
      },
      { type: 'microsoft' },
    ]);
    expect(oauthProvidersFor({ ...OAUTH, products: ['emailMagicLinks'] }, null)).toEqual([]);
    expect(oauthProvidersFor({ products: ['oauth'] }, null)).toEqual([]);
  });

  it("keeps on an organization's page only the providers it allows", () => {
    expect(oauthProvidersFor(OAUTH, acme).map(({ type }) => type)).toEqual(['google', 'microsoft']);
    expect(oauthProvidersFor(OAUTH, restricted)).toEqual([{ type: 'microsoft' }]);
  });
});

describe('loginReducer: OAuth events', () => {
  it('keeps the step busy until the navigation is certain, gives it back when canceled, and starts once', () => {
    const starting = loginReducer(initialLoginState, { type: 'OAUTH_STARTED' });
    expect(starting).toEqual({ ...initialLoginState, busy: true });
    expect(loginReducer(starting, { type: 'OAUTH_STARTED' })).toBe(starting);
    expect(loginReducer(starting, { type: 'OAUTH_CANCELED' })).toEqual(initialLoginState);
    expect(loginReducer(starting, { type: 'OAUTH_REDIRECTING', provider: 'github' })).toEqual({
      step: 'oauth-redirecting',
      provider: 'github',
      flow: null,
    });
    const chooser = loginReducer(initialLoginState, { type: 'DISCOVERED', email: 'a@b.test', organizations: [] });
    expect(loginReducer(chooser, { type: 'OAUTH_STARTED' })).toBe(chooser);
  });
});

describe('login machine: startOAuth', () => {
  it("in discovery, leaves for the provider's discovery start with the button's scopes and parameters", async () => {
    const { login, steps, platform } = setup();
    await login.startOAuth('google');
    expect(steps.map(({ step }) => step)).toEqual(['email', 'oauth-redirecting']);
    expect(steps[0]).toMatchObject({ busy: true, error: null });
    expect(login.getState()).toEqual({ step: 'oauth-redirecting', provider: 'google', flow: null });
    const url = platform.navigations[0]!;
    expect(url.split('?')[0]).toBe('http://localhost:3000/v1/b2b/public/oauth/google/discovery/start');
    expect(queryOf(url)).toEqual({
      public_token: PUBLIC_TOKEN,
      custom_scopes: 'https://www.googleapis.com/auth/calendar.readonly',
      provider_prompt: 'consent',
      pkce_code_challenge: (JSON.parse(platform.storageMap.get(PKCE_KEY)!) as { code_challenge: string })
        .code_challenge,
      discovery_redirect_url: 'http://localhost:3000/discover',
    });
  });

  it("on an organization's page, starts the sign-in to that organization with the login's redirect URLs", async () => {
    const { login, platform } = setup(
      { ...OAUTH, organizationSlug: 'acme' },
      { [SEARCH]: { organization: restricted } },
    );
    await login.start();
    await login.startOAuth('microsoft');
    expect(login.getState()).toEqual({
      step: 'oauth-redirecting',
      provider: 'microsoft',
      flow: { slug: 'acme', organization: restricted },
    });
    const url = platform.navigations[0]!;
    expect(url.split('?')[0]).toBe('http://localhost:3000/v1/b2b/public/oauth/microsoft/start');
    expect(queryOf(url)).toMatchObject({
      organization_id: restricted.organization_id,
      login_redirect_url: 'http://localhost:3000/in',
      signup_redirect_url: 'http://localhost:3000/new',
    });
  });

  it.each([
    ['the login does not offer oauth', { ...OAUTH, products: ['emailMagicLinks'] } as CreateLoginOptions, 'google'],
    ['the provider is not configured', OAUTH, 'github'],
  ] as const)('refuses when %s: an error on the step, no request, no navigation', async (_, options, provider) => {
    const { login, platform, transport } = setup(options);
    await login.startOAuth(provider);
    const state = login.getState();
    expect(state).toMatchObject({ step: 'email', busy: false });
    expect(state.step === 'email' && isOrgAuthError(state.error, 'invalid_usage')).toBe(true);
    expect(platform.navigations).toEqual([]);
    expect(transport.requests).toEqual([]);
  });

  it('refuses a provider the organization does not allow as the server would, and any while its page failed to load', async () => {
    const { login, platform } = setup(
      { ...OAUTH, organizationSlug: 'acme' },
      { [SEARCH]: { organization: restricted } },
    );
    await login.start();
    await login.startOAuth('google');
    expect(login.getState()).toMatchObject({
      step: 'organization-login',
      busy: false,
      error: { code: 'api_error', errorType: 'oauth_not_allowed' },
    });
    const failed = setup({ ...OAUTH, organizationSlug: 'gone' }, { [SEARCH]: { organization: null } });
    await failed.login.start();
    await failed.login.startOAuth('microsoft');
    expect(failed.login.getState()).toMatchObject({ step: 'organization-login', error: { code: 'invalid_usage' } });
    expect([...platform.navigations, ...failed.platform.navigations]).toEqual([]);
  });

  it('gives the screen back when beforeNavigate keeps the page, with the URL to route to', async () => {
    const seen: string[] = [];
    const { login, platform } = setup({ ...OAUTH, beforeNavigate: (url) => !seen.push(url) });
    await login.startOAuth('microsoft');
    expect(login.getState()).toEqual({ step: 'email', email: '', busy: false, error: null, flow: null });
    expect(seen[0]).toContain('/v1/b2b/public/oauth/microsoft/discovery/start?');
    expect(platform.navigations).toEqual([]);
  });
});

describe('login machine: back from the OAuth provider', () => {
  const back = (type: string) => `http://localhost:3000/?stytch_token_type=${type}&token=t-1`;

  it('signs in with an oauth token', async () => {
    const answer = fixtureAuthenticateResponse();
    const { login } = setup(OAUTH, { 'POST /b2b/oauth/authenticate': answer }, back('oauth'));
    await login.start();
    expect(login.getState()).toMatchObject({ step: 'signed-in', member: answer.member });
  });

  it('shows the organization chooser for a discovery_oauth token', async () => {
    const found = fixtureDiscoveryResponse();
    const { login, steps } = setup(OAUTH, { 'POST /b2b/oauth/discovery/authenticate': found }, back('discovery_oauth'));
    await login.start();
    expect(steps[0]).toMatchObject({ step: 'authenticating' });
    expect(login.getState()).toEqual({
      step: 'choose-organization',
      email: found.email_address,
      organizations: found.discovered_organizations,
      busyOrganizationId: null,
      error: null,
      flow: null,
    });
  });

  it('enters the only organization at once under directLoginForSingleMembership', async () => {
    const only = fixtureDiscoveredOrganization();
    const { login, transport } = setup(
      {
        ...OAUTH,
        directLoginForSingleMembership: { status: true, ignoreInvites: false, ignoreJitProvisioning: false },
      },
      {
        'POST /b2b/oauth/discovery/authenticate': fixtureDiscoveryResponse({ discovered_organizations: [only] }),
        'POST /b2b/discovery/intermediate_sessions/exchange': fixtureAuthenticateResponse(),
      },
      back('discovery_oauth'),
    );
    await login.start();
    expect(login.getState().step).toBe('signed-in');
    expect(transport.requests.at(-1)!.body).toMatchObject({ organization_id: only.organization.organization_id });
  });

  it("shows the provider's refusal (stytch_error) in words, as an error the words table knows", async () => {
    const { login } = setup(OAUTH, {}, 'http://localhost:3000/?stytch_error=oauth_email_unverified');
    await login.start();
    const state = login.getState();
    expect(state.step).toBe('error');
    expect(state.step === 'error' && isOrgAuthApiError(state.error)).toBe(true);
    expect(state).toMatchObject({ error: { errorType: 'oauth_email_unverified' } });
  });
});

describe('login machine: email with oauth offered first', () => {
  it('sends by the first email product, not by oauth', async () => {
    const { login, transport } = setup(
      { products: ['oauth', 'emailOtp'], oauthOptions: { providers: ['google'] } },
      { 'POST /b2b/otps/email/discovery/send': { request_id: 'r', status_code: 200 } },
    );
    await login.submitEmail('ada@acme.test');
    expect(transport.requests.map(({ path }) => path)).toEqual(['/b2b/otps/email/discovery/send']);
    expect(login.getState()).toMatchObject({ step: 'email-sent', method: 'emailOtp' });
  });
});

import { describe, expect, it } from 'vitest';
import { isOrgAuthApiError } from '../errors.js';
import { pkceChallenge } from '../pkce.js';
import { OAUTH_PROVIDERS } from '../protocol/oauth-types.js';
import {
  fixtureAuthenticateResponse,
  fixtureBootstrapResponse,
  fixtureDiscoveryResponse,
} from '../testing/fixtures.js';
import { fixtureErrorEnvelope } from '../testing/scripted-transport.js';
import { createTestClient, type TestClientOptions } from '../testing/test-client.js';

const PUBLIC_TOKEN = 'public-token-test-00000000-0000-4000-8000-000000000000';
const PKCE_KEY = `stytch_sdk_state_${PUBLIC_TOKEN}::PKCE_VERIFIER:oauth`;
const BOOTSTRAP = `GET /projects/bootstrap/${PUBLIC_TOKEN}`;
const AUTH = 'POST /b2b/oauth/authenticate';
const DISCOVERY_AUTH = 'POST /b2b/oauth/discovery/authenticate';
const ORGANIZATION = 'organization-test-00000000-0000-4000-8000-000000000001';
const REDIRECTS = {
  login: 'http://localhost:3000/login',
  signup: 'http://localhost:3000/signup',
  discovery: 'http://localhost:3000/discover',
};

/** A client whose server's bootstrap answers these OAuth settings. */
const clientWith = (
  bootstrap: { cname_domain?: string | null; pkce_required_for_oauth?: boolean } = {},
  opts: TestClientOptions = {},
) =>
  createTestClient({
    ...opts,
    replies: { [BOOTSTRAP]: fixtureBootstrapResponse(bootstrap), ...opts.replies },
  });

const storedPair = (storage: Map<string, string>) =>
  JSON.parse(storage.get(PKCE_KEY)!) as { code_verifier: string; code_challenge: string };
const split = (url: string) => {
  const parsed = new URL(url);
  return { at: parsed.origin + parsed.pathname, query: [...parsed.searchParams] };
};

describe('oauth.<provider>.start', () => {
  it('navigates to the provider start with exactly the protocol query, in its order, and a new challenge', async () => {
    const { client, platform } = clientWith({}, { options: { redirectUrls: REDIRECTS } });
    const url = await client.oauth.google.start({
      organization_id: ORGANIZATION,
      organization_slug: 'acme',
      custom_scopes: ['https://www.googleapis.com/auth/calendar.readonly', 'openid'],
      provider_params: { prompt: 'select_account', login_hint: 'ada@acme.test' },
    });
    const pair = storedPair(platform.storageMap);
    expect(platform.navigations).toEqual([url]);
    expect(split(url)).toEqual({
      at: 'http://localhost:3000/v1/b2b/public/oauth/google/start',
      query: [
        ['public_token', PUBLIC_TOKEN],
        ['organization_id', ORGANIZATION],
        ['slug', 'acme'],
        ['custom_scopes', 'https://www.googleapis.com/auth/calendar.readonly openid'],
        ['provider_prompt', 'select_account'],
        ['provider_login_hint', 'ada@acme.test'],
        ['pkce_code_challenge', pair.code_challenge],
        ['login_redirect_url', REDIRECTS.login],
        ['signup_redirect_url', REDIRECTS.signup],
      ],
    });
    expect(pair.code_challenge).toBe(await pkceChallenge(pair.code_verifier, platform.sha256));
  });

  it('builds every provider alike, and leaves out what is empty (the server then uses its defaults)', async () => {
    const { client } = clientWith();
    for (const provider of OAUTH_PROVIDERS) {
      const { at, query } = split(await client.oauth[provider].start({ organization_slug: 'acme', custom_scopes: [] }));
      expect(at).toBe(`http://localhost:3000/v1/b2b/public/oauth/${provider}/start`);
      expect(query.map(([name]) => name)).toEqual(['public_token', 'slug', 'pkce_code_challenge']);
    }
  });

  it('lets explicit redirect URLs win over the client defaults', async () => {
    const { client } = clientWith({}, { options: { redirectUrls: REDIRECTS } });
    const url = new URL(
      await client.oauth.github.start({
        organization_id: ORGANIZATION,
        login_redirect_url: 'http://localhost:3000/other',
        signup_redirect_url: 'http://localhost:3000/welcome',
      }),
    );
    expect(url.searchParams.get('login_redirect_url')).toBe('http://localhost:3000/other');
    expect(url.searchParams.get('signup_redirect_url')).toBe('http://localhost:3000/welcome');
  });

  it("starts on https://<cname_domain> when the bootstrap names one, else on the API's origin", async () => {
    const { client } = clientWith({ cname_domain: 'login.acme.test' });
    const url = await client.oauth.microsoft.start({ organization_id: ORGANIZATION });
    expect(split(url).at).toBe('https://login.acme.test/v1/b2b/public/oauth/microsoft/start');
    const { client: plain } = clientWith({ cname_domain: '' });
    expect(split(await plain.oauth.microsoft.start({ organization_id: ORGANIZATION })).at).toBe(
      'http://localhost:3000/v1/b2b/public/oauth/microsoft/start',
    );
  });

  it('uses a new PKCE pair on every start, so an abandoned challenge is never reused', async () => {
    const { client, platform } = clientWith();
    const challenge = async () =>
      new URL(await client.oauth.slack.start({ organization_id: ORGANIZATION })).searchParams.get(
        'pkce_code_challenge',
      );
    const first = await challenge();
    const second = await challenge();
    expect(first).not.toBe(second);
    expect(storedPair(platform.storageMap).code_challenge).toBe(second);
  });

  it('sends no challenge and clears a stored pair when the project does not require PKCE for OAuth', async () => {
    const { client, platform } = clientWith({ pkce_required_for_oauth: false });
    platform.storageMap.set(PKCE_KEY, JSON.stringify({ code_challenge: 'c', code_verifier: 'v'.repeat(43) }));
    const url = new URL(await client.oauth.hubspot.start({ organization_id: ORGANIZATION }));
    expect(url.searchParams.has('pkce_code_challenge')).toBe(false);
    expect(platform.storageMap.has(PKCE_KEY)).toBe(false);
  });

  it('does not navigate when beforeNavigate returns false, but still stores the pair', async () => {
    const { client, platform } = clientWith();
    const seen: string[] = [];
    const url = await client.oauth.google.start({
      organization_id: ORGANIZATION,
      beforeNavigate: (u) => {
        seen.push(u);
        return false;
      },
    });
    expect(seen).toEqual([url]);
    expect(platform.navigations).toEqual([]);
    expect(storedPair(platform.storageMap).code_challenge).toBe(new URL(url).searchParams.get('pkce_code_challenge'));
  });

  it('rejects without navigating when the bootstrap cannot be read', async () => {
    const { client, platform } = createTestClient({ replies: { [BOOTSTRAP]: { status: 500, body: 'down' } } });
    await expect(client.oauth.google.start({ organization_id: ORGANIZATION })).rejects.toMatchObject({
      code: 'network_error',
    });
    expect(platform.navigations).toEqual([]);
  });
});

describe('oauth.<provider>.discovery.start', () => {
  it('navigates to the discovery start with the public token, scopes, params, challenge and discovery URL', async () => {
    const { client, platform } = clientWith({}, { options: { redirectUrls: REDIRECTS } });
    const url = await client.oauth.microsoft.discovery.start({
      custom_scopes: ['User.Read'],
      provider_params: { domain_hint: 'acme.test' },
    });
    expect(platform.navigations).toEqual([url]);
    expect(split(url)).toEqual({
      at: 'http://localhost:3000/v1/b2b/public/oauth/microsoft/discovery/start',
      query: [
        ['public_token', PUBLIC_TOKEN],
        ['custom_scopes', 'User.Read'],
        ['provider_domain_hint', 'acme.test'],
        ['pkce_code_challenge', storedPair(platform.storageMap).code_challenge],
        ['discovery_redirect_url', REDIRECTS.discovery],
      ],
    });
  });

  it('takes an explicit discovery URL and the cname host, without options at all too', async () => {
    const { client } = clientWith({ cname_domain: 'login.acme.test' });
    expect(split(await client.oauth.google.discovery.start()).at).toBe(
      'https://login.acme.test/v1/b2b/public/oauth/google/discovery/start',
    );
    const url = new URL(
      await client.oauth.google.discovery.start({ discovery_redirect_url: 'http://localhost:3000/d' }),
    );
    expect(url.searchParams.get('discovery_redirect_url')).toBe('http://localhost:3000/d');
  });
});

describe('oauth.authenticate', () => {
  it("sends the token, session length, locale and this browser's verifier; signs in and forgets the pair", async () => {
    const { client, transport, platform } = clientWith({}, { replies: { [AUTH]: fixtureAuthenticateResponse() } });
    await client.oauth.google.start({ organization_id: ORGANIZATION });
    const { code_verifier } = storedPair(platform.storageMap);
    await client.oauth.authenticate({ oauth_token: 'oauth-token', locale: 'fr' });
    expect(transport.requests.at(-1)!.body).toEqual({
      oauth_token: 'oauth-token',
      session_duration_minutes: 60,
      locale: 'fr',
      pkce_code_verifier: code_verifier,
    });
    expect(client.store.getState().status).toBe('signed-in');
    expect(platform.cookies.get('stytch_session')).toBe('session-token-test-fixture');
    expect(platform.storageMap.has(PKCE_KEY)).toBe(false);
  });

  it('sends no verifier when this browser holds no pair (the server decides)', async () => {
    const { client, transport } = clientWith({}, { replies: { [AUTH]: fixtureAuthenticateResponse() } });
    await client.oauth.authenticate({ oauth_token: 't', session_duration_minutes: 30 });
    expect(transport.requests[0]!.body).toEqual({ oauth_token: 't', session_duration_minutes: 30 });
  });

  it('keeps the pair when the server refuses, so a retry in this browser can still prove it', async () => {
    const { client, platform } = clientWith({}, { replies: { [AUTH]: fixtureErrorEnvelope('pkce_mismatch', 400) } });
    await client.oauth.google.start({ organization_id: ORGANIZATION });
    await expect(client.oauth.authenticate({ oauth_token: 't' })).rejects.toSatisfy((e) =>
      isOrgAuthApiError(e, 'pkce_mismatch'),
    );
    expect(platform.storageMap.has(PKCE_KEY)).toBe(true);
    expect(client.store.getState().status).toBe('signed-out');
  });
});

describe('oauth.discovery.authenticate', () => {
  it('sends the token and verifier, keeps the intermediate session and forgets the pair', async () => {
    const response = fixtureDiscoveryResponse();
    const { client, transport, platform } = clientWith({}, { replies: { [DISCOVERY_AUTH]: response } });
    await client.oauth.google.discovery.start();
    const { code_verifier } = storedPair(platform.storageMap);
    await expect(client.oauth.discovery.authenticate({ discovery_oauth_token: 'd-token' })).resolves.toMatchObject({
      intermediate_session_token: response.intermediate_session_token,
    });
    expect(transport.requests.at(-1)!.body).toEqual({
      discovery_oauth_token: 'd-token',
      pkce_code_verifier: code_verifier,
    });
    expect(platform.cookies.get('stytch_intermediate_session_token')).toBe(response.intermediate_session_token);
    expect(client.store.getState()).toMatchObject({
      status: 'intermediate',
      emailAddress: response.email_address,
      discoveredOrganizations: response.discovered_organizations,
    });
    expect(platform.storageMap.has(PKCE_KEY)).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { isOrgAuthApiError, isOrgAuthError } from '../errors.js';
import { pkceChallenge } from '../pkce.js';
import { fixtureAuthenticateResponse } from '../testing/fixtures.js';
import { fixtureErrorEnvelope } from '../testing/scripted-transport.js';
import { createTestClient } from '../testing/test-client.js';

const PUBLIC_TOKEN = 'public-token-test-00000000-0000-4000-8000-000000000000';
const PKCE_KEY = `stytch_sdk_state_${PUBLIC_TOKEN}::PKCE_VERIFIER:sso`;
const AUTH = 'POST /b2b/sso/authenticate';
const CONNECTION = 'saml-connection-test-00000000-0000-4000-8000-000000000001';

const storedPair = (storage: Map<string, string>) =>
  JSON.parse(storage.get(PKCE_KEY)!) as { code_verifier: string; code_challenge: string };

describe('sso.start', () => {
  it('navigates to /v1/public/sso/start with the public token, connection, redirect URLs and a new challenge', async () => {
    const { client, platform } = createTestClient({
      options: {
        redirectUrls: {
          login: 'http://localhost:3000/login',
          signup: 'http://localhost:3000/signup',
          discovery: 'http://localhost:3000/d',
        },
      },
    });
    const url = await client.sso.start({ connection_id: CONNECTION });
    const pair = storedPair(platform.storageMap);
    expect(platform.navigations).toEqual([url]);
    const parsed = new URL(url);
    expect(parsed.origin + parsed.pathname).toBe('http://localhost:3000/v1/public/sso/start');
    expect(Object.fromEntries(parsed.searchParams)).toEqual({
      public_token: PUBLIC_TOKEN,
      connection_id: CONNECTION,
      pkce_code_challenge: pair.code_challenge,
      login_redirect_url: 'http://localhost:3000/login',
      signup_redirect_url: 'http://localhost:3000/signup',
    });
    expect(pair.code_challenge).toBe(await pkceChallenge(pair.code_verifier, platform.sha256));
  });

  it('uses a new PKCE pair on every start, so an abandoned challenge is never reused', async () => {
    const { client, platform } = createTestClient();
    const first = new URL(await client.sso.start({ connection_id: CONNECTION })).searchParams.get(
      'pkce_code_challenge',
    );
    const second = new URL(await client.sso.start({ connection_id: CONNECTION })).searchParams.get(
      'pkce_code_challenge',
    );
    expect(first).not.toBe(second);
    expect(storedPair(platform.storageMap).code_challenge).toBe(second);
  });

  it('lets explicit redirect URLs win and omits them when none is configured', async () => {
    const { client } = createTestClient({ options: { redirectUrls: { login: 'http://localhost:3000/login' } } });
    const url = new URL(
      await client.sso.start({ connection_id: CONNECTION, login_redirect_url: 'http://localhost:3000/other' }),
    );
    expect(url.searchParams.get('login_redirect_url')).toBe('http://localhost:3000/other');
    expect(url.searchParams.has('signup_redirect_url')).toBe(false);
  });

  it('does not navigate when beforeNavigate returns false, but still stores the pair', async () => {
    const { client, platform } = createTestClient();
    const seen: string[] = [];
    const url = await client.sso.start({
      connection_id: CONNECTION,
      beforeNavigate: (u) => {
        seen.push(u);
        return false;
      },
    });
    expect(seen).toEqual([url]);
    expect(platform.navigations).toEqual([]);
    expect(platform.storageMap.has(PKCE_KEY)).toBe(true);
  });
});

describe('sso.authenticate', () => {
  it('sends the token, the default session length and the stored verifier; signs in and forgets the pair', async () => {
    const { client, transport, platform } = createTestClient({ replies: { [AUTH]: fixtureAuthenticateResponse() } });
    await client.sso.start({ connection_id: CONNECTION });
    const { code_verifier } = storedPair(platform.storageMap);
    await client.sso.authenticate({ sso_token: 'sso-token' });
    expect(transport.requests[0]!.body).toEqual({
      sso_token: 'sso-token',
      session_duration_minutes: 60,
      pkce_code_verifier: code_verifier,
    });
    expect(client.store.getState().status).toBe('signed-in');
    expect(platform.storageMap.has(PKCE_KEY)).toBe(false);
  });

  it('refuses an sso token when this browser holds no verifier: no request, so the token stays unspent', async () => {
    const { client, transport, platform } = createTestClient({ replies: { [AUTH]: fixtureAuthenticateResponse() } });
    const error = await client.sso.authenticate({ sso_token: 'sso-token-of-another-browser' }).catch((e: unknown) => e);
    expect(isOrgAuthError(error, 'no_pkce_verifier')).toBe(true);
    expect(transport.requests).toEqual([]);
    expect(platform.fetches).toEqual([]);
    expect(client.store.getState().status).toBe('signed-out');
  });

  it('keeps the pair when the server refuses (a retry in this browser can still prove it)', async () => {
    const { client, platform } = createTestClient({ replies: { [AUTH]: fixtureErrorEnvelope('pkce_mismatch', 400) } });
    await client.sso.start({ connection_id: CONNECTION });
    await expect(client.sso.authenticate({ sso_token: 't', session_duration_minutes: 30 })).rejects.toSatisfy((e) =>
      isOrgAuthApiError(e, 'pkce_mismatch'),
    );
    expect(platform.storageMap.has(PKCE_KEY)).toBe(true);
    expect(client.store.getState().status).toBe('signed-out');
  });
});

describe('sso.discoverConnections', () => {
  it('asks for the connections of the email, encoded in the query', async () => {
    const connections = [{ connection_id: CONNECTION, display_name: 'Okta', identity_provider: 'okta' }];
    const { client, transport } = createTestClient({
      replies: { 'GET /b2b/sso/discovery/connections': { request_id: 'r', status_code: 200, connections } },
    });
    await expect(client.sso.discoverConnections('ada+x@acme.test')).resolves.toMatchObject({ connections });
    const request = transport.requests[0]!;
    expect(request.method).toBe('GET');
    expect(request.body).toBeUndefined();
    // The scripted transport keys on the path; the query travels in the URL the platform fetched.
    expect(request.path).toBe('/b2b/sso/discovery/connections');
  });

  it('encodes the email so it cannot add query parameters', async () => {
    const { client, platform } = createTestClient();
    const urls: string[] = [];
    // The platform's fetch is read at call time: record the URL the transport builds.
    platform.fetch = async (input) => {
      urls.push(input instanceof Request ? input.url : String(input));
      return new Response(JSON.stringify({ data: { request_id: 'r', status_code: 200, connections: [] } }), {
        status: 200,
      });
    };
    await client.sso.discoverConnections('a@b.test&public_token=x');
    const url = new URL(urls[0]!);
    expect(url.searchParams.get('email_address')).toBe('a@b.test&public_token=x');
    expect(url.searchParams.has('public_token')).toBe(false);
  });
});

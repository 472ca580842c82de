import { describe, expect, it } from 'vitest';
import { isOrgAuthApiError } from './errors.js';
import { fixtureAuthenticateResponse, fixtureDiscoveryResponse } from './testing/fixtures.js';
import { fixtureErrorEnvelope } from './testing/scripted-transport.js';
import { createTestClient } from './testing/test-client.js';

const PUBLIC_TOKEN = 'public-token-test-00000000-0000-4000-8000-000000000000';
const PKCE_KEY = `stytch_sdk_state_${PUBLIC_TOKEN}::PKCE_VERIFIER:oauth`;
const PAIR = { code_challenge: 'challenge', code_verifier: 'v'.repeat(64) };
const AUTH = 'POST /b2b/oauth/authenticate';
const DISCOVERY_AUTH = 'POST /b2b/oauth/discovery/authenticate';
const at = (type: string, token: string) =>
  `http://localhost:3000/authenticate?next=%2Fhome&stytch_token_type=${type}&token=${token}`;

describe('authenticateByUrl with OAuth tokens', () => {
  it('signs in with an oauth token: verifier and session length sent, token out of the address bar first', async () => {
    const { client, transport, platform } = createTestClient({
      href: at('oauth', 'oauth-1'),
      replies: { [AUTH]: fixtureAuthenticateResponse() },
    });
    platform.storageMap.set(PKCE_KEY, JSON.stringify(PAIR));
    const result = await client.authenticateByUrl({ session_duration_minutes: 90 });
    expect(result).toMatchObject({ handled: true, tokenType: 'oauth', data: { member_session: {} } });
    expect(transport.requests.map(({ path, body }) => ({ path, body }))).toEqual([
      {
        path: '/b2b/oauth/authenticate',
        body: { oauth_token: 'oauth-1', session_duration_minutes: 90, pkce_code_verifier: PAIR.code_verifier },
      },
    ]);
    expect(platform.fetches[0]!.href).toBe('http://localhost:3000/authenticate?next=%2Fhome');
    expect(client.store.getState().status).toBe('signed-in');
    expect(platform.storageMap.has(PKCE_KEY)).toBe(false);
  });

  it('takes a discovery_oauth token to the intermediate session and the organizations found', async () => {
    const response = fixtureDiscoveryResponse();
    const { client, transport, platform } = createTestClient({
      href: at('discovery_oauth', 'd-1'),
      replies: { [DISCOVERY_AUTH]: response },
    });
    platform.storageMap.set(PKCE_KEY, JSON.stringify(PAIR));
    await expect(client.authenticateByUrl()).resolves.toMatchObject({
      handled: true,
      tokenType: 'discovery_oauth',
      data: { discovered_organizations: response.discovered_organizations },
    });
    expect(transport.requests[0]!.body).toEqual({
      discovery_oauth_token: 'd-1',
      pkce_code_verifier: PAIR.code_verifier,
    });
    expect(client.store.getState().status).toBe('intermediate');
    expect(platform.location.href()).toBe('http://localhost:3000/authenticate?next=%2Fhome');
  });

  it('spends each token once when called twice, for both types', async () => {
    for (const [type, key, reply] of [
      ['oauth', AUTH, fixtureAuthenticateResponse()],
      ['discovery_oauth', DISCOVERY_AUTH, fixtureDiscoveryResponse()],
    ] as const) {
      const { client, transport } = createTestClient({ href: at(type, 'once'), replies: { [key]: reply } });
      const [a, b] = await Promise.all([
        client.authenticateByUrl(),
        client.authenticateByUrl({ href: at(type, 'once') }),
      ]);
      expect(a).toBe(b);
      expect(transport.requests).toHaveLength(1);
    }
  });

  it('rejects with the server refusal, the token stripped all the same', async () => {
    const { client, platform } = createTestClient({
      href: at('oauth', 'used'),
      replies: { [AUTH]: fixtureErrorEnvelope('invalid_token', 400) },
    });
    await expect(client.authenticateByUrl()).rejects.toSatisfy((e) => isOrgAuthApiError(e, 'invalid_token'));
    expect(platform.location.href()).toBe('http://localhost:3000/authenticate?next=%2Fhome');
  });

  it('a refused sign-in: the error type and the server’s words leave the address bar together', async () => {
    const href =
      'http://localhost:3000/login?keep=1&stytch_error=oauth_jit_provisioning_not_allowed&stytch_error_description=Ask+an+administrator';
    const { client, transport, platform } = createTestClient({ href });
    const error = await client.authenticateByUrl().catch((e: unknown) => e);
    expect(isOrgAuthApiError(error, 'oauth_jit_provisioning_not_allowed')).toBe(true);
    expect(platform.location.href()).toBe('http://localhost:3000/login?keep=1');
    expect(transport.requests).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { isOrgAuthError } from '../errors.js';
import { fixtureDiscoveryResponse } from '../testing/fixtures.js';
import { createTestClient } from '../testing/test-client.js';

const PUBLIC_TOKEN = 'public-token-test-00000000-0000-4000-8000-000000000000';
const PKCE_KEY = `stytch_sdk_state_${PUBLIC_TOKEN}::PKCE_VERIFIER:sso`;
const CONNECTION = 'saml-connection-test-00000000-0000-4000-8000-000000000001';
const AUTH = 'POST /b2b/sso/discovery/authenticate';
const LINK = 'http://localhost:3000/d?stytch_token_type=discovery_sso&token=dsso-tok';

describe('sso.discovery (docs/wire-protocol.md §2.3a)', () => {
  it('start navigates to /v1/public/sso/discovery/start with the discovery URL and a new sso challenge', async () => {
    const { client, platform } = createTestClient({
      options: { redirectUrls: { login: 'http://localhost:3000/login', discovery: 'http://localhost:3000/d' } },
    });
    const url = new URL(await client.sso.discovery.start({ connection_id: CONNECTION }));
    const pair = JSON.parse(platform.storageMap.get(PKCE_KEY)!) as { code_challenge: string };
    expect(platform.navigations).toEqual([url.href]);
    expect(url.origin + url.pathname).toBe('http://localhost:3000/v1/public/sso/discovery/start');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      public_token: PUBLIC_TOKEN,
      connection_id: CONNECTION,
      pkce_code_challenge: pair.code_challenge,
      discovery_redirect_url: 'http://localhost:3000/d',
    });
    const explicit = await client.sso.discovery.start({
      connection_id: CONNECTION,
      discovery_redirect_url: 'http://localhost:3000/other',
      beforeNavigate: () => false,
    });
    expect(new URL(explicit).searchParams.get('discovery_redirect_url')).toBe('http://localhost:3000/other');
    expect(platform.navigations).toHaveLength(1);
  });

  it('authenticate sends the verifier, keeps the intermediate session and forgets the pair', async () => {
    const { client, transport, platform } = createTestClient({ replies: { [AUTH]: fixtureDiscoveryResponse() } });
    platform.storageMap.set(PKCE_KEY, JSON.stringify({ code_challenge: 'c', code_verifier: 'v'.repeat(64) }));
    const data = await client.sso.discovery.authenticate({ discovery_sso_token: 'dsso-tok' });
    expect(data.email_address).toBe('ada@acme.test');
    expect(transport.requests[0]!.body).toEqual({
      discovery_sso_token: 'dsso-tok',
      pkce_code_verifier: 'v'.repeat(64),
    });
    expect(client.store.getState().status).toBe('intermediate');
    expect(platform.storageMap.has(PKCE_KEY)).toBe(false);
  });

  it('authenticate without this browser’s verifier sends nothing', async () => {
    const { client, transport } = createTestClient({ replies: { [AUTH]: fixtureDiscoveryResponse() } });
    const error = await client.sso.discovery.authenticate({ discovery_sso_token: 'dsso-tok' }).catch((e) => e);
    expect(isOrgAuthError(error) && error.code).toBe('no_pkce_verifier');
    expect(transport.requests).toEqual([]);
  });

  it('authenticateByUrl spends a discovery_sso token once and strips it', async () => {
    const { client, transport, platform } = createTestClient({
      href: LINK,
      replies: { [AUTH]: fixtureDiscoveryResponse() },
    });
    platform.storageMap.set(PKCE_KEY, JSON.stringify({ code_challenge: 'c', code_verifier: 'v'.repeat(64) }));
    const [first, second] = await Promise.all([client.authenticateByUrl(), client.authenticateByUrl()]);
    expect(first).toMatchObject({
      handled: true,
      tokenType: 'discovery_sso',
      data: { email_address: 'ada@acme.test' },
    });
    expect(second).toBe(first);
    expect(transport.requests).toHaveLength(1);
    expect(platform.location.href()).toBe('http://localhost:3000/d');
  });
});

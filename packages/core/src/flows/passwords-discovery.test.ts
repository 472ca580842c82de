import { describe, expect, it } from 'vitest';
import { fixtureBootstrapResponse, fixtureDiscoveryResponse } from '../testing/fixtures.js';
import { createTestClient } from '../testing/test-client.js';

const PK = 'public-token-test-00000000-0000-4000-8000-000000000000';
const PAIR_KEY = `stytch_sdk_state_${PK}::PKCE_VERIFIER:passwords`;
const EMAIL = 'ada@acme.test';
const discovery = () => ({ ...fixtureDiscoveryResponse(), organization_id_hint: null });

describe('passwords.discovery', () => {
  it('authenticate proves the email: the intermediate state with the organizations found', async () => {
    const { client, transport, platform } = createTestClient({
      replies: { 'POST /b2b/passwords/discovery/authenticate': discovery() },
    });
    const response = await client.passwords.discovery.authenticate({ email_address: EMAIL, password: 'pw' });
    expect(transport.requests.at(-1)!.body).toEqual({ email_address: EMAIL, password: 'pw' });
    expect(platform.cookies.get('stytch_intermediate_session_token')).toBe(response.intermediate_session_token);
    expect(client.store.getState()).toEqual({
      status: 'intermediate',
      emailAddress: EMAIL,
      discoveredOrganizations: response.discovered_organizations,
    });
  });

  it('PKCE with the prefix: pkce_code_challenge on start, pkce_code_verifier + IST on reset, pair cleared', async () => {
    const { client, transport, platform } = createTestClient({
      options: { redirectUrls: { discovery: 'https://app.test/discover' } },
      replies: {
        [`GET /projects/bootstrap/${PK}`]: fixtureBootstrapResponse({ pkce_required_for_password_resets: true }),
        'POST /b2b/passwords/discovery/reset/start': { request_id: 'r', status_code: 200 },
        'POST /b2b/passwords/discovery/authenticate': discovery(),
        'POST /b2b/passwords/discovery/reset': discovery(),
      },
    });
    await client.passwords.discovery.resetByEmailStart({ email_address: EMAIL, reset_password_expiration_minutes: 15 });
    const pair = JSON.parse(platform.storage.get(PAIR_KEY)!) as { code_challenge: string; code_verifier: string };
    expect(transport.requests.at(-1)!.body).toEqual({
      email_address: EMAIL,
      reset_password_expiration_minutes: 15,
      discovery_redirect_url: 'https://app.test/discover',
      pkce_code_challenge: pair.code_challenge,
    });
    // Discovery authenticate sends `code_verifier` (no prefix) and keeps the pair.
    await client.passwords.discovery.authenticate({ email_address: EMAIL, password: 'pw' });
    expect(transport.requests.at(-1)!.body).toEqual({
      email_address: EMAIL,
      password: 'pw',
      code_verifier: pair.code_verifier,
    });
    await client.passwords.discovery.resetByEmail({ password_reset_token: 'tok', password: 'new pw' });
    expect(transport.requests.at(-1)!.body).toEqual({
      password_reset_token: 'tok',
      password: 'new pw',
      pkce_code_verifier: pair.code_verifier,
      intermediate_session_token: 'intermediate-session-token-test-fixture',
    });
    expect(platform.storage.get(PAIR_KEY)).toBeNull();
    expect(client.store.getState().status).toBe('intermediate');
  });
});

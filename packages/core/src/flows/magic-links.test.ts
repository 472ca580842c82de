import { describe, expect, it } from 'vitest';
import { isOrgAuthApiError } from '../errors.js';
import { pkceChallenge } from '../pkce.js';
import { fixtureDiscoveryResponse } from '../testing/fixtures.js';
import { fixtureErrorEnvelope } from '../testing/scripted-transport.js';
import { createTestClient } from '../testing/test-client.js';

const PKCE_KEY = 'stytch_sdk_state_public-token-test-00000000-0000-4000-8000-000000000000::PKCE_VERIFIER:magic_links';

describe('magic links (discovery)', () => {
  it('sends a PKCE challenge and the configured redirect URL, reusing the pair on resend', async () => {
    const { client, transport, platform } = createTestClient({
      options: { redirectUrls: { discovery: 'http://localhost:3000/authenticate' } },
      replies: { 'POST /b2b/magic_links/email/discovery/send': { request_id: 'r', status_code: 200 } },
    });
    await client.magicLinks.email.discovery.send({ email_address: 'ada@acme.test' });
    await client.magicLinks.email.discovery.send({
      email_address: 'ada@acme.test',
      discovery_redirect_url: 'http://localhost:3000/other',
    });
    const [first, second] = transport.requests.map((r) => r.body as Record<string, string>);
    const pair = JSON.parse(platform.storageMap.get(PKCE_KEY)!) as { code_verifier: string; code_challenge: string };
    expect(first).toEqual({
      email_address: 'ada@acme.test',
      pkce_code_challenge: pair.code_challenge,
      discovery_redirect_url: 'http://localhost:3000/authenticate',
    });
    expect(second!.pkce_code_challenge).toBe(pair.code_challenge);
    expect(second!.discovery_redirect_url).toBe('http://localhost:3000/other');
    expect(pair.code_challenge).toBe(await pkceChallenge(pair.code_verifier, platform.sha256));
  });

  it('omits the redirect URL when none is configured', async () => {
    const { client, transport } = createTestClient({ replies: { 'POST /b2b/magic_links/email/discovery/send': {} } });
    await client.magicLinks.email.discovery.send({ email_address: 'ada@acme.test' });
    expect(transport.requests[0]!.body).not.toHaveProperty('discovery_redirect_url');
  });

  it('authenticates with the stored verifier, then forgets the pair and stores the IST', async () => {
    const { client, transport, platform } = createTestClient({
      replies: {
        'POST /b2b/magic_links/email/discovery/send': {},
        'POST /b2b/magic_links/discovery/authenticate': fixtureDiscoveryResponse(),
      },
    });
    await client.magicLinks.email.discovery.send({ email_address: 'ada@acme.test' });
    const { code_verifier } = JSON.parse(platform.storageMap.get(PKCE_KEY)!) as { code_verifier: string };
    const response = await client.magicLinks.discovery.authenticate({ discovery_magic_links_token: 'tok' });
    expect(transport.requests[1]!.body).toEqual({
      discovery_magic_links_token: 'tok',
      pkce_code_verifier: code_verifier,
    });
    expect(platform.storageMap.has(PKCE_KEY)).toBe(false);
    expect(platform.cookies.get('stytch_intermediate_session_token')).toBe(response.intermediate_session_token);
    expect(client.store.getState()).toEqual({
      status: 'intermediate',
      emailAddress: 'ada@acme.test',
      discoveredOrganizations: response.discovered_organizations,
    });
  });

  it('keeps the pair when authenticate fails, and sends no verifier when there is none', async () => {
    const { client, transport, platform } = createTestClient({
      replies: {
        'POST /b2b/magic_links/email/discovery/send': {},
        'POST /b2b/magic_links/discovery/authenticate': fixtureErrorEnvelope('pkce_mismatch', 400),
      },
    });
    await expect(client.magicLinks.discovery.authenticate({ discovery_magic_links_token: 'tok' })).rejects.toSatisfy(
      (e) => isOrgAuthApiError(e, 'pkce_mismatch'),
    );
    expect(transport.requests[0]!.body).toEqual({ discovery_magic_links_token: 'tok' });
    await client.magicLinks.email.discovery.send({ email_address: 'ada@acme.test' });
    await expect(client.magicLinks.discovery.authenticate({ discovery_magic_links_token: 'tok' })).rejects.toThrow();
    expect(platform.storageMap.has(PKCE_KEY)).toBe(true);
    expect(client.store.getState()).toEqual({ status: 'signed-out' });
  });
});

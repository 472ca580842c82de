import { describe, expect, it } from 'vitest';
import { isOrgAuthApiError } from '../errors.js';
import { pkceChallenge } from '../pkce.js';
import { fixtureAuthenticateResponse, fixtureDiscoveryResponse } from '../testing/fixtures.js';
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

  it('omits the redirect URL when none is configured, and passes the template, locale and expiry', async () => {
    const { client, transport } = createTestClient({ replies: { 'POST /b2b/magic_links/email/discovery/send': {} } });
    await client.magicLinks.email.discovery.send({
      email_address: 'ada@acme.test',
      login_template_id: 'tpl',
      locale: 'es',
      discovery_expiration_minutes: 15,
    });
    expect(transport.requests[0]!.body).toEqual({
      email_address: 'ada@acme.test',
      login_template_id: 'tpl',
      locale: 'es',
      discovery_expiration_minutes: 15,
      pkce_code_challenge: expect.any(String),
    });
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

const ORG = 'organization-test-00000000-0000-4000-8000-000000000001';

describe('magic links (organization)', () => {
  it('loginOrSignup sends a PKCE challenge, Stytch options and the configured redirect URLs', async () => {
    const { client, transport, platform } = createTestClient({
      options: { redirectUrls: { login: 'http://localhost:3000/in', signup: 'http://localhost:3000/up' } },
      replies: { 'POST /b2b/magic_links/email/login_or_signup': { request_id: 'r', status_code: 200 } },
    });
    await client.magicLinks.email.loginOrSignup({
      organization_id: ORG,
      email_address: 'ada@acme.test',
      login_template_id: 'tpl',
      locale: 'pt-br',
      signup_expiration_minutes: 30,
    });
    await client.magicLinks.email.loginOrSignup({
      organization_id: ORG,
      email_address: 'ada@acme.test',
      login_redirect_url: 'http://localhost:3000/other',
    });
    const [first, second] = transport.requests.map((r) => r.body as Record<string, unknown>);
    const pair = JSON.parse(platform.storageMap.get(PKCE_KEY)!) as { code_verifier: string; code_challenge: string };
    expect(transport.requests[0]!.path).toBe('/b2b/magic_links/email/login_or_signup');
    expect(first).toEqual({
      organization_id: ORG,
      email_address: 'ada@acme.test',
      login_template_id: 'tpl',
      locale: 'pt-br',
      signup_expiration_minutes: 30,
      pkce_code_challenge: pair.code_challenge,
      login_redirect_url: 'http://localhost:3000/in',
      signup_redirect_url: 'http://localhost:3000/up',
    });
    // A resend keeps the pair, so the first mail's link stays usable in this browser.
    expect(second!.pkce_code_challenge).toBe(pair.code_challenge);
    expect(second!.login_redirect_url).toBe('http://localhost:3000/other');
  });

  it('loginOrSignup omits redirect URLs when none is configured', async () => {
    const { client, transport } = createTestClient({
      replies: { 'POST /b2b/magic_links/email/login_or_signup': {} },
    });
    await client.magicLinks.email.loginOrSignup({ organization_id: ORG, email_address: 'ada@acme.test' });
    expect(Object.keys(transport.requests[0]!.body as object).sort()).toEqual([
      'email_address',
      'organization_id',
      'pkce_code_challenge',
    ]);
  });

  it('authenticate sends the stored verifier, signs in, and forgets the pair', async () => {
    const { client, transport, platform } = createTestClient({
      options: { sessionDurationMinutes: 120 },
      replies: {
        'POST /b2b/magic_links/email/login_or_signup': {},
        'POST /b2b/magic_links/authenticate': { ...fixtureAuthenticateResponse(), method_id: 'email-test-1' },
      },
    });
    await client.magicLinks.email.loginOrSignup({ organization_id: ORG, email_address: 'ada@acme.test' });
    const { code_verifier } = JSON.parse(platform.storageMap.get(PKCE_KEY)!) as { code_verifier: string };
    const response = await client.magicLinks.authenticate({ magic_links_token: 'tok' });
    expect(transport.requests[1]!.body).toEqual({
      magic_links_token: 'tok',
      session_duration_minutes: 120,
      pkce_code_verifier: code_verifier,
    });
    expect(response.method_id).toBe('email-test-1');
    expect(platform.storageMap.has(PKCE_KEY)).toBe(false);
    expect(platform.cookies.get('stytch_session')).toBe('session-token-test-fixture');
    expect(client.store.getState()).toMatchObject({
      status: 'signed-in',
      organization: { organization_name: 'Acme Inc.' },
    });
  });

  it('authenticates an invite link with no verifier in a browser that asked for nothing', async () => {
    const { client, transport } = createTestClient({
      replies: { 'POST /b2b/magic_links/authenticate': fixtureAuthenticateResponse() },
    });
    await client.magicLinks.authenticate({ magic_links_token: 'invite', session_duration_minutes: 30, locale: 'en' });
    expect(transport.requests[0]!.body).toEqual({
      magic_links_token: 'invite',
      session_duration_minutes: 30,
      locale: 'en',
    });
    expect(client.store.getState().status).toBe('signed-in');
  });

  it('keeps the pair and the signed-out state when the link is refused', async () => {
    const { client, platform } = createTestClient({
      replies: {
        'POST /b2b/magic_links/email/login_or_signup': {},
        'POST /b2b/magic_links/authenticate': fixtureErrorEnvelope('magic_link_not_found', 404),
      },
    });
    await client.magicLinks.email.loginOrSignup({ organization_id: ORG, email_address: 'ada@acme.test' });
    await expect(client.magicLinks.authenticate({ magic_links_token: 'used' })).rejects.toSatisfy((e) =>
      isOrgAuthApiError(e, 'magic_link_not_found'),
    );
    expect(platform.storageMap.has(PKCE_KEY)).toBe(true);
    expect(client.store.getState()).toEqual({ status: 'signed-out' });
  });
});

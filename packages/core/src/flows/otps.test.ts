import { describe, expect, it } from 'vitest';
import { isOrgAuthApiError } from '../errors.js';
import { fixtureAuthenticateResponse, fixtureDiscoveryResponse } from '../testing/fixtures.js';
import { fixtureErrorEnvelope } from '../testing/scripted-transport.js';
import { createTestClient } from '../testing/test-client.js';

const ORG = 'organization-test-00000000-0000-4000-8000-000000000001';
const EMAIL = 'ada@acme.test';

describe('email one-time codes', () => {
  it('loginOrSignup and discovery.send post Stytch options as given, with no PKCE', async () => {
    const { client, transport, platform } = createTestClient({
      replies: {
        'POST /b2b/otps/email/login_or_signup': { request_id: 'r', status_code: 200 },
        'POST /b2b/otps/email/discovery/send': { request_id: 'r', status_code: 200 },
      },
    });
    const sent = await client.otps.email.loginOrSignup({
      organization_id: ORG,
      email_address: EMAIL,
      login_template_id: 'tpl-in',
      signup_template_id: 'tpl-up',
      locale: 'es',
      login_expiration_minutes: 5,
      signup_expiration_minutes: 15,
    });
    await client.otps.email.discovery.send({ email_address: EMAIL, locale: 'en', discovery_expiration_minutes: 2 });
    expect(sent).toEqual({ request_id: 'r', status_code: 200 });
    expect(transport.requests.map((r) => [r.method, r.path, r.body])).toEqual([
      [
        'POST',
        '/b2b/otps/email/login_or_signup',
        {
          organization_id: ORG,
          email_address: EMAIL,
          login_template_id: 'tpl-in',
          signup_template_id: 'tpl-up',
          locale: 'es',
          login_expiration_minutes: 5,
          signup_expiration_minutes: 15,
        },
      ],
      [
        'POST',
        '/b2b/otps/email/discovery/send',
        { email_address: EMAIL, locale: 'en', discovery_expiration_minutes: 2 },
      ],
    ]);
    expect([...platform.storageMap.keys()].some((k) => k.includes('PKCE'))).toBe(false);
  });

  it('authenticate signs in to the organization with the client session length by default', async () => {
    const { client, transport, platform } = createTestClient({
      options: { sessionDurationMinutes: 90 },
      replies: { 'POST /b2b/otps/email/authenticate': { ...fixtureAuthenticateResponse(), method_id: 'email-test-1' } },
    });
    const response = await client.otps.email.authenticate({
      code: '012345',
      email_address: EMAIL,
      organization_id: ORG,
    });
    await client.otps.email.authenticate({
      code: '654321',
      email_address: EMAIL,
      organization_id: ORG,
      session_duration_minutes: 30,
      locale: 'en',
    });
    expect(transport.requests.map((r) => r.body)).toEqual([
      { code: '012345', email_address: EMAIL, organization_id: ORG, session_duration_minutes: 90 },
      { code: '654321', email_address: EMAIL, organization_id: ORG, session_duration_minutes: 30, locale: 'en' },
    ]);
    expect(response.method_id).toBe('email-test-1');
    expect(platform.cookies.get('stytch_session')).toBe('session-token-test-fixture');
    expect(client.store.getState()).toMatchObject({ status: 'signed-in', member: { email_address: EMAIL } });
  });

  it('discovery.authenticate leads to the same intermediate state as a discovery link', async () => {
    const { client, transport, platform } = createTestClient({
      replies: { 'POST /b2b/otps/email/discovery/authenticate': fixtureDiscoveryResponse() },
    });
    const response = await client.otps.email.discovery.authenticate({ code: '012345', email_address: EMAIL });
    expect(transport.requests[0]!.body).toEqual({ code: '012345', email_address: EMAIL });
    expect(platform.cookies.get('stytch_intermediate_session_token')).toBe(response.intermediate_session_token);
    expect(client.store.getState()).toEqual({
      status: 'intermediate',
      emailAddress: EMAIL,
      discoveredOrganizations: response.discovered_organizations,
    });
  });

  it('a refused code rejects with the API error and changes no state', async () => {
    const { client, platform } = createTestClient({
      replies: {
        'POST /b2b/otps/email/authenticate': fixtureErrorEnvelope('too_many_requests', 429),
        'POST /b2b/otps/email/discovery/authenticate': fixtureErrorEnvelope('bad_request', 400),
      },
    });
    await expect(
      client.otps.email.authenticate({ code: '000000', email_address: EMAIL, organization_id: ORG }),
    ).rejects.toSatisfy((e) => isOrgAuthApiError(e, 'too_many_requests'));
    await expect(client.otps.email.discovery.authenticate({ code: '000000', email_address: EMAIL })).rejects.toSatisfy(
      (e) => isOrgAuthApiError(e, 'bad_request'),
    );
    expect(client.store.getState()).toEqual({ status: 'signed-out' });
    expect(platform.cookies.get('stytch_session')).toBeUndefined();
    expect(platform.cookies.get('stytch_intermediate_session_token')).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { isOrgAuthError } from '../errors.js';
import {
  fixtureAuthenticateResponse,
  fixtureDiscoveredOrganization,
  fixtureDiscoveryResponse,
  fixtureMember,
  fixtureMemberSession,
  fixtureOrganization,
} from '../testing/fixtures.js';
import { createTestClient } from '../testing/test-client.js';

async function intermediateClient() {
  const test = createTestClient({
    replies: {
      'POST /b2b/magic_links/discovery/authenticate': fixtureDiscoveryResponse({ discovered_organizations: [] }),
    },
  });
  await test.client.magicLinks.discovery.authenticate({ discovery_magic_links_token: 't' });
  return test;
}

describe('discovery', () => {
  it('needs an intermediate session for create and exchange', async () => {
    const { client, transport } = createTestClient();
    for (const call of [
      () => client.discovery.organizations.create({ organization_name: 'Acme', organization_slug: 'acme' }),
      () => client.discovery.intermediateSessions.exchange({ organization_id: 'o' }),
      () => client.discovery.organizations.list(),
    ]) {
      expect(isOrgAuthError(await call().catch((e: unknown) => e), 'no_session')).toBe(true);
    }
    expect(transport.requests).toEqual([]);
  });

  it('lists with the IST and updates the intermediate state', async () => {
    const { client, transport } = await intermediateClient();
    const organizations = [fixtureDiscoveredOrganization()];
    transport.reply('POST /b2b/discovery/organizations', {
      email_address: 'ada@acme.test',
      discovered_organizations: organizations,
      organization_id_hint: null,
    });
    await client.discovery.organizations.list();
    expect(transport.requests[1]!.body).toEqual({
      intermediate_session_token: 'intermediate-session-token-test-fixture',
    });
    expect(client.store.getState()).toMatchObject({ status: 'intermediate', discoveredOrganizations: organizations });
  });

  it('lists with the session when there is no IST, and keeps the signed-in state', async () => {
    const state = {
      status: 'signed-in',
      member: fixtureMember(),
      organization: fixtureOrganization(),
      session: fixtureMemberSession(),
      fromCache: false,
    } as const;
    const response = {
      request_id: 'r',
      status_code: 200,
      email_address: 'ada@acme.test',
      discovered_organizations: [fixtureDiscoveredOrganization()],
      organization_id_hint: null,
    };
    const { client, transport } = createTestClient({
      state,
      replies: { 'POST /b2b/discovery/organizations': response },
    });
    await expect(client.discovery.organizations.list()).resolves.toEqual(response);
    expect(transport.requests[0]!.body).toEqual({});
    expect(transport.requests[0]!.headers.authorization).toBe(
      `Basic ${btoa(`${client.publicToken}:session-token-test-seeded`)}`,
    );
    expect(client.store.getState()).toBe(state);
  });

  it('creates an organization with the IST and default session length, and signs in', async () => {
    const { client, transport, platform } = await intermediateClient();
    const organization = fixtureOrganization({ organization_name: 'Acme', organization_slug: 'acme' });
    transport.reply('POST /b2b/discovery/organizations/create', fixtureAuthenticateResponse({ organization }));
    await client.discovery.organizations.create({ organization_name: 'Acme', organization_slug: 'acme' });
    expect(transport.requests[1]!.body).toEqual({
      intermediate_session_token: 'intermediate-session-token-test-fixture',
      session_duration_minutes: 60,
      organization_name: 'Acme',
      organization_slug: 'acme',
    });
    expect(client.store.getState()).toMatchObject({ status: 'signed-in', organization, fromCache: false });
    expect(platform.cookies.get('stytch_intermediate_session_token')).toBeUndefined();
    expect(client.session.getTokens()).toEqual({
      session_token: 'session-token-test-fixture',
      session_jwt: 'eyJhbGciOiJFUzI1NiJ9.fixture.signature',
    });
  });

  it('exchanges the IST for a session in the chosen organization', async () => {
    const { client, transport } = await intermediateClient();
    transport.reply('POST /b2b/discovery/intermediate_sessions/exchange', fixtureAuthenticateResponse());
    await client.discovery.intermediateSessions.exchange({ organization_id: 'org-1', session_duration_minutes: 30 });
    expect(transport.requests[1]!.body).toEqual({
      intermediate_session_token: 'intermediate-session-token-test-fixture',
      organization_id: 'org-1',
      session_duration_minutes: 30,
    });
    expect(client.store.getState().status).toBe('signed-in');
  });

  it('keeps the intermediate state when the server still requires MFA', async () => {
    const { client, transport, platform } = await intermediateClient();
    const pending = {
      ...fixtureAuthenticateResponse(),
      member_session: null,
      intermediate_session_token: 'ist-mfa',
      session_token: '',
      session_jwt: '',
    };
    transport.reply('POST /b2b/discovery/intermediate_sessions/exchange', pending);
    await client.discovery.intermediateSessions.exchange({ organization_id: 'org-1' });
    expect(client.store.getState()).toMatchObject({ status: 'intermediate', emailAddress: 'ada@acme.test' });
    expect(platform.cookies.get('stytch_intermediate_session_token')).toBe('ist-mfa');
  });
});

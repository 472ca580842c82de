import { describe, expect, it } from 'vitest';
import { isOrgAuthApiError } from '../errors.js';
import {
  fixtureAuthenticateResponse,
  fixtureMember,
  fixtureMemberSession,
  fixtureOrganization,
} from '../testing/fixtures.js';
import { fixtureErrorEnvelope } from '../testing/scripted-transport.js';
import { createTestClient } from '../testing/test-client.js';

const signedIn = {
  status: 'signed-in',
  member: fixtureMember(),
  organization: fixtureOrganization(),
  session: fixtureMemberSession(),
  fromCache: false,
} as const;

describe('sessions', () => {
  it('authenticate sends only session_duration_minutes, with the session token as Basic password', async () => {
    const { client, transport } = createTestClient({
      state: signedIn,
      replies: { 'POST /b2b/sessions/authenticate': fixtureErrorEnvelope('too_many_requests', 429) },
    });
    await client.session.authenticate({ session_duration_minutes: 90 }).catch(() => undefined);
    await client.session.authenticate().catch(() => undefined);
    expect(transport.requests.map((r) => r.body)).toEqual([{ session_duration_minutes: 90 }, {}]);
    expect(transport.requests[0]!.headers.authorization).toBe(
      `Basic ${btoa(`${client.publicToken}:session-token-test-seeded`)}`,
    );
    expect(client.store.getState()).toBe(signedIn);
  });

  it('revoke posts no body and clears cookies and state', async () => {
    const { client, transport, platform } = createTestClient({
      state: signedIn,
      replies: { 'POST /b2b/sessions/revoke': { request_id: 'r', status_code: 200 } },
    });
    await client.session.revoke();
    expect(transport.requests[0]).toMatchObject({ method: 'POST', path: '/b2b/sessions/revoke', body: undefined });
    expect(client.store.getState()).toEqual({ status: 'signed-out' });
    expect(platform.cookieJar.size).toBe(0);
    expect(client.session.getTokens()).toBeNull();
    expect(client.session.lastEndReason()).toBe('signed-out');
  });

  it('revoke signs out without an error when the server says the session is already gone', async () => {
    const { client } = createTestClient({
      state: signedIn,
      replies: { 'POST /b2b/sessions/revoke': fixtureErrorEnvelope('session_not_found', 404) },
    });
    await expect(client.session.revoke()).resolves.toBeUndefined();
    expect(client.store.getState()).toEqual({ status: 'signed-out' });
  });

  it('revoke keeps the session on a network error unless forceClear', async () => {
    const { client } = createTestClient({
      state: signedIn,
      replies: { 'POST /b2b/sessions/revoke': { status: 503, body: 'down' } },
    });
    await expect(client.session.revoke()).rejects.toMatchObject({ code: 'network_error' });
    expect(client.store.getState()).toBe(signedIn);
    await expect(client.session.revoke({ forceClear: true })).rejects.toMatchObject({ code: 'network_error' });
    expect(client.store.getState()).toEqual({ status: 'signed-out' });
  });

  it('exchange trades the session for one in another organization and signs in there', async () => {
    const globex = fixtureOrganization({ organization_id: 'organization-test-globex', organization_name: 'Globex' });
    const response = fixtureAuthenticateResponse({ organization: globex, session_token: 'session-token-globex' });
    const { client, transport, platform } = createTestClient({
      state: signedIn,
      replies: { 'POST /b2b/sessions/exchange': response },
    });
    await expect(client.session.exchange({ organization_id: globex.organization_id })).resolves.toEqual(response);
    await client.session.exchange({
      organization_id: globex.organization_id,
      session_duration_minutes: 30,
      locale: 'en',
    });
    expect(transport.requests.map((r) => r.body)).toEqual([
      { organization_id: globex.organization_id, session_duration_minutes: 60 },
      { organization_id: globex.organization_id, session_duration_minutes: 30, locale: 'en' },
    ]);
    expect(transport.requests[0]!.headers.authorization).toBe(
      `Basic ${btoa(`${client.publicToken}:session-token-test-seeded`)}`,
    );
    expect(client.store.getState()).toMatchObject({ status: 'signed-in', organization: globex, fromCache: false });
    expect(platform.cookies.get('stytch_session')).toBe('session-token-globex');
  });

  it('exchange into an organization that needs another factor leaves an intermediate session', async () => {
    const { client, platform } = createTestClient({
      state: signedIn,
      replies: {
        'POST /b2b/sessions/exchange': {
          ...fixtureAuthenticateResponse(),
          member_session: null,
          member_authenticated: false,
          intermediate_session_token: 'ist-exchange',
          session_token: '',
          session_jwt: '',
          primary_required: { allowed_auth_methods: ['sso'] },
        },
      },
    });
    await client.session.exchange({ organization_id: 'organization-test-strict' });
    expect(client.store.getState()).toMatchObject({ status: 'intermediate', emailAddress: 'ada@acme.test' });
    expect(platform.cookies.get('stytch_intermediate_session_token')).toBe('ist-exchange');
    expect(platform.cookies.get('stytch_session')).toBeUndefined();
  });

  it('exchange rejects with the refusal and keeps the session', async () => {
    const { client } = createTestClient({
      state: signedIn,
      replies: { 'POST /b2b/sessions/exchange': fixtureErrorEnvelope('organization_not_found', 404) },
    });
    const error = await client.session.exchange({ organization_id: 'nope' }).catch((e: unknown) => e);
    expect(isOrgAuthApiError(error, 'organization_not_found')).toBe(true);
    expect(client.store.getState()).toBe(signedIn);
  });
});

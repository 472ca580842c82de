import { describe, expect, it } from 'vitest';
import { isOrgAuthApiError } from '../errors.js';
import {
  fixtureAuthenticateResponse,
  fixtureDiscoveryResponse,
  fixtureMember,
  fixtureMemberSession,
  fixtureOrganization,
} from './fixtures.js';
import { createScriptedTransport, fixtureErrorEnvelope } from './scripted-transport.js';
import { createTestClient } from './test-client.js';

describe('createScriptedTransport', () => {
  it('wraps success bodies in data, sends error envelopes as-is and records requests', async () => {
    const transport = createScriptedTransport({ 'POST /b2b/ok': { a: 1 } })
      .reply('POST /b2b/fail', fixtureErrorEnvelope('invalid_email', 400))
      .reply('POST /b2b/raw', { status: 503, body: 'down' })
      .reply('POST /b2b/fn', (request) => ({ echo: request.body }));
    const ok = await transport.fetch('http://x.test/sdk/v1/b2b/ok', { method: 'POST', body: '{"q":1}' });
    expect(await ok.json()).toEqual({ data: { a: 1 } });
    const fail = await transport.fetch('http://x.test/sdk/v1/b2b/fail', { method: 'POST' });
    expect(fail.status).toBe(400);
    expect(await fail.json()).toMatchObject({ error_type: 'invalid_email' });
    expect((await transport.fetch('http://x.test/sdk/v1/b2b/raw', { method: 'POST' })).status).toBe(503);
    expect(
      await (await transport.fetch('http://x.test/sdk/v1/b2b/fn', { method: 'POST', body: '{"z":2}' })).json(),
    ).toEqual({ data: { echo: { z: 2 } } });
    const missing = await transport.fetch('http://x.test/sdk/v1/b2b/nope', { method: 'GET' });
    expect(missing.status).toBe(404);
    expect(transport.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /b2b/ok',
      'POST /b2b/fail',
      'POST /b2b/raw',
      'POST /b2b/fn',
      'GET /b2b/nope',
    ]);
    expect(transport.requests[0]!.body).toEqual({ q: 1 });
  });

  it('uses an explicit status for a scripted body', async () => {
    const transport = createScriptedTransport().reply('GET /x', fixtureErrorEnvelope('too_many_requests', 429), 429);
    expect((await transport.fetch('http://x.test/sdk/v1/x')).status).toBe(429);
  });
});

describe('createTestClient', () => {
  it('starts signed out with no requests', () => {
    const { client, transport } = createTestClient();
    expect(client.store.getState()).toEqual({ status: 'signed-out' });
    expect(transport.requests).toEqual([]);
  });

  it('answers the bootstrap as an OrgAuth server does, unless a test scripts it', async () => {
    const { client } = createTestClient();
    await expect(client.bootstrap()).resolves.toMatchObject({ pkce_required_for_oauth: true, cname_domain: null });
    const token = 'public-token-test-00000000-0000-4000-8000-000000000000';
    const scripted = createTestClient({
      replies: { [`GET /projects/bootstrap/${token}`]: { cname_domain: 'id.acme.test' } },
    });
    await expect(scripted.client.bootstrap()).resolves.toEqual({ cname_domain: 'id.acme.test' });
  });

  it('seeds a signed-in state with its session cookies', () => {
    const state = {
      status: 'signed-in',
      member: fixtureMember(),
      organization: fixtureOrganization(),
      session: fixtureMemberSession(),
      fromCache: false,
    } as const;
    const { client, platform } = createTestClient({ state });
    expect(client.store.getState()).toBe(state);
    expect(client.session.getTokens()).toEqual({
      session_token: 'session-token-test-seeded',
      session_jwt: 'session-jwt-test-seeded',
    });
    expect(platform.cookieJar.has('stytch_session')).toBe(true);
  });

  it('runs scripted discovery and surfaces scripted errors as OrgAuthApiError', async () => {
    const { client, transport } = createTestClient({
      replies: {
        'POST /b2b/magic_links/discovery/authenticate': fixtureDiscoveryResponse(),
        'POST /b2b/discovery/intermediate_sessions/exchange': fixtureErrorEnvelope(
          'intermediate_session_not_found',
          404,
        ),
      },
    });
    await client.magicLinks.discovery.authenticate({ discovery_magic_links_token: 't' });
    expect(client.store.getState()).toMatchObject({ status: 'intermediate', emailAddress: 'ada@acme.test' });
    const error = await client.discovery.intermediateSessions
      .exchange({ organization_id: 'o' })
      .catch((e: unknown) => e);
    expect(isOrgAuthApiError(error, 'intermediate_session_not_found')).toBe(true);
    transport.reply('POST /b2b/discovery/intermediate_sessions/exchange', fixtureAuthenticateResponse());
    await client.discovery.intermediateSessions.exchange({ organization_id: 'o' });
    expect(client.store.getState()).toMatchObject({ status: 'signed-in', fromCache: false });
  });
});

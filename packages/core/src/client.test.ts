import { describe, expect, it, vi } from 'vitest';
import { createB2BClient } from './client.js';
import { isOrgAuthError } from './errors.js';
import { memoryPlatform } from './platform/memory.js';
import { REFRESH_INTERVAL_MS } from './session/refresh.js';
import { createScriptedTransport, fixtureErrorEnvelope } from './testing/scripted-transport.js';
import { fixtureAuthenticateResponse, fixtureDiscoveryResponse } from './testing/fixtures.js';

const PK = 'public-token-test-1';
const KEY = `stytch_sdk_state_${PK}`;

function setup(prepare?: (platform: ReturnType<typeof memoryPlatform>) => void) {
  const transport = createScriptedTransport();
  const platform = memoryPlatform({ href: 'https://app.test/', fetch: transport.fetch });
  prepare?.(platform);
  const make = (p = platform) => createB2BClient({ publicToken: PK, baseUrl: 'https://auth.test', platform: p });
  return { transport, platform, make };
}

const signedInResponse = fixtureAuthenticateResponse();
const seedSession = (platform: ReturnType<typeof memoryPlatform>) => {
  platform.cookies.set('stytch_session', 'tok', {});
  platform.cookies.set('stytch_session_jwt', 'jwt', {});
  const { member, organization, member_session: session } = signedInResponse;
  platform.storage.set(KEY, JSON.stringify({ member, organization, session }));
};

describe('createB2BClient', () => {
  it('rejects missing options with invalid_usage', () => {
    expect(() => createB2BClient({ publicToken: '', baseUrl: 'https://a.test', platform: memoryPlatform() })).toThrow(
      /publicToken/,
    );
    const error = (() => {
      try {
        createB2BClient({ publicToken: PK, baseUrl: 'auth.test', platform: memoryPlatform() });
      } catch (e) {
        return e;
      }
    })();
    expect(isOrgAuthError(error, 'invalid_usage')).toBe(true);
    expect(() =>
      createB2BClient({
        publicToken: PK,
        baseUrl: 'https://a.test',
        sessionDurationMinutes: 1,
        platform: memoryPlatform(),
      }),
    ).toThrow(/sessionDurationMinutes/);
  });

  it('starts signed-out without a session cookie and forgets a stale cache', () => {
    const { make, platform, transport } = setup((p) => {
      const { member, organization, member_session: session } = signedInResponse;
      p.storage.set(KEY, JSON.stringify({ member, organization, session }));
    });
    expect(make().store.getState()).toEqual({ status: 'signed-out' });
    expect(platform.storage.get(KEY)).toBeNull();
    expect(transport.requests).toEqual([]);
  });

  it('starts signed-in from cache, then revalidates in the background', async () => {
    const { make, transport } = setup(seedSession);
    transport.reply('POST /b2b/sessions/authenticate', signedInResponse);
    const client = make();
    expect(client.store.getState()).toMatchObject({
      status: 'signed-in',
      fromCache: true,
      member: { member_id: signedInResponse.member_id },
    });
    await vi.waitFor(() => expect(client.store.getState()).toMatchObject({ status: 'signed-in', fromCache: false }));
    expect(transport.requests[0]).toMatchObject({ method: 'POST', path: '/b2b/sessions/authenticate', body: {} });
    expect(transport.requests[0]!.headers.authorization).toBe(`Basic ${btoa(`${PK}:tok`)}`);
  });

  it('starts initializing with a cookie but no cache', async () => {
    const { make, transport } = setup((p) => p.cookies.set('stytch_session', 'tok', {}));
    transport.reply('POST /b2b/sessions/authenticate', fixtureErrorEnvelope('session_not_found', 404));
    const client = make();
    expect(client.store.getState()).toEqual({ status: 'initializing' });
    await vi.waitFor(() => expect(client.store.getState()).toEqual({ status: 'signed-out' }));
  });

  it('clears the cached session when revalidation says it is gone', async () => {
    const { make, transport, platform } = setup(seedSession);
    transport.reply('POST /b2b/sessions/authenticate', fixtureErrorEnvelope('unauthorized_credentials', 401));
    const client = make();
    await vi.waitFor(() => expect(client.store.getState()).toEqual({ status: 'signed-out' }));
    expect(platform.cookieJar.has('stytch_session')).toBe(false);
    expect(platform.storage.get(KEY)).toBe('null');
    expect(platform.pendingTimers()).toBe(0);
  });

  it('keeps the cache on network errors and retries with backoff', async () => {
    const { make, transport, platform } = setup(seedSession);
    transport.reply('POST /b2b/sessions/authenticate', { status: 502, body: '<html>bad gateway</html>' });
    const client = make();
    await vi.waitFor(() => expect(platform.pendingTimers()).toBe(1));
    expect(client.store.getState()).toMatchObject({ status: 'signed-in', fromCache: true });
    transport.reply('POST /b2b/sessions/authenticate', signedInResponse);
    platform.advance(4_000 + 200);
    await vi.waitFor(() => expect(client.store.getState()).toMatchObject({ status: 'signed-in', fromCache: false }));
    expect(transport.requests).toHaveLength(2);
  });

  it('refreshes every 3 minutes while signed in and stops after destroy', async () => {
    const { make, transport, platform } = setup(seedSession);
    transport.reply('POST /b2b/sessions/authenticate', () =>
      fixtureAuthenticateResponse({ session_jwt: `jwt-${transport.requests.length}` }),
    );
    const client = make();
    await vi.waitFor(() => expect(client.store.getState()).toMatchObject({ fromCache: false }));
    platform.advance(REFRESH_INTERVAL_MS);
    await vi.waitFor(() => expect(transport.requests).toHaveLength(2));
    await vi.waitFor(() => expect(platform.cookies.get('stytch_session_jwt')).toBe('jwt-2'));
    client.destroy();
    platform.advance(REFRESH_INTERVAL_MS * 3);
    expect(transport.requests).toHaveLength(2);
  });

  it('clears the session on an unrecoverable error from any call', async () => {
    const { make, transport, platform } = setup(seedSession);
    transport.reply('POST /b2b/sessions/authenticate', signedInResponse);
    transport.reply('POST /b2b/discovery/organizations', fixtureErrorEnvelope('user_unauthenticated', 401));
    const client = make();
    await vi.waitFor(() => expect(client.store.getState()).toMatchObject({ fromCache: false }));
    await expect(client.discovery.organizations.list()).rejects.toMatchObject({ errorType: 'user_unauthenticated' });
    expect(client.store.getState()).toEqual({ status: 'signed-out' });
    expect(platform.cookies.get('stytch_session')).toBeUndefined();
  });

  it('signs out the other tabs, and signs them in', async () => {
    const { make, transport, platform } = setup();
    transport.reply('POST /b2b/discovery/intermediate_sessions/exchange', signedInResponse);
    transport.reply('POST /b2b/magic_links/discovery/authenticate', fixtureDiscoveryResponse());
    transport.reply('POST /b2b/sessions/revoke', {});
    const first = make();
    const second = make(platform.openTab());
    await first.magicLinks.discovery.authenticate({ discovery_magic_links_token: 't' });
    await first.discovery.intermediateSessions.exchange({ organization_id: signedInResponse.organization_id });
    await vi.waitFor(() => expect(second.store.getState()).toMatchObject({ status: 'signed-in', fromCache: false }));
    await first.session.revoke();
    await vi.waitFor(() => expect(second.store.getState()).toEqual({ status: 'signed-out' }));
  });

  it('caches bootstrap but retries after a failure', async () => {
    const { make, transport } = setup();
    transport.reply('GET /projects/bootstrap/public-token-test-1', { status: 500, body: 'x' });
    const client = make();
    await expect(client.bootstrap()).rejects.toMatchObject({ code: 'network_error' });
    transport.reply('GET /projects/bootstrap/public-token-test-1', {
      project_name: 'P',
      request_id: 'r',
      status_code: 200,
    });
    await expect(client.bootstrap()).resolves.toMatchObject({ project_name: 'P' });
    await client.bootstrap();
    expect(transport.requests).toHaveLength(2);
  });
});

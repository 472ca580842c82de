import { describe, expect, it, vi } from 'vitest';
import { createClient } from './compose.js';
import { isOrgAuthError } from './errors.js';
import { createDiscoveryFlow } from './flows/discovery.js';
import { memoryPlatform } from './platform/memory.js';
import { fixtureAuthenticateResponse, fixtureDiscoveryResponse } from './testing/fixtures.js';
import { createScriptedTransport } from './testing/scripted-transport.js';

const PK = 'public-token-test-1';

function setup() {
  const transport = createScriptedTransport();
  const platform = memoryPlatform({ href: 'https://app.test/', fetch: transport.fetch });
  return { transport, platform };
}

describe('createClient', () => {
  it('builds the base and only the flows passed, under the names given', () => {
    const { platform } = setup();
    const client = createClient(
      { publicToken: PK, baseUrl: 'https://auth.test/', platform },
      { discovery: createDiscoveryFlow },
    );
    expect(Object.keys(client).sort()).toEqual(
      ['baseUrl', 'bootstrap', 'destroy', 'discovery', 'publicToken', 'session', 'store'].sort(),
    );
    expect(client.baseUrl).toBe('https://auth.test');
    expect(client.store.getState()).toEqual({ status: 'signed-out' });
    expect(Object.keys(createClient({ publicToken: PK, baseUrl: 'https://auth.test', platform }))).not.toContain(
      'discovery',
    );
  });

  it('rejects bad options with invalid_usage, naming createClient', () => {
    const error = (() => {
      try {
        createClient({ publicToken: '', baseUrl: 'https://auth.test', platform: memoryPlatform() });
      } catch (e) {
        return e;
      }
    })();
    expect(isOrgAuthError(error, 'invalid_usage')).toBe(true);
    expect((error as Error).message).toMatch(/^createClient: `publicToken`/);
  });

  it('runs the composed flows and the session over one store', async () => {
    const { platform, transport } = setup();
    platform.cookies.set('stytch_intermediate_session_token', 'ist', {});
    const client = createClient(
      { publicToken: PK, baseUrl: 'https://auth.test', platform },
      { discovery: createDiscoveryFlow },
    );
    transport.reply('POST /b2b/discovery/organizations', fixtureDiscoveryResponse());
    await client.discovery.organizations.list();
    expect(transport.requests[0]).toMatchObject({
      path: '/b2b/discovery/organizations',
      body: { intermediate_session_token: 'ist' },
    });
    transport.reply('POST /b2b/discovery/intermediate_sessions/exchange', fixtureAuthenticateResponse());
    await client.discovery.intermediateSessions.exchange({ organization_id: 'organization-test-1' });
    expect(client.store.getState().status).toBe('signed-in');
    transport.reply('POST /b2b/sessions/revoke', {});
    await client.session.revoke();
    await vi.waitFor(() => expect(client.store.getState().status).toBe('signed-out'));
    client.destroy();
    expect(platform.pendingTimers()).toBe(0);
  });
});

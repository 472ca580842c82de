import { describe, expect, it } from 'vitest';
import { fixtureAuthenticateResponse } from '../testing/fixtures.js';
import { fixtureErrorEnvelope } from '../testing/scripted-transport.js';
import { createTestClient } from '../testing/test-client.js';

const PK = 'public-token-test-00000000-0000-4000-8000-000000000000';
const key = (ns: string) => `stytch_sdk_state_${PK}::PKCE_VERIFIER:${ns}`;
const pair = (v: string) => JSON.stringify({ code_challenge: `challenge-${v}`, code_verifier: v });

// A password reset that must verify the email first comes back as a magic link minted with the
// `passwords` challenge (docs/wire-protocol.md §2.9).
describe('magic link authenticate with a passwords PKCE pair', () => {
  it('tries the passwords pair first and clears it when it works', async () => {
    const { client, transport, platform } = createTestClient({
      replies: { 'POST /b2b/magic_links/authenticate': fixtureAuthenticateResponse() },
    });
    platform.storage.set(key('passwords'), pair('p'.repeat(64)));
    platform.storage.set(key('magic_links'), pair('m'.repeat(64)));
    await client.magicLinks.authenticate({ magic_links_token: 't' });
    expect(transport.requests.at(-1)!.body).toMatchObject({ pkce_code_verifier: 'p'.repeat(64) });
    expect(platform.storage.get(key('passwords'))).toBeNull();
    expect(platform.storage.get(key('magic_links'))).not.toBeNull();
  });

  it('on a PKCE refusal retries with the magic_links pair, and clears that one', async () => {
    const { client, transport, platform } = createTestClient({
      replies: {
        'POST /b2b/magic_links/authenticate': (request) =>
          (request.body as { pkce_code_verifier?: string }).pkce_code_verifier === 'p'.repeat(64)
            ? fixtureErrorEnvelope('pkce_mismatch', 400)
            : fixtureAuthenticateResponse(),
      },
    });
    platform.storage.set(key('passwords'), pair('p'.repeat(64)));
    platform.storage.set(key('magic_links'), pair('m'.repeat(64)));
    await client.magicLinks.authenticate({ magic_links_token: 't' });
    const verifiers = transport.requests
      .filter((r) => r.path === '/b2b/magic_links/authenticate')
      .map((r) => (r.body as { pkce_code_verifier?: string }).pkce_code_verifier);
    expect(verifiers).toEqual(['p'.repeat(64), 'm'.repeat(64)]);
    expect(platform.storage.get(key('magic_links'))).toBeNull();
    expect(platform.storage.get(key('passwords'))).not.toBeNull();
    expect(client.store.getState().status).toBe('signed-in');
  });

  it('another refusal is not retried', async () => {
    const { client, transport, platform } = createTestClient({
      replies: { 'POST /b2b/magic_links/authenticate': fixtureErrorEnvelope('magic_link_not_found', 404) },
    });
    platform.storage.set(key('passwords'), pair('p'.repeat(64)));
    await expect(client.magicLinks.authenticate({ magic_links_token: 't' })).rejects.toMatchObject({
      errorType: 'magic_link_not_found',
    });
    expect(transport.requests.filter((r) => r.path === '/b2b/magic_links/authenticate')).toHaveLength(1);
  });
});

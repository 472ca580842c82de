import { describe, expect, it } from 'vitest';
import { fixtureDiscoveryResponse } from './testing/fixtures.js';
import { fixtureErrorEnvelope } from './testing/scripted-transport.js';
import { createTestClient } from './testing/test-client.js';

const LINK = 'http://localhost:3000/authenticate?next=%2Fhome&stytch_token_type=discovery&token=tok-1';

describe('authenticateByUrl', () => {
  it('authenticates a discovery token from the current URL and strips it afterwards', async () => {
    const { client, transport, platform } = createTestClient({ href: LINK });
    transport.reply('POST /b2b/magic_links/discovery/authenticate', (request) => {
      // Still in the address bar while the call runs; gone afterwards.
      expect(platform.location.href()).toBe(LINK);
      expect(request.body).toMatchObject({ discovery_magic_links_token: 'tok-1' });
      return fixtureDiscoveryResponse();
    });
    const result = await client.authenticateByUrl();
    expect(result).toMatchObject({ handled: true, tokenType: 'discovery', data: { email_address: 'ada@acme.test' } });
    expect(platform.location.href()).toBe('http://localhost:3000/authenticate?next=%2Fhome');
  });

  it('strips the token on failure too, and rethrows', async () => {
    const { client, platform } = createTestClient({
      href: LINK,
      replies: { 'POST /b2b/magic_links/discovery/authenticate': fixtureErrorEnvelope('magic_link_not_found', 404) },
    });
    await expect(client.authenticateByUrl()).rejects.toMatchObject({ errorType: 'magic_link_not_found' });
    expect(platform.location.href()).toBe('http://localhost:3000/authenticate?next=%2Fhome');
  });

  it('spends a token once when called twice', async () => {
    const { client, transport } = createTestClient({ href: LINK, replies: { 'POST /b2b/magic_links/discovery/authenticate': fixtureDiscoveryResponse() } });
    const [a, b] = await Promise.all([client.authenticateByUrl(), client.authenticateByUrl({ href: LINK })]);
    expect(a).toBe(b);
    expect(transport.requests).toHaveLength(1);
  });

  it('leaves the address bar alone for an explicit other href', async () => {
    const { client, platform } = createTestClient({ href: 'http://localhost:3000/?token=keep&stytch_token_type=discovery', replies: { 'POST /b2b/magic_links/discovery/authenticate': fixtureDiscoveryResponse() } });
    await client.authenticateByUrl({ href: LINK });
    expect(platform.location.href()).toContain('token=keep');
  });

  it('returns null without a token, and the parse result for types it does not handle', async () => {
    const { client, transport, platform } = createTestClient({ href: 'http://localhost:3000/?token=t&stytch_token_type=multi_tenant_passwords' });
    await expect(client.authenticateByUrl({ href: 'http://localhost:3000/' })).resolves.toBeNull();
    await expect(client.authenticateByUrl()).resolves.toEqual({ handled: false, tokenType: 'multi_tenant_passwords', token: 't' });
    expect(platform.location.href()).toContain('token=t');
    expect(transport.requests).toEqual([]);
    expect(client.parseAuthenticateUrl()).toEqual({ handled: false, tokenType: 'multi_tenant_passwords', token: 't' });
  });
});

import { describe, expect, it, vi } from 'vitest';
import { fixtureAuthenticateResponse, fixtureDiscoveryResponse } from './testing/fixtures.js';
import { fixtureErrorEnvelope } from './testing/scripted-transport.js';
import { createTestClient } from './testing/test-client.js';

const LINK = 'http://localhost:3000/authenticate?next=%2Fhome&stytch_token_type=discovery&token=tok-1';

describe('authenticateByUrl', () => {
  it('takes the token out of the address bar before the request leaves, and sends no Referer', async () => {
    const { client, transport, platform } = createTestClient({ href: LINK });
    transport.reply('POST /b2b/magic_links/discovery/authenticate', fixtureDiscoveryResponse());
    const result = await client.authenticateByUrl();
    expect(result).toMatchObject({ handled: true, tokenType: 'discovery', data: { email_address: 'ada@acme.test' } });
    expect(transport.requests[0]!.body).toMatchObject({ discovery_magic_links_token: 'tok-1' });
    // The page URL at the moment fetch was called: what a browser would have sent as Referer.
    expect(platform.fetches).toHaveLength(1);
    expect(platform.fetches[0]!.href).toBe('http://localhost:3000/authenticate?next=%2Fhome');
    expect(platform.fetches[0]!.init?.referrerPolicy).toBe('no-referrer');
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
    const { client, transport } = createTestClient({
      href: LINK,
      replies: { 'POST /b2b/magic_links/discovery/authenticate': fixtureDiscoveryResponse() },
    });
    const [a, b] = await Promise.all([client.authenticateByUrl(), client.authenticateByUrl({ href: LINK })]);
    expect(a).toBe(b);
    expect(transport.requests).toHaveLength(1);
  });

  it('a second call on the address bar it just cleaned joins the running call; once settled, there is no token', async () => {
    let release!: () => void;
    const { client, transport, platform } = createTestClient({
      href: LINK,
      replies: {
        'POST /b2b/magic_links/discovery/authenticate': () =>
          new Promise((resolve) => (release = () => resolve(fixtureDiscoveryResponse()))),
      },
    });
    const first = client.authenticateByUrl();
    expect(platform.location.href()).not.toContain('token=');
    const second = client.authenticateByUrl();
    expect(second).toBe(first);
    await vi.waitFor(() => expect(transport.requests).toHaveLength(1));
    release();
    await expect(second).resolves.toMatchObject({ handled: true, tokenType: 'discovery' });
    await expect(client.authenticateByUrl()).resolves.toBeNull();
    expect(transport.requests).toHaveLength(1);
  });

  it('leaves the address bar alone for an explicit other href', async () => {
    const { client, platform } = createTestClient({
      href: 'http://localhost:3000/?token=keep&stytch_token_type=discovery',
      replies: { 'POST /b2b/magic_links/discovery/authenticate': fixtureDiscoveryResponse() },
    });
    await client.authenticateByUrl({ href: LINK });
    expect(platform.location.href()).toContain('token=keep');
  });

  it('returns null without a token, and the parse result for types it does not handle', async () => {
    const { client, transport, platform } = createTestClient({
      href: 'http://localhost:3000/?token=t&stytch_token_type=multi_tenant_impersonation',
    });
    await expect(client.authenticateByUrl({ href: 'http://localhost:3000/' })).resolves.toBeNull();
    await expect(client.authenticateByUrl()).resolves.toEqual({
      handled: false,
      tokenType: 'multi_tenant_impersonation',
      token: 't',
    });
    expect(platform.location.href()).toContain('token=t');
    expect(transport.requests).toEqual([]);
    expect(client.parseAuthenticateUrl()).toEqual({
      handled: false,
      tokenType: 'multi_tenant_impersonation',
      token: 't',
    });
  });

  it('leaves a reset link to the reset screen: unhandled, its token returned and out of the address bar', async () => {
    const { client, transport, platform } = createTestClient({
      href: 'http://localhost:3000/reset?token=r&stytch_token_type=discovery&stytch_redirect_type=reset_password',
    });
    await expect(client.authenticateByUrl()).resolves.toEqual({
      handled: false,
      tokenType: 'discovery',
      token: 'r',
      redirectType: 'reset_password',
    });
    expect(platform.location.href()).toBe('http://localhost:3000/reset');
    expect(transport.requests).toEqual([]);
  });

  it('signs in with an organization or invite link, its token gone from the address bar first', async () => {
    const invite = 'http://localhost:3000/welcome?stytch_token_type=multi_tenant_magic_links&token=inv-1#top';
    const { client, transport, platform } = createTestClient({
      href: invite,
      replies: {
        'POST /b2b/magic_links/authenticate': { ...fixtureAuthenticateResponse(), method_id: 'email-test-1' },
      },
    });
    const result = await client.authenticateByUrl({ session_duration_minutes: 45 });
    expect(result).toMatchObject({
      handled: true,
      tokenType: 'multi_tenant_magic_links',
      data: { method_id: 'email-test-1', organization: { organization_name: 'Acme Inc.' } },
    });
    // No PKCE pair in this browser (an invite opened anywhere): no verifier is sent.
    expect(transport.requests[0]!.body).toEqual({ magic_links_token: 'inv-1', session_duration_minutes: 45 });
    expect(platform.fetches[0]!.href).toBe('http://localhost:3000/welcome#top');
    expect(client.store.getState().status).toBe('signed-in');
  });

  it('strips a used organization link too, and rejects with its error', async () => {
    const { client, platform } = createTestClient({
      href: 'http://localhost:3000/?stytch_token_type=multi_tenant_magic_links&token=used',
      replies: { 'POST /b2b/magic_links/authenticate': fixtureErrorEnvelope('magic_link_not_found', 404) },
    });
    await expect(client.authenticateByUrl()).rejects.toMatchObject({ errorType: 'magic_link_not_found' });
    expect(platform.location.href()).toBe('http://localhost:3000/');
    expect(client.store.getState().status).toBe('signed-out');
  });
});

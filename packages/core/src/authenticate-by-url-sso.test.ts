import { describe, expect, it } from 'vitest';
import { isOrgAuthApiError, isOrgAuthError } from './errors.js';
import { parseRedirectError } from './redirect.js';
import { fixtureAuthenticateResponse } from './testing/fixtures.js';
import { createTestClient } from './testing/test-client.js';

const SSO_LINK = 'http://localhost:3000/app?x=1&stytch_token_type=sso&token=sso-tok';
const PKCE_KEY = 'stytch_sdk_state_public-token-test-00000000-0000-4000-8000-000000000000::PKCE_VERIFIER:sso';

describe('authenticateByUrl with sso tokens (docs/wire-protocol.md §4)', () => {
  it('exchanges an sso token with the stored verifier, signs in and strips the token', async () => {
    const { client, transport, platform } = createTestClient({
      href: SSO_LINK,
      replies: { 'POST /b2b/sso/authenticate': fixtureAuthenticateResponse() },
    });
    platform.storageMap.set(PKCE_KEY, JSON.stringify({ code_challenge: 'c', code_verifier: 'v'.repeat(64) }));
    const result = await client.authenticateByUrl({ session_duration_minutes: 120 });
    expect(result).toMatchObject({
      handled: true,
      tokenType: 'sso',
      data: { member: { email_address: 'ada@acme.test' } },
    });
    expect(transport.requests[0]!.body).toEqual({
      sso_token: 'sso-tok',
      session_duration_minutes: 120,
      pkce_code_verifier: 'v'.repeat(64),
    });
    expect(client.store.getState().status).toBe('signed-in');
    expect(platform.location.href()).toBe('http://localhost:3000/app?x=1');
    expect(client.parseAuthenticateUrl(SSO_LINK)).toEqual({ handled: true, tokenType: 'sso', token: 'sso-tok' });
  });
});

describe('stytch_error on the redirect URL', () => {
  it('parses the error type purely', () => {
    expect(parseRedirectError('http://localhost:3000/?stytch_error=connection_not_found')).toBe('connection_not_found');
    expect(parseRedirectError('http://localhost:3000/')).toBeNull();
    expect(parseRedirectError('not a url')).toBeNull();
  });

  it('rejects with a known error type as that API error, strips the parameter and calls nothing', async () => {
    const href = 'http://localhost:3000/login?keep=1&stytch_error=sso_jit_provisioning_not_allowed';
    const { client, transport, platform } = createTestClient({ href });
    const error = await client.authenticateByUrl().catch((e: unknown) => e);
    expect(isOrgAuthApiError(error, 'sso_jit_provisioning_not_allowed')).toBe(true);
    expect(platform.location.href()).toBe('http://localhost:3000/login?keep=1');
    expect(transport.requests).toEqual([]);
    // Once stripped, a reload shows nothing again.
    await expect(client.authenticateByUrl()).resolves.toBeNull();
  });

  it.each([
    'constructor',
    '__proto__',
    'toString',
    'hasOwnProperty',
    'valueOf',
    'isPrototypeOf',
    '__defineGetter__',
    'Bad Type',
    '<b>x</b>',
  ])('%s is not an error type at all: a redirect_error, never an API error type', async (value) => {
    const { client } = createTestClient({
      href: `http://localhost:3000/login?stytch_error=${encodeURIComponent(value)}`,
    });
    const error = await client.authenticateByUrl().catch((e: unknown) => e);
    expect(isOrgAuthError(error, 'redirect_error')).toBe(true);
    expect(isOrgAuthApiError(error)).toBe(false);
    expect(error).not.toHaveProperty('errorType');
  });

  it('a well-formed type this client does not know stays that type, for the words table to fall back on', async () => {
    const { client } = createTestClient({ href: 'http://localhost:3000/login?stytch_error=sso_assertion_refused' });
    await expect(client.authenticateByUrl()).rejects.toMatchObject({
      code: 'api_error',
      errorType: 'sso_assertion_refused',
    });
  });
});

describe('an sso token without a PKCE verifier', () => {
  it('is refused before any request and leaves the address bar anyway', async () => {
    const { client, transport, platform } = createTestClient({
      href: SSO_LINK,
      replies: { 'POST /b2b/sso/authenticate': fixtureAuthenticateResponse() },
    });
    await expect(client.authenticateByUrl()).rejects.toSatisfy((e) => isOrgAuthError(e, 'no_pkce_verifier'));
    expect(transport.requests).toEqual([]);
    expect(platform.location.href()).toBe('http://localhost:3000/app?x=1');
    expect(client.store.getState().status).toBe('signed-out');
  });
});

import { describe, expect, it } from 'vitest';
import { parseRedirectError } from './redirect.js';
import { fixtureAuthenticateResponse } from './testing/fixtures.js';
import { createTestClient } from './testing/test-client.js';

const SSO_LINK = 'http://localhost:3000/app?x=1&stytch_token_type=sso&token=sso-tok';
const PKCE_KEY = 'stytch_sdk_state_public-token-test-00000000-0000-4000-8000-000000000000::PKCE_VERIFIER:sso';

describe('authenticateByUrl with sso tokens (WIRE §4)', () => {
  it('exchanges an sso token with the stored verifier, signs in and strips the token', async () => {
    const { client, transport, platform } = createTestClient({ href: SSO_LINK, replies: { 'POST /b2b/sso/authenticate': fixtureAuthenticateResponse() } });
    platform.storageMap.set(PKCE_KEY, JSON.stringify({ code_challenge: 'c', code_verifier: 'v'.repeat(64) }));
    const result = await client.authenticateByUrl({ session_duration_minutes: 120 });
    expect(result).toMatchObject({ handled: true, tokenType: 'sso', data: { member: { email_address: 'ada@acme.test' } } });
    expect(transport.requests[0]!.body).toEqual({ sso_token: 'sso-tok', session_duration_minutes: 120, pkce_code_verifier: 'v'.repeat(64) });
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

  it('rejects with the error type as an API error, strips the parameter and calls nothing', async () => {
    const href = 'http://localhost:3000/login?keep=1&stytch_error=sso_assertion_refused';
    const { client, transport, platform } = createTestClient({ href });
    await expect(client.authenticateByUrl()).rejects.toMatchObject({ code: 'api_error', errorType: 'sso_assertion_refused' });
    expect(platform.location.href()).toBe('http://localhost:3000/login?keep=1');
    expect(transport.requests).toEqual([]);
    // Once stripped, a reload shows nothing again.
    await expect(client.authenticateByUrl()).resolves.toBeNull();
  });
});

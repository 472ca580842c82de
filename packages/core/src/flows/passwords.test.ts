import { describe, expect, it } from 'vitest';
// The catalogue (protocol/errors.ts) gains the factor error types with the server routes that answer them.
import type { ApiErrorType } from '../protocol/errors.js';
import { isOrgAuthApiError } from '../errors.js';
import { fixtureAuthenticateResponse, fixtureBootstrapResponse } from '../testing/fixtures.js';
import { fixtureMfaRequiredResponse, fixtureStrengthCheckResponse } from '../testing/mfa-fixtures.js';
import { fixtureErrorEnvelope } from '../testing/scripted-transport.js';
import { createTestClient } from '../testing/test-client.js';

const PK = 'public-token-test-00000000-0000-4000-8000-000000000000';
const PAIR_KEY = `stytch_sdk_state_${PK}::PKCE_VERIFIER:passwords`;
const ORG = 'organization-test-00000000-0000-4000-8000-000000000001';
const EMAIL = 'ada@acme.test';
const OK = { request_id: 'r', status_code: 200 };
const pkceRequired = {
  [`GET /projects/bootstrap/${PK}`]: fixtureBootstrapResponse({ pkce_required_for_password_resets: true }),
};

describe('passwords', () => {
  it('authenticate posts Stytch fields with the client session length and signs in', async () => {
    const { client, transport, platform } = createTestClient({
      options: { sessionDurationMinutes: 90 },
      replies: { 'POST /b2b/passwords/authenticate': fixtureAuthenticateResponse() },
    });
    await client.passwords.authenticate({ organization_id: ORG, email_address: EMAIL, password: 'pw', locale: 'en' });
    expect(transport.requests.at(-1)).toMatchObject({
      path: '/b2b/passwords/authenticate',
      body: { organization_id: ORG, email_address: EMAIL, password: 'pw', locale: 'en', session_duration_minutes: 90 },
    });
    expect(platform.cookies.get('stytch_session')).toBe('session-token-test-fixture');
    expect(client.store.getState()).toMatchObject({ status: 'signed-in' });
  });

  it('an MFA-pending answer stores its IST and leaves the session empty', async () => {
    const { client, platform } = createTestClient({
      replies: { 'POST /b2b/passwords/authenticate': fixtureMfaRequiredResponse() },
    });
    const response = await client.passwords.authenticate({
      organization_id: ORG,
      email_address: EMAIL,
      password: 'pw',
    });
    expect(response.member_authenticated).toBe(false);
    expect(platform.cookies.get('stytch_intermediate_session_token')).toBe('intermediate-session-token-test-mfa');
    expect(platform.cookies.get('stytch_session')).toBeUndefined();
    expect(client.store.getState()).toMatchObject({ status: 'intermediate', emailAddress: EMAIL });
  });

  it('authenticate carries the IST cookie (+IST) so a primary factor proven earlier counts', async () => {
    const { client, transport } = createTestClient({
      state: { status: 'intermediate', emailAddress: EMAIL, discoveredOrganizations: [] },
      replies: { 'POST /b2b/passwords/authenticate': fixtureAuthenticateResponse() },
    });
    await client.passwords.authenticate({ organization_id: ORG, email_address: EMAIL, password: 'pw' });
    expect(transport.requests.at(-1)!.body).toMatchObject({
      intermediate_session_token: 'intermediate-session-token-test-seeded',
    });
  });

  it('a wrong password keeps the session and the IST: it says nothing about them', async () => {
    const { client, platform } = createTestClient({
      state: { status: 'intermediate', emailAddress: EMAIL, discoveredOrganizations: [] },
      replies: {
        'POST /b2b/passwords/authenticate': fixtureErrorEnvelope('unauthorized_credentials', 401),
        'POST /b2b/passwords/existing_password/reset': fixtureErrorEnvelope('unauthorized_credentials', 401),
      },
    });
    await expect(
      client.passwords.authenticate({ organization_id: ORG, email_address: EMAIL, password: 'x' }),
    ).rejects.toMatchObject({ errorType: 'unauthorized_credentials' });
    await expect(
      client.passwords.resetByExistingPassword({
        organization_id: ORG,
        email_address: EMAIL,
        existing_password: 'x',
        new_password: 'y',
      }),
    ).rejects.toMatchObject({ errorType: 'unauthorized_credentials' });
    expect(platform.cookies.get('stytch_intermediate_session_token')).toBe('intermediate-session-token-test-seeded');
    expect(client.store.getState().status).toBe('intermediate');
  });

  it('a wrong password rejects with unauthorized_credentials and signs no one in', async () => {
    const { client } = createTestClient({
      replies: { 'POST /b2b/passwords/authenticate': fixtureErrorEnvelope('unauthorized_credentials', 401) },
    });
    const error = await client.passwords
      .authenticate({ organization_id: ORG, email_address: EMAIL, password: 'x' })
      .catch((e: unknown) => e);
    expect(isOrgAuthApiError(error) && error.errorType).toBe('unauthorized_credentials');
    expect(client.store.getState().status).not.toBe('signed-in');
  });

  it('strengthCheck posts the password (and email) as given and sets nothing', async () => {
    const { client, transport, platform } = createTestClient({
      replies: {
        'POST /b2b/passwords/strength_check': fixtureStrengthCheckResponse({ score: 1, valid_password: false }),
      },
    });
    const result = await client.passwords.strengthCheck({ password: 'hunter2', email_address: EMAIL });
    expect(transport.requests.at(-1)!.body).toEqual({ password: 'hunter2', email_address: EMAIL });
    expect(result).toMatchObject({ score: 1, valid_password: false });
    expect(platform.cookies.get('stytch_session')).toBeUndefined();
  });

  it('resetByEmailStart sends no challenge unless the project requires PKCE for resets', async () => {
    const { client, transport, platform } = createTestClient({
      replies: { 'POST /b2b/passwords/email/reset/start': OK },
    });
    await client.passwords.resetByEmailStart({ organization_id: ORG, email_address: EMAIL, locale: 'en' });
    expect(transport.requests.at(-1)!.body).toEqual({ organization_id: ORG, email_address: EMAIL, locale: 'en' });
    expect(platform.storage.get(PAIR_KEY)).toBeNull();
  });

  it('PKCE: start sends code_challenge (reused on a resend), reset sends code_verifier and clears the pair', async () => {
    const { client, transport, platform } = createTestClient({
      replies: {
        ...pkceRequired,
        'POST /b2b/passwords/email/reset/start': OK,
        'POST /b2b/passwords/authenticate': fixtureAuthenticateResponse(),
        'POST /b2b/passwords/email/reset': fixtureAuthenticateResponse(),
      },
    });
    const start = { organization_id: ORG, email_address: EMAIL, reset_password_redirect_url: 'https://app.test/reset' };
    await client.passwords.resetByEmailStart(start);
    await client.passwords.resetByEmailStart(start);
    const pair = JSON.parse(platform.storage.get(PAIR_KEY)!) as { code_challenge: string; code_verifier: string };
    const bodies = transport.requests.filter((r) => r.path.startsWith('/b2b/passwords/')).map((r) => r.body);
    expect(bodies).toEqual([
      { ...start, code_challenge: pair.code_challenge },
      { ...start, code_challenge: pair.code_challenge },
    ]);
    // A password sign-in sends the verifier but keeps the pair (docs/wire-protocol.md §2.9).
    await client.passwords.authenticate({ organization_id: ORG, email_address: EMAIL, password: 'pw' });
    expect(transport.requests.at(-1)!.body).toMatchObject({ code_verifier: pair.code_verifier });
    expect(platform.storage.get(PAIR_KEY)).not.toBeNull();
    await client.passwords.resetByEmail({
      password_reset_token: 'tok',
      password: 'new pw',
      session_duration_minutes: 30,
    });
    expect(transport.requests.at(-1)!.body).toEqual({
      password_reset_token: 'tok',
      password: 'new pw',
      session_duration_minutes: 30,
      code_verifier: pair.code_verifier,
    });
    expect(platform.storage.get(PAIR_KEY)).toBeNull();
    expect(client.store.getState().status).toBe('signed-in');
  });

  it('a refused reset keeps the pair, so the same link can be tried again', async () => {
    const { client, platform } = createTestClient({
      replies: {
        ...pkceRequired,
        'POST /b2b/passwords/email/reset/start': OK,
        'POST /b2b/passwords/email/reset': fixtureErrorEnvelope('weak_password' as ApiErrorType, 400),
      },
    });
    await client.passwords.resetByEmailStart({ organization_id: ORG, email_address: EMAIL });
    await expect(client.passwords.resetByEmail({ password_reset_token: 't', password: 'a' })).rejects.toMatchObject({
      errorType: 'weak_password',
    });
    expect(platform.storage.get(PAIR_KEY)).not.toBeNull();
  });

  it('resetByExistingPassword and resetBySession post Stytch fields and apply the session', async () => {
    const { client, transport } = createTestClient({
      replies: {
        'POST /b2b/passwords/existing_password/reset': fixtureAuthenticateResponse(),
        'POST /b2b/passwords/session/reset': fixtureAuthenticateResponse(),
      },
    });
    await client.passwords.resetByExistingPassword({
      organization_id: ORG,
      email_address: EMAIL,
      existing_password: 'old',
      new_password: 'new',
    });
    await client.passwords.resetBySession({ password: 'newer' });
    expect(transport.requests.filter((r) => r.method === 'POST').map((r) => [r.path, r.body])).toEqual([
      [
        '/b2b/passwords/existing_password/reset',
        {
          organization_id: ORG,
          email_address: EMAIL,
          existing_password: 'old',
          new_password: 'new',
          session_duration_minutes: 60,
        },
      ],
      ['/b2b/passwords/session/reset', { password: 'newer' }],
    ]);
    expect(client.store.getState().status).toBe('signed-in');
  });
});

import { describe, expect, it } from 'vitest';
// The catalogue (protocol/errors.ts) gains the factor error types with the server routes that answer them.
import type { ApiErrorType } from '../protocol/errors.js';
import type { AuthState } from '../state/auth-state.js';
import { fixtureAuthenticateResponse } from '../testing/fixtures.js';
import { fixtureTotpCreateResponse } from '../testing/mfa-fixtures.js';
import { fixtureErrorEnvelope } from '../testing/scripted-transport.js';
import { createTestClient } from '../testing/test-client.js';

const ORG = 'organization-test-00000000-0000-4000-8000-000000000001';
const MEMBER = 'member-test-00000000-0000-4000-8000-000000000001';
const IST = 'intermediate-session-token-test-seeded';
const intermediate: AuthState = { status: 'intermediate', emailAddress: 'ada@acme.test', discoveredOrganizations: [] };

describe('totp', () => {
  it('create posts the member with the IST and returns the secret, QR code and recovery codes', async () => {
    const { client, transport } = createTestClient({
      state: intermediate,
      replies: { 'POST /b2b/totp': fixtureTotpCreateResponse() },
    });
    const created = await client.totp.create({ organization_id: ORG, member_id: MEMBER, expiration_minutes: 10 });
    expect(transport.requests.at(-1)!.body).toEqual({
      organization_id: ORG,
      member_id: MEMBER,
      expiration_minutes: 10,
      intermediate_session_token: IST,
    });
    expect(created.secret).toBe('JBSWY3DPEHPK3PXP');
    expect(created.recovery_codes).toHaveLength(10);
    expect(client.store.getState().status).toBe('intermediate');
  });

  it('authenticate turns the IST into a session (IST cookie removed)', async () => {
    const { client, transport, platform } = createTestClient({
      state: intermediate,
      replies: { 'POST /b2b/totp/authenticate': fixtureAuthenticateResponse() },
    });
    await client.totp.authenticate({ organization_id: ORG, member_id: MEMBER, code: '123456', set_default_mfa: true });
    expect(transport.requests.at(-1)!.body).toEqual({
      organization_id: ORG,
      member_id: MEMBER,
      code: '123456',
      set_default_mfa: true,
      session_duration_minutes: 60,
      intermediate_session_token: IST,
    });
    expect(platform.cookies.get('stytch_intermediate_session_token')).toBeUndefined();
    expect(platform.cookies.get('stytch_session')).toBe('session-token-test-fixture');
    expect(client.store.getState().status).toBe('signed-in');
  });

  it('a code spent in its window rejects and keeps the intermediate session', async () => {
    const { client, platform } = createTestClient({
      state: intermediate,
      replies: {
        'POST /b2b/totp/authenticate': fixtureErrorEnvelope('totp_code_already_authenticated' as ApiErrorType, 400),
      },
    });
    await expect(
      client.totp.authenticate({ organization_id: ORG, member_id: MEMBER, code: '123456' }),
    ).rejects.toMatchObject({ errorType: 'totp_code_already_authenticated' });
    expect(platform.cookies.get('stytch_intermediate_session_token')).toBe(IST);
    expect(client.store.getState().status).toBe('intermediate');
  });
});

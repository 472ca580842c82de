import { describe, expect, it } from 'vitest';
import type { AuthState } from '../state/auth-state.js';
import { fixtureAuthenticateResponse } from '../testing/fixtures.js';
import { fixtureErrorEnvelope } from '../testing/scripted-transport.js';
import { createTestClient } from '../testing/test-client.js';

const ORG = 'organization-test-00000000-0000-4000-8000-000000000001';
const MEMBER = 'member-test-00000000-0000-4000-8000-000000000001';
const IST = 'intermediate-session-token-test-seeded';
const intermediate: AuthState = { status: 'intermediate', emailAddress: 'ada@acme.test', discoveredOrganizations: [] };

describe('otps.sms', () => {
  it('send posts the member (and a phone to enrol) with the IST', async () => {
    const { client, transport } = createTestClient({
      state: intermediate,
      replies: { 'POST /b2b/otps/sms/send': { request_id: 'r', status_code: 200 } },
    });
    await client.otps.sms.send({
      organization_id: ORG,
      member_id: MEMBER,
      mfa_phone_number: '+15555550100',
      locale: 'en',
    });
    expect(transport.requests.at(-1)!.body).toEqual({
      organization_id: ORG,
      member_id: MEMBER,
      mfa_phone_number: '+15555550100',
      locale: 'en',
      intermediate_session_token: IST,
    });
  });

  it('authenticate with the code turns the IST into a session', async () => {
    const { client, transport } = createTestClient({
      state: intermediate,
      options: { sessionDurationMinutes: 45 },
      replies: { 'POST /b2b/otps/sms/authenticate': fixtureAuthenticateResponse() },
    });
    await client.otps.sms.authenticate({ organization_id: ORG, member_id: MEMBER, code: '000111' });
    expect(transport.requests.at(-1)!.body).toEqual({
      organization_id: ORG,
      member_id: MEMBER,
      code: '000111',
      session_duration_minutes: 45,
      intermediate_session_token: IST,
    });
    expect(client.store.getState().status).toBe('signed-in');
  });

  it('a wrong code rejects with otp_code_not_found; the email codes stay where they were', async () => {
    const { client } = createTestClient({
      state: intermediate,
      replies: { 'POST /b2b/otps/sms/authenticate': fixtureErrorEnvelope('otp_code_not_found', 404) },
    });
    await expect(
      client.otps.sms.authenticate({ organization_id: ORG, member_id: MEMBER, code: '1' }),
    ).rejects.toMatchObject({ errorType: 'otp_code_not_found' });
    expect(typeof client.otps.email.loginOrSignup).toBe('function');
    expect(client.store.getState().status).toBe('intermediate');
  });
});

import { describe, expect, it } from 'vitest';
// The catalogue (protocol/errors.ts) gains the factor error types with the server routes that answer them.
import type { ApiErrorType } from '../protocol/errors.js';
import { fixtureAuthenticateResponse } from '../testing/fixtures.js';
import { fixtureErrorEnvelope } from '../testing/scripted-transport.js';
import { createTestClient } from '../testing/test-client.js';

const ORG = 'organization-test-00000000-0000-4000-8000-000000000001';
const MEMBER = 'member-test-00000000-0000-4000-8000-000000000001';
const CODES = { request_id: 'r', status_code: 200, recovery_codes: ['a-b-c', 'd-e-f'] };

describe('recoveryCodes', () => {
  it('recover spends a code with the IST and signs in', async () => {
    const { client, transport } = createTestClient({
      state: { status: 'intermediate', emailAddress: 'ada@acme.test', discoveredOrganizations: [] },
      replies: {
        'POST /b2b/recovery_codes/recover': { ...fixtureAuthenticateResponse(), recovery_codes_remaining: 9 },
      },
    });
    const response = await client.recoveryCodes.recover({
      organization_id: ORG,
      member_id: MEMBER,
      recovery_code: 'a-b-c',
    });
    expect(transport.requests.at(-1)!.body).toEqual({
      organization_id: ORG,
      member_id: MEMBER,
      recovery_code: 'a-b-c',
      session_duration_minutes: 60,
      intermediate_session_token: 'intermediate-session-token-test-seeded',
    });
    expect(response.recovery_codes_remaining).toBe(9);
    expect(client.store.getState().status).toBe('signed-in');
  });

  it('a spent code rejects with recovery_code_not_found', async () => {
    const { client } = createTestClient({
      replies: {
        'POST /b2b/recovery_codes/recover': fixtureErrorEnvelope('recovery_code_not_found' as ApiErrorType, 404),
      },
    });
    await expect(
      client.recoveryCodes.recover({ organization_id: ORG, member_id: MEMBER, recovery_code: 'x' }),
    ).rejects.toMatchObject({ errorType: 'recovery_code_not_found' });
  });

  it('get and rotate use the session (Basic auth), no IST', async () => {
    const { client, transport } = createTestClient({
      state: { status: 'signed-in', ...fixtureSignedIn() },
      replies: { 'GET /b2b/recovery_codes': CODES, 'POST /b2b/recovery_codes/rotate': CODES },
    });
    expect((await client.recoveryCodes.get()).recovery_codes).toEqual(['a-b-c', 'd-e-f']);
    await client.recoveryCodes.rotate();
    const [get, rotate] = transport.requests.filter((r) => r.path.startsWith('/b2b/recovery_codes'));
    expect(get).toMatchObject({ method: 'GET', body: undefined });
    expect(rotate).toMatchObject({ method: 'POST', body: {} });
    expect(atob(get!.headers.authorization!.slice('Basic '.length))).toContain(':session-token-test-seeded');
  });
});

function fixtureSignedIn() {
  const { member, organization, member_session: session } = fixtureAuthenticateResponse();
  return { member, organization, session, fromCache: false };
}

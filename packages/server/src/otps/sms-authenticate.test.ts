import { afterEach, describe, expect, test } from 'vitest';
import { signUp } from '../testing/journey.js';
import { createTestServer, latestOtpCode, latestSmsCode, type TestServer } from '../testing/test-server.js';

// otps/sms/authenticate on both APIs (otps/sms-service.ts, otps/sms-gate.ts), SQLite and PostgreSQL:
// an SMS code is a second factor only: the member's IST (primary proven) or session plus the right
// code, and nothing less, becomes a session (AUTH-02 / AUTH-15); enrolment marks the number verified.

let t: TestServer;
afterEach(async () => {
  await t.close();
});

const PHONE = '+14155550100';
const EMAIL = 'ada@acme.test';

/** An organization requiring MFA, and a fresh primary sign-in of its first member: the member-bound IST. */
async function setUp(options: Parameters<typeof createTestServer>[0] = {}) {
  t = await createTestServer({ dev: true, rateLimits: false, ...options });
  const ada = await signUp(t, EMAIL, 'acme');
  const org: string = ada.organization_id;
  const member: string = ada.member_id;
  expect(
    (await t.api(`/organizations/${org}`, { method: 'PUT', body: { mfa_policy: 'REQUIRED_FOR_ALL' } })).status,
  ).toBe(200);
  return { org, member, ist: await primaryIst(org), session: ada.session_token as string };
}

async function primaryIst(org: string): Promise<string> {
  await t.api('/otps/email/login_or_signup', { body: { organization_id: org, email_address: EMAIL } });
  const code = await latestOtpCode(t.server, EMAIL);
  const res = await t.sdk('/b2b/otps/email/authenticate', {
    body: { organization_id: org, email_address: EMAIL, code, session_duration_minutes: 60 },
  });
  expect(res.body.data.member_authenticated).toBe(false);
  return res.body.data.intermediate_session_token;
}

const sessionRows = async () => (await t.server.db.selectFrom('sessions').select('id').execute()).length;
const memberRow = (id: string) =>
  t.server.db.selectFrom('members').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const wrong = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

describe('SMS code as the second factor', () => {
  test('enrol with the IST: send to a new number, authenticate with enroll: a session with both factors', async () => {
    const { org, member, ist } = await setUp();
    const send = await t.sdk('/b2b/otps/sms/send', {
      body: { organization_id: org, member_id: member, mfa_phone_number: PHONE, intermediate_session_token: ist },
    });
    expect(send.status).toBe(200);
    const code = await latestSmsCode(t.server, PHONE);
    const before = await sessionRows();
    const res = await t.sdk('/b2b/otps/sms/authenticate', {
      body: {
        organization_id: org,
        member_id: member,
        code,
        session_duration_minutes: 60,
        set_mfa_enrollment: 'enroll',
        intermediate_session_token: ist,
      },
    });
    expect(res.status).toBe(200);
    const data = res.body.data;
    expect(data.member_authenticated).toBe(true);
    expect(data.intermediate_session_token).toBe('');
    expect(data.session_token).not.toBe('');
    expect(await sessionRows()).toBe(before + 1);
    const factors = data.member_session.authentication_factors;
    expect(factors.map((f: { delivery_method: string }) => f.delivery_method)).toEqual(['email', 'sms']);
    expect(factors[1]).toMatchObject({
      type: 'otp',
      delivery_method: 'sms',
      sequence_order: 'SECONDARY',
      phone_number_factor: {
        phone_number: PHONE,
        phone_id: expect.stringMatching(/^phone-number-test-[0-9a-f-]{36}$/),
      },
    });
    expect(data.member).toMatchObject({
      mfa_phone_number: PHONE,
      mfa_phone_number_verified: true,
      mfa_enrolled: true,
      default_mfa_method: 'sms_otp',
    });
    // The IST was spent: it completes nothing twice.
    const again = await t.sdk('/b2b/otps/sms/send', {
      body: { organization_id: org, member_id: member, intermediate_session_token: ist },
    });
    expect(again.status).toBe(200);
    const reuse = await t.sdk('/b2b/otps/sms/authenticate', {
      body: {
        organization_id: org,
        member_id: member,
        code: await latestSmsCode(t.server, PHONE),
        intermediate_session_token: ist,
      },
    });
    expect([reuse.status, reuse.body.error_type]).toEqual([404, 'intermediate_session_not_found']);
  });

  test('no session before the code: wrong codes and a missing proof write no session and spend no IST', async () => {
    const { org, member, ist } = await setUp();
    await t.api(`/organizations/${org}/members/${member}`, { method: 'PUT', body: { mfa_phone_number: PHONE } });
    await t.sdk('/b2b/otps/sms/send', { body: { organization_id: org, member_id: member } });
    const code = await latestSmsCode(t.server, PHONE);
    const before = await sessionRows();
    const body = { organization_id: org, member_id: member, session_duration_minutes: 60 };
    const noProof = await t.sdk('/b2b/otps/sms/authenticate', { body: { ...body, code } });
    expect([noProof.status, noProof.body.error_type]).toEqual([400, 'bad_request']);
    const bad = await t.sdk('/b2b/otps/sms/authenticate', {
      body: { ...body, code: wrong(code), intermediate_session_token: ist },
    });
    expect([bad.status, bad.body.error_type]).toEqual([404, 'otp_code_not_found']);
    expect(bad.body.error_message).toContain('4 attempts left');
    const foreign = await t.sdk('/b2b/otps/sms/authenticate', {
      body: { ...body, code, intermediate_session_token: 'not-an-ist' },
    });
    expect([foreign.status, foreign.body.error_type]).toEqual([404, 'intermediate_session_not_found']);
    expect(await sessionRows()).toBe(before);
    const ok = await t.api('/otps/sms/authenticate', { body: { ...body, code, intermediate_session_token: ist } });
    expect(ok.status).toBe(200);
    expect(ok.body.member_session.authentication_factors).toHaveLength(2);
    // Single use: the same code again is gone.
    const replay = await t.api('/otps/sms/authenticate', {
      body: { ...body, code, session_token: ok.body.session_token },
    });
    expect([replay.status, replay.body.error_type]).toEqual([404, 'otp_code_not_found']);
  });

  test("another member's IST or session neither enrols nor completes this member's factor", async () => {
    const { org, member, ist } = await setUp();
    const bob = await t.api(`/organizations/${org}/members`, { body: { email_address: 'bob@acme.test' } });
    const bobId: string = bob.body.member_id;
    // Ada's IST does not let anyone enrol a phone on Bob.
    const steal = await t.sdk('/b2b/otps/sms/send', {
      body: { organization_id: org, member_id: bobId, mfa_phone_number: PHONE, intermediate_session_token: ist },
    });
    expect([steal.status, steal.body.error_type]).toEqual([404, 'intermediate_session_not_found']);
    expect(await t.server.smsOutbox.list()).toEqual([]);
    // Ada's code with Bob's member id: no code is Bob's.
    await t.sdk('/b2b/otps/sms/send', {
      body: { organization_id: org, member_id: member, mfa_phone_number: PHONE, intermediate_session_token: ist },
    });
    const code = await latestSmsCode(t.server, PHONE);
    const cross = await t.sdk('/b2b/otps/sms/authenticate', {
      body: { organization_id: org, member_id: bobId, code, intermediate_session_token: ist },
    });
    expect(cross.status).toBe(404);
    expect((await memberRow(bobId)).mfa_phone_number).toBe('');
  });

  test('a signed-in member adds the factor to the session; unenroll clears mfa_enrolled', async () => {
    t = await createTestServer({ dev: true, rateLimits: false });
    const ada = await signUp(t, EMAIL, 'acme');
    const body = { organization_id: ada.organization_id, member_id: ada.member_id };
    await t.api('/otps/sms/send', { body: { ...body, mfa_phone_number: PHONE, session_token: ada.session_token } });
    const res = await t.api('/otps/sms/authenticate', {
      body: {
        ...body,
        code: await latestSmsCode(t.server, PHONE),
        session_token: ada.session_token,
        set_mfa_enrollment: 'unenroll',
      },
    });
    expect(res.status).toBe(200);
    expect(res.body.member_session.member_session_id).toBe(ada.member_session.member_session_id);
    expect(res.body.session_token).not.toBe(ada.session_token);
    expect(res.body.member).toMatchObject({ mfa_enrolled: false, mfa_phone_number_verified: true });
    // A verified number is not replaced by a send, even from the member's own session.
    const replace = await t.api('/otps/sms/send', {
      body: { ...body, mfa_phone_number: '+4915123456789', session_token: res.body.session_token },
    });
    expect([replace.status, replace.body.error_type]).toEqual([400, 'bad_request']);
  });

  test('expired codes and the organization’s allowed methods are refused before anything else', async () => {
    const { org, member, ist } = await setUp();
    await t.sdk('/b2b/otps/sms/send', {
      body: { organization_id: org, member_id: member, mfa_phone_number: PHONE, intermediate_session_token: ist },
    });
    const code = await latestSmsCode(t.server, PHONE);
    t.clock.advance(5 * 60_000);
    const late = await t.sdk('/b2b/otps/sms/authenticate', {
      body: { organization_id: org, member_id: member, code, intermediate_session_token: ist },
    });
    expect([late.status, late.body.error_type]).toEqual([401, 'unable_to_auth_otp_code']);
    await t.api(`/organizations/${org}`, {
      method: 'PUT',
      body: { mfa_methods: 'RESTRICTED', allowed_mfa_methods: ['totp'] },
    });
    const refused = await t.sdk('/b2b/otps/sms/authenticate', {
      body: { organization_id: org, member_id: member, code, intermediate_session_token: ist },
    });
    expect([refused.status, refused.body.error_type]).toEqual([403, 'mfa_method_not_allowed']);
  });
});

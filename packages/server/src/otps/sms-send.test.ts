import { afterEach, describe, expect, test } from 'vitest';
import { signInMember, signUp } from '../testing/journey.js';
import { createTestServer, latestSmsCode, type TestServer } from '../testing/test-server.js';

// otps/sms/send on both APIs (otps/sms-service.ts), on SQLite and PostgreSQL: who gets a code at
// which number, enrolment only for the member proven by the request, the organization's allowed
// methods, and the per-member and per-number limits (AUTH-01).

let t: TestServer;
afterEach(async () => {
  await t.close();
});

const PHONE = '+14155550100';
const OTHER = '+4915123456789';

async function setUp(options: Parameters<typeof createTestServer>[0] = {}) {
  t = await createTestServer({ dev: true, rateLimits: false, ...options });
  const ada = await signUp(t, 'ada@acme.test', 'acme');
  const org: string = ada.organization_id;
  const bob = await signInMember(t, org, 'bob@acme.test');
  return { org, ada, bob };
}
const setPhone = (org: string, member: string, phone: string) =>
  t.api(`/organizations/${org}/members/${member}`, { method: 'PUT', body: { mfa_phone_number: phone } });
const outbox = () => t.server.smsOutbox.list();

describe('otps/sms/send', () => {
  test("sends a code to the member's stored number: SDK answers {}, the backend the member", async () => {
    const { org, ada } = await setUp();
    await setPhone(org, ada.member_id, PHONE);
    const sdk = await t.sdk('/b2b/otps/sms/send', { body: { organization_id: org, member_id: ada.member_id } });
    expect(sdk.status).toBe(200);
    expect(Object.keys(sdk.body.data).sort()).toEqual(['request_id', 'status_code']);
    expect(await latestSmsCode(t.server, PHONE)).toMatch(/^[0-9]{6}$/);
    const api = await t.api('/otps/sms/send', {
      body: { organization_id: org, member_id: ada.member_id, locale: 'fr' },
    });
    expect(api.status).toBe(200);
    expect(api.body).toMatchObject({ member_id: ada.member_id, organization: { organization_id: org } });
    expect(api.body.member.mfa_phone_number).toBe(PHONE);
    const [latest] = await outbox();
    expect(latest?.body).toMatch(/^[0-9]{6} est votre code de vérification .+\.$/);
  });

  test('the text holds only the code and the project name', async () => {
    const { org, ada } = await setUp();
    await setPhone(org, ada.member_id, PHONE);
    await t.sdk('/b2b/otps/sms/send', { body: { organization_id: org, member_id: ada.member_id } });
    const [sms] = await outbox();
    const code = await latestSmsCode(t.server, PHONE);
    expect(sms?.body.replace(code, '').replace(/^ is your (.+) verification code\.$/, '')).toBe('');
    expect(sms?.body).not.toContain('acme');
  });

  test('a member without a number must give one; a malformed number is refused', async () => {
    const { org, ada } = await setUp();
    const none = await t.sdk('/b2b/otps/sms/send', { body: { organization_id: org, member_id: ada.member_id } });
    expect([none.status, none.body.error_type]).toEqual([400, 'bad_request']);
    const bad = await t.sdk('/b2b/otps/sms/send', {
      body: { organization_id: org, member_id: ada.member_id, mfa_phone_number: '+15555555555' },
      session: ada.session_token,
    });
    expect([bad.status, bad.body.error_type]).toEqual([400, 'invalid_phone_number']);
    expect(await outbox()).toEqual([]);
  });

  test('enrolling a number needs the proof of THIS member: none, or another member, sends nothing', async () => {
    const { org, ada, bob } = await setUp();
    const body = { organization_id: org, member_id: ada.member_id, mfa_phone_number: OTHER };
    const anonymous = await t.sdk('/b2b/otps/sms/send', { body });
    expect([anonymous.status, anonymous.body.error_type]).toEqual([401, 'unauthorized_credentials']);
    const asBob = await t.sdk('/b2b/otps/sms/send', { body, session: bob.session_token });
    expect([asBob.status, asBob.body.error_type]).toEqual([401, 'unauthorized_credentials']);
    const backendAsBob = await t.api('/otps/sms/send', { body: { ...body, session_token: bob.session_token } });
    expect(backendAsBob.status).toBe(401);
    expect(await outbox()).toEqual([]);
    // A stored (admin-set) number cannot be replaced by a stranger either.
    await setPhone(org, ada.member_id, PHONE);
    expect((await t.sdk('/b2b/otps/sms/send', { body })).status).toBe(401);
    expect(await outbox()).toEqual([]);
  });

  test("the member's own session enrols a number: the code goes there, the member is unchanged until it passes", async () => {
    const { org, ada } = await setUp();
    const body = { organization_id: org, member_id: ada.member_id, mfa_phone_number: '+49 151 23456789' };
    const sent = await t.sdk('/b2b/otps/sms/send', { body, session: ada.session_token });
    expect(sent.status).toBe(200);
    expect(await latestSmsCode(t.server, OTHER)).toMatch(/^[0-9]{6}$/);
    const member = await t.api(`/organizations/${org}/members/${ada.member_id}`);
    expect(member.body.member.mfa_phone_number).toBe('');
    const backend = await t.api('/otps/sms/send', { body: { ...body, session_token: ada.session_token } });
    expect(backend.status).toBe(200);
  });

  test('an organization restricting MFA methods without sms_otp refuses; with it, sends', async () => {
    const { org, ada } = await setUp();
    await setPhone(org, ada.member_id, PHONE);
    const restrict = (methods: string[]) =>
      t.api(`/organizations/${org}`, {
        method: 'PUT',
        body: { mfa_methods: 'RESTRICTED', allowed_mfa_methods: methods },
      });
    expect((await restrict(['totp'])).status).toBe(200);
    const refused = await t.sdk('/b2b/otps/sms/send', { body: { organization_id: org, member_id: ada.member_id } });
    expect([refused.status, refused.body.error_type]).toEqual([403, 'mfa_method_not_allowed']);
    await restrict(['totp', 'sms_otp']);
    expect(
      (await t.sdk('/b2b/otps/sms/send', { body: { organization_id: org, member_id: ada.member_id } })).status,
    ).toBe(200);
  });

  test('unknown and other organizations’ members are not found', async () => {
    const { org, ada } = await setUp();
    const other = (await signUp(t, 'eve@evil.test', 'evil')).organization_id;
    for (const body of [
      { organization_id: org, member_id: 'member-test-00000000-0000-4000-8000-000000000000' },
      { organization_id: other, member_id: ada.member_id },
    ]) {
      const res = await t.sdk('/b2b/otps/sms/send', { body });
      expect([res.status, res.body.error_type]).toEqual([404, 'member_not_found']);
    }
  });
});

describe('send limits', () => {
  test('per member and per number, with Retry-After', async () => {
    const perMember = await setUp({ rateLimits: { sendPerEmail: { max: 2, windowMinutes: 60 } } });
    await setPhone(perMember.org, perMember.ada.member_id, PHONE);
    const send = (org: string, member: string) =>
      t.sdk('/b2b/otps/sms/send', { body: { organization_id: org, member_id: member } });
    expect((await send(perMember.org, perMember.ada.member_id)).status).toBe(200);
    expect((await send(perMember.org, perMember.ada.member_id)).status).toBe(200);
    const refused = await send(perMember.org, perMember.ada.member_id);
    expect([refused.status, refused.body.error_type]).toEqual([429, 'too_many_requests']);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    await t.close();

    // Two members sharing one number: the number's own limit holds across them.
    const perPhone = await setUp({ rateLimits: { sendPerPhone: { max: 2, windowMinutes: 60 } } });
    await setPhone(perPhone.org, perPhone.ada.member_id, PHONE);
    await setPhone(perPhone.org, perPhone.bob.member_id, PHONE);
    expect((await send(perPhone.org, perPhone.ada.member_id)).status).toBe(200);
    expect((await send(perPhone.org, perPhone.bob.member_id)).status).toBe(200);
    const phoneRefused = await send(perPhone.org, perPhone.bob.member_id);
    expect([phoneRefused.status, phoneRefused.body.error_type]).toEqual([429, 'too_many_requests']);
    expect(await outbox()).toHaveLength(2);
  });
});

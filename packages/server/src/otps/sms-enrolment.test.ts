import { afterEach, describe, expect, test } from 'vitest';
import { createMfaOrg } from '../mfa/testing.js';
import { createTestServer, latestSmsCode, type TestServer } from '../testing/test-server.js';

// Enrolling a number with an intermediate session (primary factor only) on SQLite and PostgreSQL:
// refused beside a verified TOTP (403 mfa_required, the gate's rule in mfa/caller.ts), at send and
// again at authenticate; and wrong codes count as failures against the member (AUTH-01).

let t: TestServer;
afterEach(async () => {
  await t.close();
});

const PHONE = '+14155550100';
const istOf = (data: { intermediate_session_token: string }) => data.intermediate_session_token;
const wrong = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

describe('enrolling a number on the strength of an IST', () => {
  test('is refused once the member has a verified TOTP; the TOTP holder enrols from a session', async () => {
    t = await createTestServer({ dev: true, rateLimits: false });
    const org = await createMfaOrg(t);
    const { done } = await org.enrol();
    const ist = istOf(await org.primarySignIn());
    const enrol = await t.sdk('/b2b/otps/sms/send', {
      body: { ...org.ids(), mfa_phone_number: PHONE, intermediate_session_token: ist },
    });
    expect([enrol.status, enrol.body.error_type]).toEqual([403, 'mfa_required']);
    expect(await t.server.smsOutbox.list()).toEqual([]);
    const fromSession = await t.sdk('/b2b/otps/sms/send', {
      body: { ...org.ids(), mfa_phone_number: PHONE },
      session: done.session_token,
    });
    expect(fromSession.status).toBe(200);
  });

  test('a code sent to enrol is refused if the member verified a TOTP since', async () => {
    t = await createTestServer({ dev: true, rateLimits: false });
    const org = await createMfaOrg(t);
    const ist = istOf(await org.primarySignIn());
    await t.sdk('/b2b/otps/sms/send', {
      body: { ...org.ids(), mfa_phone_number: PHONE, intermediate_session_token: ist },
    });
    const code = await latestSmsCode(t.server, PHONE);
    await org.enrol();
    const res = await t.sdk('/b2b/otps/sms/authenticate', {
      body: { ...org.ids(), code, intermediate_session_token: ist },
    });
    expect([res.status, res.body.error_type]).toEqual([403, 'mfa_required']);
    const member = await t.api(`/organizations/${org.orgId}/members/${org.memberId}`);
    expect(member.body.member.mfa_phone_number).toBe('');
  });
});

describe('wrong codes count as failures against the member (AUTH-01)', () => {
  test('past failuresPerKey, even the right code is refused with 429', async () => {
    t = await createTestServer({ dev: true, rateLimits: { failuresPerKey: { max: 3, windowMinutes: 60 } } });
    const org = await createMfaOrg(t);
    const ist = istOf(await org.primarySignIn());
    await t.sdk('/b2b/otps/sms/send', {
      body: { ...org.ids(), mfa_phone_number: PHONE, intermediate_session_token: ist },
    });
    const code = await latestSmsCode(t.server, PHONE);
    const attempt = (c: string) =>
      t.sdk('/b2b/otps/sms/authenticate', { body: { ...org.ids(), code: c, intermediate_session_token: ist } });
    for (let i = 0; i < 3; i++) expect((await attempt(wrong(code))).status).toBe(404);
    const locked = await attempt(code);
    expect([locked.status, locked.body.error_type]).toEqual([429, 'too_many_requests']);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});

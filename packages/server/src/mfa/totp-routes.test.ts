import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createTestServer, type TestServer } from '../testing/test-server.js';
import { createMfaOrg, type MfaOrg } from './testing.js';
import { totpCode } from './totp.js';

// TOTP enrolment and second-factor sign-in on an organization with mfa_policy REQUIRED_FOR_ALL:
// the gate's IST (mfa/gate.ts) becomes a session only through a code, once (AUTH-15, SES-15).

let t: TestServer;
let org: MfaOrg;
let orgId: string;
let memberId: string;
beforeEach(async () => {
  t = await createTestServer({ dev: true });
  org = await createMfaOrg(t);
  ({ orgId, memberId } = org);
});
afterEach(() => t.close());

const ids = () => org.ids();
const primarySignIn = () => org.primarySignIn();
const enrol = () => org.enrol();
const authenticate = (ist: string, code: string, extra: Record<string, unknown> = {}) =>
  t.sdk('/b2b/totp/authenticate', {
    body: { ...ids(), intermediate_session_token: ist, code, session_duration_minutes: 60, ...extra },
  });

describe('TOTP on an organization requiring MFA', () => {
  test('first sign-in enrols: secret and QR shown once, the code turns the IST into a session with both factors', async () => {
    expect((await primarySignIn()).mfa_required).toEqual({ member_options: null, secondary_auth_initiated: null });
    const { created, done, secret } = await enrol();
    expect(created.qr_code).toMatch(/^data:image\/png;base64,/);
    expect(created.recovery_codes).toHaveLength(10);
    expect(created.totp_registration_id).toMatch(/^member-totp-test-/);
    expect(done).toMatchObject({ member_authenticated: true, intermediate_session_token: '', mfa_required: null });
    expect(done.member).toMatchObject({
      mfa_enrolled: true,
      default_mfa_method: 'totp',
      totp_registration_id: created.totp_registration_id,
    });
    const factors = done.member_session.authentication_factors;
    expect(factors.map((f: { type: string; sequence_order: string }) => [f.type, f.sequence_order])).toEqual([
      ['magic_link', 'PRIMARY'],
      ['totp', 'SECONDARY'],
    ]);
    // The secret is never served again, and is stored sealed only.
    const rows = await t.server.db.selectFrom('member_totps').selectAll().execute();
    expect(JSON.stringify(rows)).not.toContain(secret);
    expect((await t.sdk('/b2b/totp', { session: done.session_token, body: ids() })).body.error_type).toBe(
      'active_totp_exists',
    );
  });

  test('the IST is spent once; a code is single-use within its window; ±1 step accepted, ±2 refused', async () => {
    const { secret, done } = await enrol();
    t.clock.advance(5 * 60_000);
    const second = await primarySignIn();
    expect(second.mfa_required.member_options).toEqual({
      mfa_phone_number: '',
      totp_registration_id: done.member.totp_registration_id,
    });
    const ist = second.intermediate_session_token;
    const now = t.clock.now();
    for (const offset of [-60_000, 60_000]) {
      const far = await authenticate(ist, totpCode(secret, now + offset));
      expect([far.status, far.body.error_type]).toEqual([404, 'otp_code_not_found']);
    }
    const ok = await authenticate(ist, totpCode(secret, now - 30_000));
    expect(ok.body.data?.member_authenticated, JSON.stringify(ok.body)).toBe(true);
    expect((await authenticate(ist, totpCode(secret, now))).body.error_type).toBe('intermediate_session_not_found');
    const third = (await primarySignIn()).intermediate_session_token;
    expect((await authenticate(third, totpCode(secret, now - 30_000))).body.error_type).toBe(
      'totp_code_already_authenticated',
    );
    expect((await authenticate(third, totpCode(secret, now))).body.data.member_authenticated).toBe(true);
    // The IST alone is no session (SES-15).
    expect((await t.sdk('/b2b/sessions/authenticate', { session: third, body: {} })).status).toBe(401);
  });

  test('no IST and no session: refused before the code is looked at (no oracle)', async () => {
    const { secret } = await enrol();
    const res = await t.sdk('/b2b/totp/authenticate', {
      body: { ...ids(), code: totpCode(secret, t.clock.now() + 30_000) },
    });
    expect([res.status, res.body.error_type]).toEqual([400, 'bad_request']);
    const other = await t.sdk('/b2b/totp/authenticate', {
      body: { ...ids(), code: '000000', intermediate_session_token: 'not-an-ist' },
    });
    expect(other.body.error_type).toBe('intermediate_session_not_found');
  });

  test('wrong codes are rate-limited per member (AUTH-01)', async () => {
    await enrol();
    const ist = (await primarySignIn()).intermediate_session_token;
    const answers: number[] = [];
    for (let i = 0; i < 22; i++) answers.push((await authenticate(ist, '000000')).status);
    expect(answers.slice(0, 20).every((s) => s === 404)).toBe(true);
    expect(answers.at(-1)).toBe(429);
  });

  test('an IST alone cannot enrol a new factor over a verified one', async () => {
    await t.server.db
      .updateTable('members')
      .set({ mfa_phone_number: '+15555550100', mfa_phone_number_verified: 1 })
      .execute();
    const first = await primarySignIn();
    const res = await t.sdk('/b2b/totp', {
      body: { ...ids(), intermediate_session_token: first.intermediate_session_token },
    });
    expect([res.status, res.body.error_type]).toEqual([403, 'mfa_required']);
  });

  test('mfa_methods RESTRICTED without totp refuses enrolling and answering with TOTP', async () => {
    const { secret } = await enrol();
    const put = { mfa_methods: 'RESTRICTED', allowed_mfa_methods: ['sms_otp'] };
    expect((await t.api(`/organizations/${orgId}`, { method: 'PUT', body: put })).status).toBe(200);
    const ist = (await primarySignIn()).intermediate_session_token;
    const res = await authenticate(ist, totpCode(secret, t.clock.now() + 30_000));
    expect([res.status, res.body.error_type]).toEqual([403, 'mfa_method_not_allowed']);
    const create = await t.api('/totp', { body: ids() });
    expect(create.body.error_type).toBe('mfa_method_not_allowed');
  });

  test('deleteTOTP (SDK self and backend) removes the registration and its recovery codes', async () => {
    const { done } = await enrol();
    const res = await t.sdk('/b2b/organizations/members/deleteTOTP', { method: 'DELETE', session: done.session_token });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.data.member.totp_registration_id).toBe('');
    expect(await t.server.db.selectFrom('member_recovery_codes').selectAll().execute()).toEqual([]);
    const next = await primarySignIn();
    expect(next.mfa_required.member_options).toBeNull();
    const api = await t.api(`/organizations/${orgId}/members/${memberId}/totp`, { method: 'DELETE' });
    expect(api.status).toBe(200);
  });
});

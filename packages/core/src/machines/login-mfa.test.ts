import { describe, expect, it } from 'vitest';
import type { Organization } from '../protocol/types.js';
import { fixtureAuthenticateResponse, fixtureMember, fixtureOrganization } from '../testing/fixtures.js';
import { fixtureMfaRequiredResponse, fixtureTotpCreateResponse } from '../testing/mfa-fixtures.js';
import { fixtureErrorEnvelope, type ScriptedReply } from '../testing/scripted-transport.js';
import { createTestClient } from '../testing/test-client.js';
import { FACTOR_ACTIONS } from './login-controller.js';
import { createFactorActions, type FactorActionContext } from './login-factors.js';
import type { CreateLoginOptions } from './login-types.js';

const EMAIL = 'ada@acme.test';
const ok = { request_id: 'r', status_code: 200 };
const org = (o: Partial<Organization> = {}) =>
  fixtureOrganization({ organization_slug: 'acme', mfa_policy: 'REQUIRED_FOR_ALL', ...o });
const MEMBER = fixtureMember().member_id;
const IST = 'intermediate-session-token-test-mfa';

/** An organization login whose password sign-in answers `pending` (a second factor owed). */
async function signIn(
  pending: ReturnType<typeof fixtureMfaRequiredResponse>,
  replies: Record<string, ScriptedReply> = {},
  options: CreateLoginOptions = {},
) {
  const test = createTestClient({
    replies: {
      'POST /b2b/organizations/search': { ...ok, organization: pending.organization },
      'POST /b2b/passwords/authenticate': pending,
      ...replies,
    },
  });
  const login = test.client.createLogin({ products: ['passwords'], organizationSlug: 'acme', ...options });
  await login.start();
  login.openPassword();
  await login.submitPassword(EMAIL, 'pw');
  const member = { organization_id: pending.organization.organization_id, member_id: MEMBER };
  const bodies = (path: string) => test.transport.requests.filter((r) => r.path === path).map((r) => r.body);
  return { ...test, login, member, bodies };
}

describe('login machine: second factors', () => {
  it('the controller stand-ins list every factor action (they load on first use)', () => {
    const actions = createFactorActions({ config: {} } as FactorActionContext);
    expect(Object.keys(actions).sort()).toEqual(FACTOR_ACTIONS.split(' ').sort());
  });

  it('TOTP enrolment: QR and key once, a code, the recovery codes to save, then signed in', async () => {
    const pending = fixtureMfaRequiredResponse({
      organization: org({ mfa_methods: 'RESTRICTED', allowed_mfa_methods: ['totp'] }),
    });
    const { login, client, member, bodies } = await signIn(pending, {
      'POST /b2b/totp': fixtureTotpCreateResponse(),
      'POST /b2b/totp/authenticate': fixtureAuthenticateResponse(),
    });
    expect(client.store.getState().status).toBe('intermediate');
    expect(login.getState()).toMatchObject({
      step: 'totp-enroll',
      busy: false,
      secret: 'JBSWY3DPEHPK3PXP',
      qrCode: 'data:image/png;base64,iVBORw0KGgo=',
      mfa: { memberId: MEMBER, methods: ['totp'], enrolled: [] },
    });
    expect(bodies('/b2b/totp')).toEqual([{ ...member, intermediate_session_token: IST }]);
    await login.submitMfaCode(' 123456 ');
    expect(bodies('/b2b/totp/authenticate')).toEqual([
      { ...member, code: '123456', session_duration_minutes: 60, intermediate_session_token: IST },
    ]);
    expect(login.getState()).toMatchObject({
      step: 'recovery-codes-save',
      recoveryCodes: expect.arrayContaining(['code-0-abcd-efgh']),
    });
    expect(client.store.getState().status).toBe('signed-in');
    login.saveRecoveryCodes();
    expect(login.getState()).toMatchObject({ step: 'signed-in', member: { email_address: EMAIL } });
  });

  it('both methods allowed: the choice, then SMS enrolment: number, send, resend, code', async () => {
    const { login, member, bodies } = await signIn(
      fixtureMfaRequiredResponse({ organization: org() }),
      {
        'POST /b2b/otps/sms/send': ok,
        'POST /b2b/otps/sms/authenticate': fixtureAuthenticateResponse(),
      },
      { mfaProductOrder: ['smsOtp', 'totp'] },
    );
    expect(login.getState()).toMatchObject({
      step: 'mfa-choose',
      enrolling: true,
      mfa: { methods: ['smsOtp', 'totp'] },
    });
    await login.chooseMfaMethod('smsOtp');
    expect(login.getState()).toMatchObject({ step: 'sms-enroll', phoneNumber: '' });
    await login.sendSms(' +15555550100 ');
    expect(login.getState()).toMatchObject({
      step: 'sms-verify',
      phoneNumber: '+15555550100',
      sends: 1,
      enrolling: true,
    });
    await login.sendSms();
    expect(login.getState()).toMatchObject({ step: 'sms-verify', sends: 2 });
    expect(bodies('/b2b/otps/sms/send')).toEqual([
      { ...member, mfa_phone_number: '+15555550100', intermediate_session_token: IST },
      { ...member, mfa_phone_number: '+15555550100', intermediate_session_token: IST },
    ]);
    await login.submitMfaCode('000111');
    expect(login.getState().step).toBe('signed-in');
  });

  it('TOTP enrolled: the code; a wrong one stays; a recovery code works instead', async () => {
    const enrolled = fixtureMember({ totp_registration_id: 'member-totp-test-1', mfa_enrolled: true });
    const { login, client, member, bodies } = await signIn(
      fixtureMfaRequiredResponse({ organization: org(), member: enrolled }),
      {
        'POST /b2b/totp/authenticate': fixtureErrorEnvelope('otp_code_not_found', 404),
        'POST /b2b/recovery_codes/recover': { ...fixtureAuthenticateResponse(), recovery_codes_remaining: 9 },
      },
    );
    expect(login.getState()).toMatchObject({ step: 'totp-verify', mfa: { enrolled: ['totp'] } });
    await login.submitMfaCode('999999');
    expect(login.getState()).toMatchObject({
      step: 'totp-verify',
      busy: false,
      error: { errorType: 'otp_code_not_found' },
    });
    expect(client.store.getState().status).toBe('intermediate');
    login.openRecoveryCode();
    expect(login.getState().step).toBe('recovery-code');
    await login.submitMfaCode('abcd-efgh-ijkl');
    expect(bodies('/b2b/recovery_codes/recover')).toEqual([
      { ...member, recovery_code: 'abcd-efgh-ijkl', session_duration_minutes: 60, intermediate_session_token: IST },
    ]);
    expect(login.getState().step).toBe('signed-in');
  });

  it('SMS enrolled: a code already texted is typed at once; otherwise one is sent on entry', async () => {
    const phone = fixtureMember({
      mfa_phone_number: '+15555550100',
      mfa_phone_number_verified: true,
      default_mfa_method: 'sms_otp',
    });
    const sent = await signIn(
      fixtureMfaRequiredResponse({ organization: org(), member: phone, mfa: { secondary_auth_initiated: 'sms_otp' } }),
    );
    expect(sent.login.getState()).toMatchObject({ step: 'sms-verify', sends: 1, busy: false, enrolling: false });
    expect(sent.bodies('/b2b/otps/sms/send')).toEqual([]);
    // The server's code is the one to type; "resend" still texts another on request.
    sent.transport.reply('POST /b2b/otps/sms/send', ok);
    await sent.login.sendSms();
    expect(sent.bodies('/b2b/otps/sms/send')).toEqual([{ ...sent.member, intermediate_session_token: IST }]);
    expect(sent.login.getState()).toMatchObject({ step: 'sms-verify', sends: 2 });
    const fresh = await signIn(fixtureMfaRequiredResponse({ organization: org(), member: phone }), {
      'POST /b2b/otps/sms/send': ok,
    });
    expect(fresh.login.getState()).toMatchObject({
      step: 'sms-verify',
      sends: 1,
      busy: false,
      phoneNumber: '+15555550100',
    });
    // An enrolled phone is not named again: the server texts the one on file.
    expect(fresh.bodies('/b2b/otps/sms/send')).toEqual([{ ...fresh.member, intermediate_session_token: IST }]);
  });

  it('every primary path leads to MFA: an organization magic link from the redirect', async () => {
    const pending = fixtureMfaRequiredResponse({
      organization: org({ mfa_methods: 'RESTRICTED', allowed_mfa_methods: ['sms_otp'] }),
    });
    const test = createTestClient({
      href: 'http://localhost:3000/?token=t&stytch_token_type=multi_tenant_magic_links',
      replies: { 'POST /b2b/magic_links/authenticate': { ...pending, method_id: 'email-1' } },
    });
    const login = test.client.createLogin();
    await login.start();
    expect(login.getState()).toMatchObject({ step: 'sms-enroll', mfa: { organizationId: pending.organization_id } });
  });

  it('mfa_methods: only RESTRICTED narrows the methods; one allowed method skips the choice', async () => {
    // ALL_ALLOWED allows every method whatever allowed_mfa_methods lists (the `stytch` package's
    // organizations.d.ts): the choice.
    const all = await signIn(
      fixtureMfaRequiredResponse({ organization: org({ mfa_methods: 'ALL_ALLOWED', allowed_mfa_methods: ['totp'] }) }),
    );
    expect(all.login.getState()).toMatchObject({ step: 'mfa-choose', mfa: { methods: ['totp', 'smsOtp'] } });
    // RESTRICTED to SMS: a member preferring their TOTP is asked for the texted code instead.
    const both = fixtureMember({
      mfa_phone_number: '+15555550100',
      mfa_phone_number_verified: true,
      totp_registration_id: 'member-totp-test-1',
      default_mfa_method: 'totp',
    });
    const restricted = await signIn(
      fixtureMfaRequiredResponse({
        organization: org({ mfa_methods: 'RESTRICTED', allowed_mfa_methods: ['sms_otp'] }),
        member: both,
        mfa: {
          member_options: { mfa_phone_number: '+15555550100', totp_registration_id: '' },
          secondary_auth_initiated: 'sms_otp',
        },
      }),
    );
    expect(restricted.login.getState()).toMatchObject({ step: 'sms-verify', sends: 1, mfa: { methods: ['smsOtp'] } });
    expect(restricted.bodies('/b2b/otps/sms/send')).toEqual([]);
  });

  it('mfaProductInclude narrows what is offered to enrol', async () => {
    const { login } = await signIn(
      fixtureMfaRequiredResponse({ organization: org() }),
      { 'POST /b2b/totp': fixtureTotpCreateResponse() },
      {
        mfaProductInclude: ['totp'],
      },
    );
    expect(login.getState()).toMatchObject({ step: 'totp-enroll', mfa: { methods: ['totp'] } });
  });
});

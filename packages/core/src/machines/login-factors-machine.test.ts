import { describe, expect, it } from 'vitest';
import { OrgAuthError } from '../errors.js';
import { fixtureMember, fixtureOrganization } from '../testing/fixtures.js';
import { fixtureStrengthCheckResponse } from '../testing/mfa-fixtures.js';
import type { MfaContext } from './login-factor-state.js';
import { initialLoginState, loginReducer } from './login-machine.js';
import { mfaEntryState, mfaStep } from './login-mfa-entry.js';
import type { LoginEvent, LoginState } from './login-state.js';

const run = (events: LoginEvent[], from: LoginState = initialLoginState) => events.reduce(loginReducer, from);
const mfa = (o: Partial<MfaContext> = {}): MfaContext => ({
  memberId: 'member-test-1',
  organizationId: 'organization-test-1',
  organizationName: 'Acme',
  email: 'ada@acme.test',
  methods: ['totp', 'smsOtp'],
  enrolled: [],
  phoneNumber: null,
  smsSent: false,
  ...o,
});
const member = fixtureMember();
const entered = (m: MfaContext, d: 'totp' | 'smsOtp' | null = null): LoginEvent => ({
  type: 'MFA_STEP_ENTERED',
  next: mfaEntryState(m, d, null),
});
const organization = fixtureOrganization();

describe('login reducer: passwords', () => {
  it('password step: one submit at a time, reset sent counts sends, back returns', () => {
    const busy = run([
      { type: 'PASSWORD_OPENED', email: '' },
      { type: 'PASSWORD_SUBMITTED', email: 'a@b.co' },
    ]);
    expect(busy).toMatchObject({ step: 'password', email: 'a@b.co', busy: true });
    expect(loginReducer(busy, { type: 'RESET_START_SUBMITTED', email: 'x@y.co' })).toBe(busy);
    const failed = loginReducer(busy, { type: 'FAILED', error: new OrgAuthError('network_error', 'x') });
    expect(failed).toMatchObject({ step: 'password', busy: false, error: { code: 'network_error' } });
    const sent = run(
      [
        { type: 'RESET_SENT', email: 'a@b.co' },
        { type: 'RESET_SENT', email: 'a@b.co' },
      ],
      failed,
    );
    expect(sent).toMatchObject({ step: 'password-reset-sent', sends: 2 });
    expect(loginReducer(sent, { type: 'BACK' })).toMatchObject({ step: 'password', email: 'a@b.co', busy: false });
    expect(loginReducer(failed, { type: 'BACK' })).toMatchObject({ step: 'email', email: 'a@b.co' });
    expect(loginReducer(initialLoginState, { type: 'RESET_SENT', email: 'a@b.co' })).toBe(initialLoginState);
  });

  it('reset screen: strength verdicts only there; one submit at a time', () => {
    const open = loginReducer(initialLoginState, {
      type: 'RESET_OPENED',
      token: 't',
      tokenType: 'multi_tenant_passwords',
    });
    expect(open).toMatchObject({ step: 'password-reset', strength: null, checking: false, busy: false });
    const strength = fixtureStrengthCheckResponse();
    const checked = run([{ type: 'STRENGTH_CHECKING' }, { type: 'STRENGTH_CHECKED', strength }], open);
    expect(checked).toMatchObject({ checking: false, strength });
    const busy = loginReducer(checked, { type: 'RESET_SUBMITTED' });
    expect(loginReducer(busy, { type: 'RESET_SUBMITTED' })).toBe(busy);
    expect(loginReducer(initialLoginState, { type: 'STRENGTH_CHECKING' })).toBe(initialLoginState);
  });
});

describe('login reducer: second factors', () => {
  it('enters per Stytch: texted code, default enrolled method, single method to enrol, or the choice', () => {
    const enter = (m: MfaContext, d: 'totp' | 'smsOtp' | null = null) => loginReducer(initialLoginState, entered(m, d));
    expect(enter(mfa({ smsSent: true, phoneNumber: '+1' }))).toMatchObject({
      step: 'sms-verify',
      sends: 1,
      busy: false,
    });
    expect(enter(mfa({ enrolled: ['totp', 'smsOtp'] }), 'smsOtp')).toMatchObject({
      step: 'sms-verify',
      sends: 0,
      busy: true,
    });
    expect(enter(mfa({ enrolled: ['totp', 'smsOtp'] }))).toMatchObject({ step: 'totp-verify' });
    expect(enter(mfa({ methods: ['smsOtp'] }))).toMatchObject({ step: 'sms-enroll' });
    expect(enter(mfa({ methods: ['totp'] }))).toMatchObject({ step: 'totp-enroll', busy: true, secret: '' });
    expect(enter(mfa())).toMatchObject({ step: 'mfa-choose', enrolling: true });
  });

  it('a chosen method: its enrolment; back from a method returns to the choice when there is one', () => {
    const choose = loginReducer(initialLoginState, entered(mfa({ methods: ['smsOtp'] })));
    const both = run([entered(mfa())]);
    expect(both).toMatchObject({ step: 'mfa-choose' });
    const enrolling = loginReducer(both, {
      type: 'MFA_STEP_ENTERED',
      next: mfaStep(mfa(), 'smsOtp', true, null),
    });
    expect(enrolling).toMatchObject({ step: 'sms-enroll' });
    expect(loginReducer(enrolling, { type: 'BACK' })).toMatchObject({ step: 'mfa-choose' });
    expect(loginReducer(choose, { type: 'BACK' })).toBe(choose);
  });

  it('TOTP enrolment: code only once the key shows; its sign-in shows the recovery codes, saved once', () => {
    const creating = loginReducer(initialLoginState, entered(mfa({ methods: ['totp'] })));
    expect(loginReducer({ ...creating, busy: false } as LoginState, { type: 'MFA_CODE_SUBMITTED' })).toMatchObject({
      busy: false,
    });
    const shown = loginReducer(creating, { type: 'TOTP_CREATED', qrCode: 'q', secret: 's', recoveryCodes: ['r1'] });
    const verifying = loginReducer(shown, { type: 'MFA_CODE_SUBMITTED' });
    expect(verifying).toMatchObject({ busy: true });
    const save = loginReducer(verifying, { type: 'SIGNED_IN', member, organization });
    expect(save).toMatchObject({ step: 'recovery-codes-save', recoveryCodes: ['r1'] });
    expect(loginReducer(save, { type: 'SIGNED_IN', member, organization })).toBe(save);
    expect(loginReducer(save, { type: 'RECOVERY_CODES_SAVED' })).toMatchObject({ step: 'signed-in', member });
  });

  it('SMS: resend counts, an enrolment goes back to the number; recovery codes only with TOTP enrolled', () => {
    const number = run([
      entered(mfa({ methods: ['smsOtp'] })),
      { type: 'SMS_SEND_SUBMITTED', phoneNumber: '+1555' },
      { type: 'SMS_SENT', phoneNumber: '+1555' },
    ]);
    expect(number).toMatchObject({ step: 'sms-verify', sends: 1, enrolling: true });
    const again = run(
      [
        { type: 'SMS_SEND_SUBMITTED', phoneNumber: '+1555' },
        { type: 'SMS_SENT', phoneNumber: '+1555' },
      ],
      number,
    );
    expect(again).toMatchObject({ sends: 2 });
    expect(loginReducer(again, { type: 'BACK' })).toMatchObject({ step: 'sms-enroll', phoneNumber: '+1555' });
    expect(loginReducer(again, { type: 'RECOVERY_CODE_OPENED' })).toBe(again);
    const totp = loginReducer(initialLoginState, entered(mfa({ enrolled: ['totp'] })));
    expect(loginReducer(totp, { type: 'RECOVERY_CODE_OPENED' })).toMatchObject({ step: 'recovery-code' });
  });
});

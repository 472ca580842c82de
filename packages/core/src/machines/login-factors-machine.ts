import type { LoginFactorEvent } from './login-factor-state.js';
import type { LoginState } from './login-state.js';

const FORM = { busy: false, error: null } as const;

/**
 * The password and second-factor part of the login reducer (login-machine.ts hands it these
 * events): pure, and, like the rest, it returns the same state for an event that makes no sense on
 * the current step.
 */
export function factorsReducer(state: LoginState, event: LoginFactorEvent): LoginState {
  const { flow } = state;
  switch (event.type) {
    case 'PASSWORD_OPENED':
      return { step: 'password', email: event.email, ...FORM, flow };
    case 'PASSWORD_SUBMITTED':
    case 'RESET_START_SUBMITTED':
      return state.step === 'password' && !state.busy
        ? { ...state, email: event.email, busy: true, error: null }
        : state;
    case 'RESET_SENT':
      return state.step === 'password' || state.step === 'password-reset-sent'
        ? {
            step: 'password-reset-sent',
            email: event.email,
            sends: state.step === 'password-reset-sent' ? state.sends + 1 : 1,
            ...FORM,
            flow,
          }
        : state;
    case 'RESET_OPENED':
      return {
        step: 'password-reset',
        token: event.token,
        tokenType: event.tokenType,
        strength: null,
        checking: false,
        ...FORM,
        flow,
      };
    case 'STRENGTH_CHECKING':
    case 'STRENGTH_CHECKED':
      return state.step === 'password-reset'
        ? event.type === 'STRENGTH_CHECKING'
          ? { ...state, checking: true }
          : { ...state, checking: false, strength: event.strength }
        : state;
    case 'RESET_SUBMITTED':
      return state.step === 'password-reset' && !state.busy ? { ...state, busy: true, error: null } : state;
    case 'MFA_STEP_ENTERED':
      return { ...event.next, flow };
    case 'MFA_CHOOSE_OPENED':
      return 'mfa' in state && !state.busy
        ? { step: 'mfa-choose', mfa: state.mfa, enrolling: !state.mfa.enrolled.length, ...FORM, flow }
        : state;
    case 'TOTP_CREATED':
      return state.step === 'totp-enroll'
        ? { ...state, qrCode: event.qrCode, secret: event.secret, recoveryCodes: event.recoveryCodes, ...FORM }
        : state;
    case 'MFA_CODE_SUBMITTED':
      return (state.step === 'totp-enroll' && state.secret) ||
        state.step === 'totp-verify' ||
        (state.step === 'sms-verify' && state.sends) ||
        state.step === 'recovery-code'
        ? state.busy
          ? state
          : { ...state, busy: true, error: null }
        : state;
    case 'SMS_SEND_SUBMITTED':
      return (state.step === 'sms-enroll' || state.step === 'sms-verify') && !state.busy
        ? { ...state, phoneNumber: event.phoneNumber, busy: true, error: null }
        : state;
    case 'SMS_SENT':
      return state.step === 'sms-enroll' || state.step === 'sms-verify'
        ? {
            step: 'sms-verify',
            mfa: state.mfa,
            phoneNumber: event.phoneNumber,
            sends: state.step === 'sms-verify' ? state.sends + 1 : 1,
            enrolling: state.step === 'sms-enroll' || state.enrolling,
            ...FORM,
            flow,
          }
        : state;
    case 'RECOVERY_CODE_OPENED':
      return 'mfa' in state && !state.busy && state.mfa.enrolled.includes('totp')
        ? { step: 'recovery-code', mfa: state.mfa, ...FORM, flow }
        : state;
    case 'RECOVERY_CODES_SAVED':
      return state.step === 'recovery-codes-save'
        ? { step: 'signed-in', member: state.member, organization: state.organization, flow }
        : state;
  }
}

import type { LoginState, LoginStep } from '@orgauth/core';
import type { FactorScreen } from './factor-view.js';
import { strengthOf } from './factor-view.js';

/** The login steps the factor screens show (login-factor-steps.ts lists them for the element). */
type FactorStep = Extract<
  LoginStep,
  | 'password'
  | 'password-reset-sent'
  | 'password-reset'
  | 'mfa-choose'
  | 'totp-enroll'
  | 'totp-verify'
  | 'sms-enroll'
  | 'sms-verify'
  | 'recovery-code'
  | 'recovery-codes-save'
>;

/** A login state on one of the factor steps. */
export type FactorState = Extract<LoginState, { step: FactorStep }>;

/**
 * The screen of a password or second-factor step, as plain data: the machine's state names and
 * shapes stop here. "Use another method" shows when more than one method is offered.
 */
export function factorScreenOf(state: FactorState): FactorScreen {
  const base = 'busy' in state ? { busy: state.busy, error: state.error } : { busy: false, error: null };
  switch (state.step) {
    case 'password':
      return { ...base, screen: 'password', email: state.email };
    case 'password-reset-sent':
      return { ...base, screen: 'password-reset-sent', email: state.email, sends: state.sends };
    case 'password-reset':
      return {
        ...base,
        screen: 'password-reset',
        strength: state.strength ? strengthOf(state.strength) : null,
        checking: state.checking,
      };
    case 'mfa-choose':
      return {
        ...base,
        screen: 'mfa-choose',
        organizationName: state.mfa.organizationName,
        methods: state.enrolling ? state.mfa.methods : state.mfa.enrolled,
      };
    case 'totp-enroll':
      return {
        ...base,
        // The QR code and key are being created: the screen waits with them.
        busy: base.busy || state.secret === '',
        screen: 'totp-enrol',
        organizationName: state.mfa.organizationName,
        qrCode: state.qrCode,
        secret: state.secret,
        otherMethods: state.mfa.methods.length > 1,
      };
    case 'totp-verify':
    case 'sms-verify':
      return {
        ...base,
        screen: 'mfa-verify',
        method: state.step === 'totp-verify' ? 'totp' : 'smsOtp',
        organizationName: state.mfa.organizationName,
        phone: state.step === 'sms-verify' ? state.phoneNumber : undefined,
        otherMethods:
          (state.step === 'sms-verify' && state.enrolling ? state.mfa.methods : state.mfa.enrolled).length > 1,
        recovery: state.mfa.enrolled.includes('totp'),
      };
    case 'sms-enroll':
      return {
        ...base,
        screen: 'sms-enrol',
        organizationName: state.mfa.organizationName,
        otherMethods: state.mfa.methods.length > 1,
      };
    case 'recovery-code':
      return { ...base, screen: 'recovery-code' };
    case 'recovery-codes-save':
      return {
        screen: 'recovery-codes',
        organizationName: state.organization.organization_name,
        codes: state.recoveryCodes,
      };
  }
}

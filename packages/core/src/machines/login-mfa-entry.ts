import type { MfaProduct } from './login-config.js';
import type { LoginFactorState, MfaContext } from './login-factor-state.js';
import type { LoginFlow } from './login-state.js';

/**
 * The first second-factor step, as Stytch's login picks it: the code field when a code was texted
 * already; else the member's default method (or the first enrolled one the organization allows);
 * else enrolment, of the one method offered or, with several, the choice.
 */
export function mfaEntryState(
  mfa: MfaContext,
  defaultMethod: MfaProduct | null,
  flow: LoginFlow | null,
): LoginFactorState & { mfa: MfaContext; flow: LoginFlow | null } {
  const enrolledAllowed = mfa.enrolled.filter((m) => mfa.methods.includes(m) || mfa.methods.length === 0);
  const method = mfa.smsSent
    ? 'smsOtp'
    : defaultMethod && enrolledAllowed.includes(defaultMethod)
      ? defaultMethod
      : enrolledAllowed[0];
  if (method) return mfaStep(mfa, method, false, flow);
  if (mfa.methods.length === 1) return mfaStep(mfa, mfa.methods[0]!, true, flow);
  return { step: 'mfa-choose', mfa, enrolling: true, busy: false, error: null, flow } as const;
}

/** The step of one method: its enrolment or its code. */
export function mfaStep(
  mfa: MfaContext,
  method: MfaProduct,
  enrolling: boolean,
  flow: LoginFlow | null,
): LoginFactorState & { mfa: MfaContext; flow: LoginFlow | null } {
  const form = { busy: false, error: null, flow };
  if (method === 'totp')
    return enrolling
      ? // Busy while `totp.create` runs (the controller starts it on entering the step).
        { step: 'totp-enroll', mfa, qrCode: '', secret: '', recoveryCodes: [], ...form, busy: true }
      : { step: 'totp-verify', mfa, ...form };
  if (enrolling) return { step: 'sms-enroll', mfa, phoneNumber: '', ...form };
  // Enrolled: the code goes to the phone on file; sent already, or being sent (sends 0, busy).
  const sends = mfa.smsSent ? 1 : 0;
  return { step: 'sms-verify', mfa, phoneNumber: mfa.phoneNumber ?? '', sends, enrolling, ...form, busy: !sends };
}

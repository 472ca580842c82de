import type { LoginState } from '@orgauth/core';
import type { FactorState } from './factors/factor-state.js';

/** The steps whose screens load lazily (factors/index.ts): passwords and second factors. */
const FACTOR_STEPS: ReadonlySet<string> = new Set<FactorState['step']>([
  'password',
  'password-reset-sent',
  'password-reset',
  'mfa-choose',
  'totp-enroll',
  'totp-verify',
  'sms-enroll',
  'sms-verify',
  'recovery-code',
  'recovery-codes-save',
]);

/** Whether `state` is a password or second-factor step, shown by the lazily loaded screens. */
export const isFactorState = (state: LoginState): state is FactorState => FACTOR_STEPS.has(state.step);

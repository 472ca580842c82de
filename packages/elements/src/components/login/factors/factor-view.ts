import type { OrgAuthFactorMessages } from '../../../i18n/factor-messages.js';

/** A second factor a member can enrol or verify with (the login's `MfaProduct` names). */
export type MfaMethod = 'totp' | 'smsOtp';

/** The strength check's answer as the meter shows it (`POST /b2b/passwords/strength_check`). */
export interface PasswordStrength {
  /** zxcvbn's score, 0 (guessable) to 4. */
  score: number;
  /** The server would accept the password. */
  valid: boolean;
  /** Found in the bundled list of breached passwords. */
  breached: boolean;
  /** zxcvbn's warning, in the server's words; empty when none. */
  warning: string;
  /** zxcvbn's suggestions, in the server's words. */
  suggestions: readonly string[];
}

/** The fields of a `strength_check` answer the meter reads (Stytch's names). */
export interface StrengthCheckAnswer {
  valid_password: boolean;
  score: number;
  breached_password: boolean;
  zxcvbn_feedback?: { warning?: string; suggestions?: readonly string[] } | null;
}

/** The meter's data from a `strength_check` answer. */
export const strengthOf = (answer: StrengthCheckAnswer): PasswordStrength => ({
  score: Math.max(0, Math.min(4, Math.round(answer.score))),
  valid: answer.valid_password,
  breached: answer.breached_password,
  warning: answer.zxcvbn_feedback?.warning ?? '',
  suggestions: answer.zxcvbn_feedback?.suggestions ?? [],
});

/** What every factor screen shares: a failure to show, and whether an action is under way. */
interface Base {
  busy: boolean;
  error: unknown;
}

/**
 * One password or multi-factor screen as plain data: what the login machine's state says, mapped by
 * the element (so the screens do not depend on the machine's state names).
 */
export type FactorScreen =
  | (Base & { screen: 'password'; email: string })
  | (Base & { screen: 'password-reset-sent'; email: string; sends: number })
  | (Base & {
      screen: 'password-reset';
      /** The latest strength check of what was typed; null before the first answer. */
      strength: PasswordStrength | null;
      /** A strength check is under way. */
      checking: boolean;
    })
  | (Base & { screen: 'mfa-choose'; organizationName: string; methods: readonly MfaMethod[] })
  /** `qrCode` and `secret` are empty while they are being created. */
  | (Base & { screen: 'totp-enrol'; organizationName: string; qrCode: string; secret: string; otherMethods: boolean })
  | (Base & { screen: 'sms-enrol'; organizationName: string; otherMethods: boolean })
  | (Base & {
      screen: 'mfa-verify';
      method: MfaMethod;
      organizationName: string;
      /** The masked number the code went to (SMS). */
      phone?: string | undefined;
      /** Other enrolled or allowed methods exist: "Use another method" shows. */
      otherMethods: boolean;
      /** The member has recovery codes (they come with an authenticator app): "Use a recovery code instead" shows. */
      recovery: boolean;
    })
  | (Base & { screen: 'recovery-code' })
  | { screen: 'recovery-codes'; organizationName: string; codes: readonly string[] };

/** The names of the screens. */
export type FactorScreenName = FactorScreen['screen'];

/** What was copied last, for the polite "Copied." note; `failed` when the clipboard refused. */
export type CopyStatus = 'key' | 'codes' | 'failed' | null;

/**
 * What a factor screen reads from the element and calls on it: the words, the fields' values (view
 * state, not machine state) and the actions. Screens stay pure: data and view in, template out.
 */
export interface FactorView {
  readonly messages: OrgAuthFactorMessages;
  /** The password field's text. */
  readonly password: string;
  /** The password shows as text (the show/hide toggle is pressed). */
  readonly passwordShown: boolean;
  /** The digits typed into a code field. */
  readonly code: string;
  readonly recoveryCode: string;
  readonly phone: string;
  readonly copied: CopyStatus;
  setPassword(value: string): void;
  togglePasswordShown(): void;
  setCode(value: string): void;
  setRecoveryCode(value: string): void;
  setPhone(value: string): void;
  /** Signs in with `email` and the password field's text. */
  submitPassword(email: string): void;
  /** "Forgot password?": emails a reset link to `email`. */
  forgotPassword(email: string): void;
  /** Sends the reset link again. */
  resendPasswordReset(): void;
  /** Sets the password field's text as the new password (the reset link's screen). */
  submitNewPassword(): void;
  back(): void;
  chooseMethod(method: MfaMethod): void;
  submitPhone(): void;
  submitCode(): void;
  resendSms(): void;
  useRecoveryCode(): void;
  submitRecoveryCode(): void;
  useOtherMethod(): void;
  /** Copies `text`; `what` names the copy for the status note. */
  copy(text: string, what: 'key' | 'codes'): void;
  /** Saves the codes as a text file. */
  downloadCodes(codes: readonly string[], organizationName: string): void;
  /** "I saved my codes". */
  finishRecoveryCodes(): void;
}

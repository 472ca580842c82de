import type { OrgAuthLocale } from './locale.js';
import type { OrgAuthMessages } from './messages.js';

/**
 * Words of the login's password and multi-factor screens, a table of their own beside
 * `DEFAULT_MESSAGES` (docs/architecture.md P7): only the lazily loaded screens module imports it, so
 * the login's script-tag bundle does not carry these words until a person reaches such a screen.
 * `{name}` marks a placeholder; `{n, plural, …}` and `{x, select, …}` follow src/i18n/format.ts.
 */
export const DEFAULT_FACTOR_MESSAGES = {
  'password.label': 'Password',
  'password.newLabel': 'New password',
  'password.show': 'Show password',
  'password.strengthLabel': 'Password strength',
  'password.strength': '{score, select, 0 {Very weak} 1 {Weak} 2 {Fair} 3 {Strong} other {Very strong}}',
  'password.checking': 'Checking your password…',
  'password.accepted': 'This password can be used.',
  'password.breached': 'This password has appeared in a data breach. Choose another one.',
  'password.tooWeak': 'This password is too easy to guess.',
  'password.heading': 'Enter your password',
  'password.intro': 'Sign in as {email}.',
  'password.submit': 'Sign in',
  'password.forgot': 'Forgot password?',
  'password.incorrect': 'That email and password do not match. Try again, or reset your password.',
  'password.back': 'Use a different email',
  // The seed's words, said whether or not the address has an account (docs/security.md AUTH-03).
  'forgot.sent': 'If an account is associated with that email, a reset link has been sent.',
  'forgot.sentHint': 'Open the link on this device. It expires soon.',
  'forgot.back': 'Back to sign in',
  'reset.heading': 'Choose a new password',
  'reset.intro': 'Use a password you do not use anywhere else. A few unrelated words make a strong one.',
  'reset.submit': 'Save password',
  'mfa.chooseHeading': 'Verify it is you',
  'mfa.chooseIntro': '{organization} asks for a second step when you sign in. Choose one:',
  'mfa.totp': 'Authenticator app',
  'mfa.totpHint': 'A code from an app such as Google Authenticator or 1Password',
  'mfa.sms': 'Text message',
  'mfa.smsHint': 'A code sent to your mobile phone',
  'totp.heading': 'Set up your authenticator app',
  'totp.scan': 'Scan this QR code with your authenticator app.',
  'totp.qrAlt': 'QR code that adds {organization} to an authenticator app',
  'totp.manual': 'Cannot scan it? Enter this key in the app instead:',
  'totp.keyLabel': 'Setup key',
  'totp.once': 'The code and key are shown only once.',
  'totp.copyKey': 'Copy key',
  'totp.codeLabel': 'Code from your app',
  'totp.codeHint': 'Enter the 6-digit code the app shows now.',
  'totp.submit': 'Verify',
  'sms.heading': 'Add your mobile number',
  'sms.intro': 'We will text you a code each time you sign in to {organization}.',
  'sms.phoneLabel': 'Mobile number',
  'sms.phoneHint': 'With the country code, like +1 555 123 4567.',
  'sms.submit': 'Text me a code',
  'verify.heading': 'Enter your verification code',
  'verify.totpIntro': 'Open your authenticator app and enter the code it shows for {organization}.',
  'verify.smsIntro': 'We texted a 6-digit code to {phone}.',
  'verify.codeLabel': 'Verification code',
  'verify.submit': 'Verify',
  'verify.wrongCode': 'That code is not right. Check it and try again.',
  'verify.resend': 'Text me a new code',
  'verify.useRecovery': 'Use a recovery code instead',
  'verify.otherMethod': 'Use another method',
  'recover.heading': 'Use a recovery code',
  'recover.intro': 'Enter one of the recovery codes you saved. Each code works once.',
  'recover.label': 'Recovery code',
  'recover.submit': 'Continue',
  'recover.back': 'Use a verification code instead',
  'codes.heading': 'Save your recovery codes',
  'codes.intro':
    'If you lose your phone, each of these codes signs you in once. They are shown only now: keep them somewhere safe.',
  'codes.listLabel': 'Your recovery codes',
  'codes.copy': 'Copy codes',
  'codes.download': 'Download as text',
  'codes.fileTitle': 'Recovery codes for {organization}',
  'codes.continue': 'I saved my codes',
  'copy.done': 'Copied.',
  'copy.failed': 'Could not copy. Select the text and copy it yourself.',
} as const;

/** Keys of the password and multi-factor screens' words. */
export type OrgAuthFactorMessageKey = keyof typeof DEFAULT_FACTOR_MESSAGES;

/** The table the password and multi-factor screens render with: their words, and the login's (for errors and `format`). */
export type OrgAuthFactorMessages = Record<OrgAuthFactorMessageKey, string> & OrgAuthMessages;

/**
 * The login's resolved words plus the screens' own: the English defaults, then the pack's `factors`,
 * then the keys of this table that the login's `messages` override set (`resolveMessages` keeps them).
 */
export function resolveFactorMessages(login: OrgAuthMessages, pack?: OrgAuthLocale): OrgAuthFactorMessages {
  const set = login as Partial<Record<OrgAuthFactorMessageKey, string>>;
  const overrides = Object.fromEntries(
    (Object.keys(DEFAULT_FACTOR_MESSAGES) as OrgAuthFactorMessageKey[]).flatMap((key) =>
      set[key] === undefined ? [] : [[key, set[key]]],
    ),
  );
  return { ...login, ...DEFAULT_FACTOR_MESSAGES, ...pack?.factors, ...overrides };
}

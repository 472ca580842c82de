/** Length of the one-time codes (emailed, texted, or from an authenticator app). */
export const CODE_LENGTH = 6;

/** Digits of a typed or pasted code ("123 456", "123-456"), at most {@link CODE_LENGTH}. */
export const codeDigits = (value: string): string => value.replace(/\D/g, '').slice(0, CODE_LENGTH);

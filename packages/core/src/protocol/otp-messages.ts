/**
 * The words of a wrong one-time code's answer (`otp_code_not_found`), written by the server and read
 * back by the login UI for the tries left. Both sides use these two functions, so rewording the
 * server's sentence cannot silently drop the count the UI shows. Stytch's envelope has no field for
 * the count, so it travels in `error_message`.
 */

/** The server's message for a wrong code with `left` tries remaining (0: the last try was spent). */
export function otpWrongCodeMessage(left: number): string {
  if (left <= 0) return 'That code is wrong, and it was the last attempt: request a new code.';
  return `That code is wrong. ${left} ${left === 1 ? 'attempt' : 'attempts'} left for this code.`;
}

/** The tries left that {@link otpWrongCodeMessage} wrote into `message`: a count, 0 after the last, or null. */
export function otpAttemptsLeft(message: string): number | null {
  if (message === otpWrongCodeMessage(0)) return 0;
  const left = /^That code is wrong\. (\d+) attempts? left for this code\.$/.exec(message);
  return left ? Number(left[1]) : null;
}

/**
 * The screens of the login that share a machine step with another (the code entry is `email-sent`
 * with a code; a used invite is `error`) and need their own stories: `coverage.test.ts` checks that
 * each has a light and a dark one (a story names its state in `parameters.loginState`).
 */
export const LOGIN_STATES = [
  'email-choice', // both email products: "Email me a link" / "Email me a code"
  'code-entry', // the code field, with the resend countdown running
  'code-verifying', // the code is being checked
  'code-wrong', // wrong code, tries left
  'code-expired', // the code expired: "Resend code" at once
  'code-too-many-attempts', // the code was tried too often
  'code-rate-limited', // too many requests
  'code-resent', // a new code was sent: announced, the countdown restarted
  'invite-signed-in', // an invite accepted: signed in, the organization named
  'invite-used', // a used or expired invite: words and "Sign in with email instead"
] as const;

/** One of {@link LOGIN_STATES}. */
export type LoginStoryState = (typeof LOGIN_STATES)[number];

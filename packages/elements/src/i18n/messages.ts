import type { OrgAuthFactorMessageKey } from './factor-messages.js';
import type { OrgAuthLocale } from './locale.js';
import { type SignedInErrorKey, type ErrorKey, LOGIN_ERROR_MESSAGES, type LoginErrorKey } from './error-messages.js';

/** Every user-facing string of the elements, in one table (docs/architecture.md P7). `{name}` marks a placeholder; `{n, plural, …}` and `{x, select, …}` follow src/i18n/format.ts. */
export const DEFAULT_MESSAGES = {
  'email.heading': 'Sign in or create an organization',
  'email.headingOrganization': 'Sign in to {organization}',
  'email.intro': 'Enter your work email. We will send you a link to sign in.',
  'email.label': 'Work email',
  'email.placeholder': 'you@company.com',
  'email.submit': 'Continue with email',
  'email.introCode': 'Enter your work email. We will send you a code to sign in.',
  'email.introChoice': 'Enter your work email. We will send you a link or a code to sign in.',
  'email.submitLink': 'Email me a link',
  'email.submitCode': 'Email me a code',
  'emailSent.heading': 'Check your email',
  'emailSent.body': 'We sent a sign-in link to {email}',
  // Said the same whether or not the address may join: the server does not tell (docs/security.md AUTH-03).
  'emailSent.bodyOrganization': 'If {email} can sign in to {organization}, a sign-in link is on its way.',
  'emailSent.restricted':
    'New people join {organization} only with an address at {domains}. Not a member yet? Ask an admin to invite you.',
  'emailSent.inviteOnly': 'New people join {organization} by invitation. Not a member yet? Ask an admin to invite you.',
  'emailSent.hint': 'Open the link on this device to continue. It expires soon.',
  'emailSent.resend': 'Resend',
  'emailSent.resent': 'We sent another link.',
  'emailSent.back': 'Use a different email',
  'code.body': 'We sent a 6-digit code to {email}',
  'code.label': 'Code from the email',
  'code.hint': 'Type or paste the code. It expires in a few minutes.',
  'code.submit': 'Verify code',
  'code.verifying': 'Checking your code…',
  'code.resend': 'Resend code',
  'code.resendIn': 'You can ask for a new code in {seconds, plural, one {# second} other {# seconds}}.',
  'code.resent': 'We sent a new code. Use the latest email.',
  'code.wrong': 'That code is not right. {count, plural, one {# try} other {# tries}} left for this code.',
  'code.wrongLast': 'That code is not right, and it was the last try. Request a new code.',
  'authenticating.heading': 'Signing you in…',
  'chooseOrganization.heading': 'Choose an organization',
  'chooseOrganization.intro': 'Organizations you can use as {email}',
  'chooseOrganization.empty': "You're not a member of any organization yet.",
  'chooseOrganization.create': 'Create an organization',
  'chooseOrganization.startOver': 'Use a different email',
  'membership.active_member': 'Member',
  'membership.pending_member': 'Pending',
  'membership.invited_member': 'Invited',
  'membership.eligible_to_join_by_email_domain': 'You can join',
  'membership.eligible_to_join_by_oauth_tenant': 'You can join',
  'createOrganization.heading': 'Create an organization',
  'createOrganization.nameLabel': 'Organization name',
  'createOrganization.namePlaceholder': 'Acme Inc.',
  'createOrganization.slugLabel': 'Organization URL',
  'createOrganization.slugHint': 'Part of the web address of your organization, like acme-inc.',
  'createOrganization.submit': 'Create organization',
  'createOrganization.back': 'Back',
  'slug.required': 'Enter a URL for your organization.',
  'slug.too_short': 'Use at least 2 characters.',
  'slug.too_long': 'Use at most 128 characters.',
  'slug.invalid': 'Use 2–128 lowercase letters, digits, and - . _ ~, starting with a letter or digit.',
  'slug.taken': 'That URL is taken. Try another.',
  'name.required': 'Enter a name for your organization.',
  'signedIn.heading': 'Signed in',
  'signedIn.body': '{email} in {organization}',
  'signedIn.signOut': 'Sign out',
  'error.heading': 'Something went wrong',
  'error.startOver': 'Start over',
  'error.signInWithEmail': 'Sign in with email instead',
  'email.password': 'Use a password',
  'email.sso': 'Continue with SSO',
  'email.back': 'Back',
  'organizationLogin.heading': 'Sign in',
  'organizationLogin.loading': 'Finding your organization…',
  'organizationLogin.intro': 'Sign in to {organization} with your company’s single sign-on or your work email.',
  'organizationLogin.introEmail': 'Sign in to {organization} with your work email.',
  'organizationLogin.introSso': 'Sign in to {organization} with your company’s single sign-on.',
  'organizationLogin.sso': 'Continue with {name}',
  'organizationLogin.email': 'Continue with email',
  'ssoEmail.heading': 'Sign in with SSO',
  'ssoEmail.intro': 'Enter your work email. We will find your company’s single sign-on.',
  'ssoEmail.submit': 'Continue',
  'ssoEmail.choose': 'Your email domain has several SSO connections. Choose one:',
  'ssoEmail.back': 'Back',
  'ssoRedirecting.heading': 'Redirecting to your identity provider…',
  'organizationLogin.introChoose': 'Choose how to sign in to {organization}:',
  'oauth.continue': 'Continue with {provider}',
  'oauth.divider': 'or',
  'oauthRedirecting.heading': 'Redirecting to {provider}…',
  busy: 'Please wait…',
} as const;

/** Keys of the UI strings. */
export type OrgAuthMessageKey = keyof typeof DEFAULT_MESSAGES;

/**
 * The complete table an element renders with. The login's defaults carry the sign-in's error words
 * (`LOGIN_ERROR_MESSAGES`); an error without its own entry reads as `api_error`.
 */
export type OrgAuthMessages = Record<OrgAuthMessageKey, string> & {
  errors: Record<LoginErrorKey, string> & Partial<Record<SignedInErrorKey, string>>;
  /** The locale of the words (a pack's, else `en`): plural rules and number format of `format()`. */
  locale?: string;
};

/**
 * What the `messages` property accepts: any subset of UI strings (the password and multi-factor
 * screens' `DEFAULT_FACTOR_MESSAGES` too) and error strings.
 */
export type OrgAuthMessagesOverride = Partial<Record<OrgAuthMessageKey | OrgAuthFactorMessageKey, string>> & {
  errors?: Partial<Record<ErrorKey, string>>;
};

/**
 * The English defaults, then `pack`'s words, then `overrides`, key by key (error strings merged
 * separately the same way).
 */
export function resolveMessages(overrides?: OrgAuthMessagesOverride, pack?: OrgAuthLocale): OrgAuthMessages {
  const { errors, ...ui } = overrides ?? {};
  return {
    ...DEFAULT_MESSAGES,
    ...pack?.messages,
    ...ui,
    errors: { ...LOGIN_ERROR_MESSAGES, ...pack?.errors, ...errors },
    locale: pack?.locale ?? 'en',
  };
}

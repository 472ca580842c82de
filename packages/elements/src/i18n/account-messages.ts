import { DEFAULT_ERROR_MESSAGES } from './signed-in-error-messages.js';
import type { ErrorKey } from './error-messages.js';
import type { OrgAuthLocale } from './locale.js';

/**
 * Words of the account elements (`@orgauth/elements/account`), a table of their own beside the
 * login's `DEFAULT_MESSAGES` (docs/architecture.md P7): only the account entry imports this module,
 * so the login's script-tag bundle does not carry these words, nor the account chunk the login's.
 * Errors use the complete `DEFAULT_ERROR_MESSAGES` table (the sign-in's words and the account's). `{name}` marks a placeholder.
 */
export const DEFAULT_ACCOUNT_MESSAGES = {
  'switcher.button': '{organization}, switch organization',
  'switcher.menu': 'Your organizations',
  'switcher.loading': 'Loading your organizations…',
  'switcher.empty': 'You are not a member of any other organization.',
  'switcher.retry': 'Try again',
  'switcher.current': 'Current organization',
  'switcher.active_member': 'Member',
  'switcher.pending_member': 'Pending membership',
  'switcher.invited_member': 'Invited: switch to accept',
  'switcher.eligible_to_join_by_email_domain': 'You can join with your email domain',
  'switcher.eligible_to_join_by_oauth_tenant': 'You can join with your sign-in account',
  'switcher.switching': 'Switching to {organization}…',
  'switcher.create': 'Create organization',
  'switcher.signOut': 'Sign out',
  'switcher.signingOut': 'Signing out…',
} as const;

/** Keys of the account elements' words. */
export type OrgAuthAccountMessageKey = keyof typeof DEFAULT_ACCOUNT_MESSAGES;

/** The complete table an account element renders with: its own words and the error words. */
export type OrgAuthAccountMessages = Record<OrgAuthAccountMessageKey, string> & {
  errors: Record<ErrorKey, string>;
  /** The locale of the words (a pack's, else `en`), for `format()`. */
  locale?: string;
};

/** What an account element's `messages` property accepts: any subset of its words, and of the errors. */
export type OrgAuthAccountMessagesOverride = Partial<Record<OrgAuthAccountMessageKey, string>> & {
  errors?: Partial<Record<ErrorKey, string>>;
};

/** The English defaults, then `pack`'s words, then `overrides`, key by key (error strings merged separately). */
export function resolveAccountMessages(
  overrides?: OrgAuthAccountMessagesOverride,
  pack?: OrgAuthLocale,
): OrgAuthAccountMessages {
  const { errors, ...words } = overrides ?? {};
  return {
    ...DEFAULT_ACCOUNT_MESSAGES,
    ...pack?.account,
    ...words,
    errors: { ...DEFAULT_ERROR_MESSAGES, ...pack?.errors, ...errors },
    locale: pack?.locale ?? 'en',
  };
}

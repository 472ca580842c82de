import { resolveMessages, type OrgAuthMessages, type OrgAuthMessagesOverride } from './messages.js';

/**
 * Words of the account elements (`@orgauth/elements/account`), a table of their own beside the
 * login's `DEFAULT_MESSAGES` (docs/architecture.md P7): only the account entry imports this module,
 * so the login's script-tag bundle does not carry these words. `{name}` marks a placeholder.
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

/** The complete table an account element renders with: the login's words, errors, and its own. */
export type OrgAuthAccountMessages = OrgAuthMessages & Record<OrgAuthAccountMessageKey, string>;

/** What an account element's `messages` property accepts: any subset of either table, and errors. */
export type OrgAuthAccountMessagesOverride = OrgAuthMessagesOverride &
  Partial<Record<OrgAuthAccountMessageKey, string>>;

/** Defaults of both tables with `overrides` laid over them key by key (errors merged separately). */
export function resolveAccountMessages(overrides?: OrgAuthAccountMessagesOverride): OrgAuthAccountMessages {
  const { errors, ...words } = overrides ?? {};
  const base = resolveMessages(errors ? { errors } : undefined);
  return { ...base, ...DEFAULT_ACCOUNT_MESSAGES, ...words, errors: base.errors };
}

import type { OrgAuthLocale } from './locale.js';
import { resolveWords, type Words, type WordsOverride } from './account-words.js';

/** Every string `<orgauth-organization-settings>` shows. `{name}` marks a placeholder. */
export const DEFAULT_SETTINGS_MESSAGES = {
  'settings.heading': 'Organization settings',
  'settings.intro': 'Settings of {organization}',
  'settings.readOnly': 'Your role lets you see these settings, not change them.',
  'settings.loading': 'Loading settings…',
  'settings.signedOut': 'Sign in to see the settings of your organization.',
  'settings.retry': 'Try again',
  'settings.nameLabel': 'Organization name',
  'settings.slugLabel': 'Organization URL',
  'settings.slugHint': 'Part of the web address of your organization, like acme-inc.',
  'settings.logoLabel': 'Logo URL',
  'settings.logoHint': 'An https:// address of an image. Leave empty for no logo.',
  'settings.domainsLabel': 'Allowed email domains',
  'settings.domainsHint': 'Domains separated by commas or spaces, like acme.com, acme.co.uk.',
  'settings.jitLabel': 'Joining by email domain',
  'settings.invitesLabel': 'Invitations',
  'settings.jit.ALL_ALLOWED': 'Anyone with a verified email may join',
  'settings.jit.RESTRICTED': 'Only people with an allowed email domain',
  'settings.jit.NOT_ALLOWED': 'Nobody (invitations only)',
  'settings.invites.ALL_ALLOWED': 'Any email address may be invited',
  'settings.invites.RESTRICTED': 'Only addresses at an allowed email domain',
  'settings.invites.NOT_ALLOWED': 'Nobody may be invited',
  'settings.authLabel': 'Sign-in methods',
  'settings.auth.ALL_ALLOWED': 'Every method the app offers',
  'settings.auth.RESTRICTED': 'Only the methods chosen below',
  'settings.method.sso': 'Single sign-on',
  'settings.method.magic_link': 'Email link',
  'settings.method.email_otp': 'Email code',
  'settings.method.password': 'Password',
  'settings.method.google_oauth': 'Google',
  'settings.method.microsoft_oauth': 'Microsoft',
  'settings.method.github_oauth': 'GitHub',
  'settings.method.slack_oauth': 'Slack',
  'settings.method.hubspot_oauth': 'HubSpot',
  'settings.nameRequired': 'Enter a name for your organization.',
  'settings.slug_required': 'Enter a URL for your organization.',
  'settings.slug_too_short': 'Use at least 2 characters.',
  'settings.slug_too_long': 'Use at most 128 characters.',
  'settings.slug_invalid': 'Use 2–128 lowercase letters, digits, and - . _ ~, starting with a letter or digit.',
  'settings.logoInvalid': 'Enter a full address starting with https:// or http://, or leave it empty.',
  'settings.domainInvalid': '“{domain}” is not a domain. Use names like acme.com.',
  'settings.methodsRequired': 'Choose at least one sign-in method, or allow every method.',
  'settings.save': 'Save changes',
  'settings.reset': 'Discard changes',
  'settings.saving': 'Saving…',
  'settings.saved': 'Settings saved.',
  'settings.unchanged': 'Nothing to save: no setting was changed.',
  'settings.fixErrors': 'Some settings need attention before they can be saved.',
} as const;

/** Keys of the settings element's strings. */
export type OrgAuthSettingsMessageKey = keyof typeof DEFAULT_SETTINGS_MESSAGES;

/** The complete table `<orgauth-organization-settings>` renders with. */
export type OrgAuthSettingsMessages = Words<OrgAuthSettingsMessageKey>;

/** What its `messages` property accepts: any subset of its strings and of the error words. */
export type OrgAuthSettingsMessagesOverride = WordsOverride<OrgAuthSettingsMessageKey>;

/** The settings element's defaults, then `pack`'s words, then `overrides`. */
export const resolveSettingsMessages = (
  overrides?: OrgAuthSettingsMessagesOverride,
  pack?: OrgAuthLocale,
): OrgAuthSettingsMessages =>
  resolveWords<OrgAuthSettingsMessageKey>(DEFAULT_SETTINGS_MESSAGES, overrides, pack, pack?.settings);

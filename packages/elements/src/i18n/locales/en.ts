import { DEFAULT_ACCOUNT_MESSAGES } from '../account-messages.js';
import { DEFAULT_FACTOR_MESSAGES } from '../factor-messages.js';
import type { OrgAuthLocale } from '../locale.js';
import { DEFAULT_MEMBERS_MESSAGES } from '../members-messages.js';
import { DEFAULT_MESSAGES } from '../messages.js';
import { DEFAULT_SETTINGS_MESSAGES } from '../settings-messages.js';
import { DEFAULT_ERROR_MESSAGES } from '../signed-in-error-messages.js';

/**
 * English, the elements' defaults as a pack: the reference the other packs are checked against
 * (locales.test.ts), and a way back to English for a page that switches packs at run time.
 */
export const en: OrgAuthLocale = {
  locale: 'en',
  dir: 'ltr',
  messages: DEFAULT_MESSAGES,
  errors: DEFAULT_ERROR_MESSAGES,
  account: DEFAULT_ACCOUNT_MESSAGES,
  members: DEFAULT_MEMBERS_MESSAGES,
  settings: DEFAULT_SETTINGS_MESSAGES,
  factors: DEFAULT_FACTOR_MESSAGES,
};

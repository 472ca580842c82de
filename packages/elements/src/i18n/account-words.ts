import { DEFAULT_ERROR_MESSAGES } from './signed-in-error-messages.js';
import type { ErrorKey } from './error-messages.js';
import type { OrgAuthLocale } from './locale.js';

/** Words of an error, by SDK code or API `error_type`. */
export type ErrorWords = Record<ErrorKey, string>;

/** A complete table of an account element: its own keys plus the shared error words. */
export type Words<K extends string> = Record<K, string> & {
  errors: ErrorWords;
  /** The locale of the words (a pack's, else `en`), for `format()`. */
  locale?: string;
};

/** What an account element's `messages` property accepts: any subset of its words and of the error words. */
export type WordsOverride<K extends string> = Partial<Record<K, string>> & { errors?: Partial<ErrorWords> };

/**
 * `defaults`, then a locale pack's words (`own`, the pack's table for this element, and its errors),
 * then `overrides`, key by key, error words merged separately. The signed-in
 * surfaces keep their words in their own tables (`members-messages.ts`, `settings-messages.ts`) rather
 * than in `DEFAULT_MESSAGES`, so the login's script-tag bundle carries none of them; the error words
 * are the login's and the account's together, so an error reads the same everywhere.
 */
export function resolveWords<K extends string>(
  defaults: Record<K, string>,
  overrides?: WordsOverride<K>,
  pack?: OrgAuthLocale,
  own?: Readonly<Record<K, string>>,
): Words<K> {
  const { errors, ...mine } = overrides ?? {};
  return {
    ...defaults,
    ...own,
    ...(mine as Partial<Record<K, string>>),
    errors: { ...DEFAULT_ERROR_MESSAGES, ...pack?.errors, ...errors },
    locale: pack?.locale ?? 'en',
  };
}

/**
 * Words for a role: `role.<role_id>` of the table when it has them (the two default roles do), else
 * the role id itself, which is what an operator named a custom role.
 */
export function roleName(words: Readonly<Record<string, string>>, roleId: string): string {
  const key = `role.${roleId}`;
  return Object.hasOwn(words, key) ? (words[key] as string) : roleId;
}

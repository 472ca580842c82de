/** The locales the built-in mails are written in (mail/copy/); custom templates use the same set. */
export const MAIL_LOCALES = ['en', 'de', 'fr', 'es', 'ja'] as const;

/** One of {@link MAIL_LOCALES}. */
export type MailLocale = (typeof MAIL_LOCALES)[number];

/** True when `value` is exactly one of {@link MAIL_LOCALES}. */
export function isMailLocale(value: string | undefined): value is MailLocale {
  return (MAIL_LOCALES as readonly string[]).includes(value ?? '');
}

/**
 * The mail locale of a send call's `locale` field (Stytch's): its language subtag, so `de-DE`,
 * `de_AT` and `DE` are German. Anything missing or unknown is English, never an error: a sign-in
 * must not fail because a browser reported a language we do not write.
 */
export function mailLocale(requested: string | undefined): MailLocale {
  const language = (requested ?? '').trim().toLowerCase().split(/[-_]/)[0];
  return isMailLocale(language) ? language : 'en';
}

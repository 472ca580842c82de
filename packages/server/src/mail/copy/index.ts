import type { MailLocale } from '../locale.js';
import { de } from './de.js';
import { en } from './en.js';
import { es } from './es.js';
import { fr } from './fr.js';
import { ja } from './ja.js';
import type { MailCopy } from './types.js';

export type { CodeCopy, LinkCopy, MailCopy } from './types.js';

/** The words of the built-in mails, by locale. The server holds all five: a mail is small. */
export const MAIL_COPY: Readonly<Record<MailLocale, MailCopy>> = { en, de, fr, es, ja };

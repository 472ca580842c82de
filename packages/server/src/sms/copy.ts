import { type MailLocale, mailLocale } from '../mail/locale.js';

/**
 * The text of an SMS code, by locale (the mail locales, chosen the same way: mail/locale.ts). It holds
 * the code and the project's name and nothing else: no link, no organization or member name, so a
 * message read over a shoulder or on a lock screen gives away no more than the code itself.
 */
export const SMS_CODE_COPY: Readonly<Record<MailLocale, string>> = {
  en: '{{code}} is your {{project_name}} verification code.',
  de: '{{code}} ist Ihr Bestätigungscode für {{project_name}}.',
  fr: '{{code}} est votre code de vérification {{project_name}}.',
  es: '{{code}} es tu código de verificación de {{project_name}}.',
  ja: '{{project_name}} の確認コード: {{code}}',
};

/** Longest project name put in a message: one SMS segment has room for the code and a short name. */
const MAX_NAME = 40;

/**
 * The message carrying `code` for the project named `projectName`, in the language of `locale`
 * (Stytch's field; anything unknown is English). Control characters of the name are dropped.
 */
export function smsCodeText(code: string, projectName: string, locale: string | undefined): string {
  const name =
    projectName
      .replace(/\p{Cc}/gu, '')
      .trim()
      .slice(0, MAX_NAME) || 'OrgAuth';
  const values: Record<string, string> = { code, project_name: name };
  return SMS_CODE_COPY[mailLocale(locale)].replace(/\{\{(code|project_name)\}\}/g, (_, key: string) => values[key]!);
}

import { html } from 'hono/html';
import { htmlText } from '../lib/html.js';

/** The mails an operator can override (`orgauth-server email set-template <template>`). */
export const MAIL_TEMPLATES = [
  'discovery',
  'login',
  'signup',
  'invite',
  'code',
  'password_reset',
  'password_set',
] as const;

/**
 * One of {@link MAIL_TEMPLATES}; `code` is every one-time code mail (login, signup, discovery);
 * `password_reset` every reset link and `password_set` every first-password link (organization and
 * discovery alike: `organization_name` is empty in the discovery ones).
 */
export type MailTemplate = (typeof MAIL_TEMPLATES)[number];

/** True when `value` names one of {@link MAIL_TEMPLATES}. */
export function isMailTemplate(value: string | undefined): value is MailTemplate {
  return (MAIL_TEMPLATES as readonly string[]).includes(value ?? '');
}

/** Placeholders every template may use: the branding and the lifetime. */
const COMMON = [
  'project_name',
  'sender_name',
  'logo_url',
  'color_primary',
  'color_background',
  'color_text',
  'expires_in_minutes',
] as const;

/** The placeholders each template may use; any other name is refused when the template is set. */
export const PLACEHOLDERS: Readonly<Record<MailTemplate, readonly string[]>> = {
  discovery: [...COMMON, 'link'],
  login: [...COMMON, 'link', 'organization_name'],
  signup: [...COMMON, 'link', 'organization_name'],
  invite: [...COMMON, 'link', 'organization_name', 'inviter_name'],
  code: [...COMMON, 'code', 'organization_name'],
  password_reset: [...COMMON, 'link', 'organization_name'],
  password_set: [...COMMON, 'link', 'organization_name'],
};

/** The value each template cannot do without: the sign-in link, or the code. */
export const REQUIRED_PLACEHOLDER: Readonly<Record<MailTemplate, string>> = {
  discovery: 'link',
  login: 'link',
  signup: 'link',
  invite: 'link',
  code: 'code',
  password_reset: 'link',
  password_set: 'link',
};

/** Placeholder values by name (all plain text; escaping happens when they are filled in). */
export type PlaceholderValues = Readonly<Record<string, string>>;

// `{{ name }}`: the whole syntax. Mustache or Handlebars would bring sections, partials and helpers
// (logic this syntax must not have), so substitution is this one expression instead.
const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** The placeholder names `template` uses, in order of appearance. */
export function placeholdersIn(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1] ?? '');
}

/** `template` with each placeholder replaced by its value as is: for subjects and text parts. */
export function fillText(template: string, values: PlaceholderValues): string {
  return template.replace(PLACEHOLDER, (_, name: string) => values[name] ?? '');
}

/**
 * `template` (HTML) with each placeholder replaced by its value escaped by hono/html (`& < > " '`),
 * so a value is always text or a quoted attribute's content, never markup. The template itself is
 * the operator's and is not changed.
 */
export function fillHtml(template: string, values: PlaceholderValues): string {
  return template.replace(PLACEHOLDER, (_, name: string) => htmlText(html`${values[name] ?? ''}`));
}

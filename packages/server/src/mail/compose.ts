import type { Db } from '../db/schema.js';
import { DEFAULT_COLORS, loadBranding, type EmailBranding } from './branding.js';
import { MAIL_COPY } from './copy/index.js';
import { findCustomTemplate, type CustomTemplate } from './custom-templates.js';
import { builtInMail, type MailKind, type RenderedMail } from './layout.js';
import { mailLocale, type MailLocale } from './locale.js';
import { fillHtml, fillText, type MailTemplate } from './placeholders.js';

export type { MailKind, RenderedMail } from './layout.js';

/** The template (`orgauth-server email set-template <template>`) each mail is rendered from. */
export const TEMPLATE_OF: Readonly<Record<MailKind, MailTemplate>> = {
  discovery: 'discovery',
  login: 'login',
  signup: 'signup',
  invite: 'invite',
  code_login: 'code',
  code_signup: 'code',
  code_discovery: 'code',
  password_reset: 'password_reset',
  password_reset_discovery: 'password_reset',
  password_set: 'password_set',
  password_set_discovery: 'password_set',
};

/** What a mail says; the link is always the one the server built from the allowlisted URL. */
export interface MailInput {
  kind: MailKind;
  projectName: string;
  expiresInMinutes: number;
  link?: string | undefined;
  code?: string | undefined;
  /** Empty for discovery mails (they name no organization). */
  organizationName?: string | undefined;
  inviterName?: string | undefined;
}

/** A rendered mail and the sender display name of its environment's branding, if set. */
export interface ComposedMail extends RenderedMail {
  fromName?: string | undefined;
}

const HEX = /^#[0-9a-f]{3,6}$/i;
// biome-ignore lint/suspicious/noControlCharactersInRegex: a subject is one header line.
const CONTROL = /[\u0000-\u001f\u007f]+/g;

/** Every placeholder's value for `input` under `branding` (the built-in colours where it sets none). */
export function placeholderValues(input: MailInput, branding: EmailBranding): Record<string, string> {
  const color = (key: keyof typeof DEFAULT_COLORS) => {
    const value = branding[key];
    return value !== undefined && HEX.test(value) ? value : DEFAULT_COLORS[key];
  };
  return {
    project_name: input.projectName,
    sender_name: branding.sender_name ?? '',
    logo_url: branding.logo_url?.startsWith('https://') ? branding.logo_url : '',
    color_primary: color('color_primary'),
    color_background: color('color_background'),
    color_text: color('color_text'),
    expires_in_minutes: String(input.expiresInMinutes),
    link: input.link ?? '',
    code: input.code ?? '',
    organization_name: input.organizationName ?? '',
    inviter_name: input.inviterName ?? '',
  };
}

/**
 * Renders `input` in `locale`: from `custom` when given (values escaped in the HTML part by
 * mail/placeholders.ts `fillHtml`), else the built-in mail in that locale. Pure: the dev preview
 * and the tests call it without a database.
 */
export function renderMail(
  input: MailInput,
  locale: MailLocale,
  branding: EmailBranding,
  custom?: CustomTemplate,
): ComposedMail {
  const values = placeholderValues(input, branding);
  const rendered =
    custom === undefined
      ? builtInMail(input.kind, MAIL_COPY[locale], values)
      : {
          subject: fillText(custom.subject, values).replace(CONTROL, ' '),
          text: fillText(custom.text, values),
          html: fillHtml(custom.html, values),
        };
  return { ...rendered, fromName: branding.sender_name };
}

/**
 * The mail `input` for `projectId` (one environment) in the send call's `locale` (`de-DE` → de,
 * unknown → en): the environment's custom template in that locale, else its custom English one,
 * else the built-in mail in that locale; always with the environment's branding.
 */
export async function composeMail(
  db: Db,
  projectId: string,
  input: Omit<MailInput, 'projectName'> & { locale?: string | undefined },
): Promise<ComposedMail> {
  const locale = mailLocale(input.locale);
  // One after another: `db` may be the caller's transaction, which holds a single connection.
  const branding = await loadBranding(db, projectId);
  const custom = await findCustomTemplate(db, projectId, TEMPLATE_OF[input.kind], locale);
  const project = await db.selectFrom('projects').select('name').where('id', '=', projectId).executeTakeFirst();
  return renderMail({ ...input, projectName: project?.name ?? '' }, locale, branding, custom);
}

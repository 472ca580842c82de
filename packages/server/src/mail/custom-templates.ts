import type { Db } from '../db/schema.js';
import type { MailLocale } from './locale.js';
import type { MailTemplate } from './placeholders.js';
import { templateProblems, type TemplateParts } from './template-check.js';

/** An operator's template as stored: which mail, which locale, and its three parts. */
export interface CustomTemplate extends TemplateParts {
  template: MailTemplate;
  locale: MailLocale;
}

/**
 * Stores `parts` as `projectId`'s `template` mail in `locale`, replacing an earlier one.
 * @throws Error listing every problem (mail/template-check.ts) when the template is refused; nothing
 * is written then.
 */
export async function setCustomTemplate(db: Db, projectId: string, custom: CustomTemplate, now: number): Promise<void> {
  const problems = templateProblems(custom.template, custom);
  if (problems.length > 0) throw new Error(problems.join('\n'));
  const parts = { subject: custom.subject, html: custom.html, text: custom.text, updated_at: now };
  await db
    .insertInto('email_templates')
    .values({ project_id: projectId, template: custom.template, locale: custom.locale, ...parts })
    .onConflict((oc) => oc.columns(['project_id', 'template', 'locale']).doUpdateSet(parts))
    .execute();
}

/** Every custom template of `projectId`, by template then locale. */
export async function listCustomTemplates(db: Db, projectId: string): Promise<CustomTemplate[]> {
  const rows = await db
    .selectFrom('email_templates')
    .select(['template', 'locale', 'subject', 'html', 'text'])
    .where('project_id', '=', projectId)
    .orderBy('template')
    .orderBy('locale')
    .execute();
  return rows as CustomTemplate[];
}

/**
 * The custom template used for `template` in `locale`: the one in that locale, else the custom
 * English one, else undefined (the built-in mail in `locale` applies).
 */
export async function findCustomTemplate(
  db: Db,
  projectId: string,
  template: MailTemplate,
  locale: MailLocale,
): Promise<CustomTemplate | undefined> {
  const rows = (await db
    .selectFrom('email_templates')
    .select(['template', 'locale', 'subject', 'html', 'text'])
    .where('project_id', '=', projectId)
    .where('template', '=', template)
    .where('locale', 'in', [...new Set([locale, 'en'])])
    .execute()) as CustomTemplate[];
  return rows.find((r) => r.locale === locale) ?? rows.find((r) => r.locale === 'en');
}

/** Removes `projectId`'s custom `template` (in `locale`, or in every locale); returns how many. */
export async function removeCustomTemplates(
  db: Db,
  projectId: string,
  template: MailTemplate,
  locale?: MailLocale,
): Promise<number> {
  let query = db.deleteFrom('email_templates').where('project_id', '=', projectId).where('template', '=', template);
  if (locale !== undefined) query = query.where('locale', '=', locale);
  return Number((await query.executeTakeFirst()).numDeletedRows);
}

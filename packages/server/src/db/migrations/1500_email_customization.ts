import type { Kysely, Migration } from 'kysely';

/**
 * `1500_email_customization`: what `orgauth-server email …` sets per project environment (a project
 * row is one environment, so TEST and LIVE have their own), read when a mail is composed
 * (mail/compose.ts).
 * - `email_branding`: sender display name, logo URL (https) and three hex colours; a null column
 *   keeps the built-in value.
 * - `email_templates`: the operator's templates (mail/placeholders.ts syntax), one row per
 *   (template, locale), checked when set: only known placeholders, bounded sizes.
 */
export const migration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('email_branding')
      .addColumn('project_id', 'text', (c) => c.primaryKey().references('projects.id'))
      .addColumn('sender_name', 'text')
      .addColumn('logo_url', 'text')
      .addColumn('color_primary', 'text')
      .addColumn('color_background', 'text')
      .addColumn('color_text', 'text')
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('email_templates')
      .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id'))
      .addColumn('template', 'text', (c) => c.notNull())
      .addColumn('locale', 'text', (c) => c.notNull())
      .addColumn('subject', 'text', (c) => c.notNull())
      .addColumn('html', 'text', (c) => c.notNull())
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('email_templates_pk', ['project_id', 'template', 'locale'])
      .execute();
  },
};

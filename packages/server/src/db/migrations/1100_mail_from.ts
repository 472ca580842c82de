import type { Kysely, Migration } from 'kysely';

/**
 * `1100_mail_from`: `mails.from_address`, the sender each dev-mailbox mail was sent with
 * (`ServerOptions.from` / `SMTP_FROM`), so the mailbox shows it. Mails stored before this migration
 * were all sent with the fixed default (mail/mail-from.ts `DEFAULT_MAIL_FROM`), which they get here.
 */
export const migration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .alterTable('mails')
      .addColumn('from_address', 'text', (c) => c.notNull().defaultTo('OrgAuth <no-reply@orgauth.localhost>'))
      .execute();
  },
};

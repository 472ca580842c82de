import type nodemailer from 'nodemailer';
import { lazyRequire } from '../lib/lazy.js';
import type { Db } from '../db/schema.js';
import { newId } from '../lib/crypto.js';
import { iso } from '../lib/json.js';
import { DEFAULT_MAIL_FROM, parseMailFrom, type MailFrom } from './mail-from.js';

/** A sent email as the dev mailbox shows it. */
export interface Mail {
  id: string;
  /** The sender (`Name <addr>` or `addr`). */
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  sent_at: string;
}

/** An email to send. */
export interface OutgoingMail {
  projectId: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** The environment's sender display name (mail/branding.ts); the address stays the server's. */
  fromName?: string | undefined;
}

/** Sends email, to SMTP or to the in-database dev mailbox. */
export interface Mailer {
  send(mail: OutgoingMail): Promise<void>;
  /** Mailbox contents, newest first (always empty with SMTP: bodies are never stored then). */
  list(filter?: { to?: string | undefined }): Promise<Mail[]>;
  clear(): Promise<void>;
  close(): void;
}

/** Dev mailbox rows older than this are purged on the next send: they hold live sign-in links. */
const MAILBOX_RETENTION_MS = 24 * 60 * 60 * 1000;

/** Options of {@link createMailer}. */
export interface MailerOptions {
  db: Db;
  now: () => number;
  smtpUrl?: string | undefined;
  /** The sender of every mail (checked by mail/mail-from.ts); default {@link DEFAULT_MAIL_FROM}. */
  from?: MailFrom | undefined;
}

/** nodemailer, loaded only when an `smtpUrl` is set (lib/lazy.ts). */
const loadNodemailer = lazyRequire<typeof nodemailer>('nodemailer');

/** SMTP through nodemailer when `smtpUrl` is set, otherwise the dev mailbox table. */
export function createMailer({ db, now, smtpUrl, from = parseMailFrom(DEFAULT_MAIL_FROM) }: MailerOptions): Mailer {
  if (smtpUrl !== undefined && smtpUrl !== '') {
    const transport = loadNodemailer().createTransport(smtpUrl);
    return {
      async send(mail) {
        await transport.sendMail({
          from: { name: mail.fromName ?? from.name, address: from.address },
          to: mail.to,
          subject: mail.subject,
          text: mail.text,
          html: mail.html,
        });
      },
      list: () => Promise.resolve([]),
      clear: () => Promise.resolve(),
      close: () => transport.close(),
    };
  }
  return {
    async send(mail) {
      const sentAt = now();
      await db
        .deleteFrom('mails')
        .where('sent_at', '<', sentAt - MAILBOX_RETENTION_MS)
        .execute();
      await db
        .insertInto('mails')
        .values({
          id: newId('mail'),
          project_id: mail.projectId,
          to_address: mail.to,
          from_address: mail.fromName === undefined ? from.text : `${mail.fromName} <${from.address}>`,
          subject: mail.subject,
          text: mail.text,
          html: mail.html,
          sent_at: sentAt,
          seq: Math.round((performance.timeOrigin + performance.now()) * 1000),
        })
        .execute();
    },
    async list(filter = {}) {
      let query = db.selectFrom('mails').selectAll();
      if (filter.to !== undefined) query = query.where('to_address', '=', filter.to.trim().toLowerCase());
      const rows = await query.orderBy('sent_at', 'desc').orderBy('seq', 'desc').limit(500).execute();
      return rows.map((r) => ({
        id: r.id,
        from: r.from_address,
        to: r.to_address,
        subject: r.subject,
        text: r.text,
        html: r.html,
        sent_at: iso(r.sent_at),
      }));
    },
    async clear() {
      await db.deleteFrom('mails').execute();
    },
    close: () => {},
  };
}

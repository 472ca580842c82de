import type { Db } from '../db/schema.js';
import { newId } from '../lib/crypto.js';
import { iso } from '../lib/json.js';
import type { SmsSender } from './sender.js';

/** Outbox rows older than this are purged on the next send: they hold live codes. */
const OUTBOX_RETENTION_MS = 24 * 60 * 60 * 1000;

/**
 * The dev outbox: messages are stored, never sent, and shown at `/dev/sms` (`--dev` only), as the
 * dev mailbox does for mail (mail/mailer.ts), so sign-ins with SMS codes work with no provider account.
 */
export function createSmsOutbox(db: Db, now: () => number): SmsSender {
  return {
    kind: 'outbox',
    async send(sms) {
      const sentAt = now();
      await db
        .deleteFrom('sms_outbox')
        .where('sent_at', '<', sentAt - OUTBOX_RETENTION_MS)
        .execute();
      await db
        .insertInto('sms_outbox')
        .values({
          id: newId('sms'),
          project_id: sms.projectId,
          to_number: sms.to,
          body: sms.body,
          sent_at: sentAt,
          seq: Math.round((performance.timeOrigin + performance.now()) * 1000),
        })
        .execute();
    },
    async list(filter = {}) {
      let query = db.selectFrom('sms_outbox').selectAll();
      if (filter.to !== undefined) query = query.where('to_number', '=', filter.to.trim());
      const rows = await query.orderBy('sent_at', 'desc').orderBy('seq', 'desc').limit(500).execute();
      return rows.map((r) => ({ id: r.id, to: r.to_number, body: r.body, sent_at: iso(r.sent_at) }));
    },
    async clear() {
      await db.deleteFrom('sms_outbox').execute();
    },
  };
}

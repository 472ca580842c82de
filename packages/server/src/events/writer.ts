import type { Db, EventsTable } from '../db/schema.js';
import { type EventInput, eventRow } from './store.js';

/** How long an event may wait in memory before it is written (the most a crash can lose). */
export const EVENT_FLUSH_MS = 20;
/** A batch this long is written at once, without waiting for the timer. */
export const EVENT_BATCH_ROWS = 200;

/** Writes event-log rows in batches: one statement for many requests' events. */
export interface EventWriter {
  /** Queues one event, stamped now (its `created_at` and order are fixed here, not at the write). */
  add(event: EventInput): void;
  /** Resolves once every event queued before the call is written (or reported as failed). */
  flush(): Promise<void>;
}

/**
 * Creates the writer over `db`. Every request writes two events, and on SQLite each single-row insert
 * was its own transaction: the two cost more than the rest of a session check together
 * (docs/performance.md). Here the events of every request within {@link EVENT_FLUSH_MS} go in one
 * multi-row insert. What a crash (kill -9, power loss of the process) can lose is the events still
 * queued, at most the last {@link EVENT_FLUSH_MS} ms plus the batch being written — never a business
 * write, which each route commits before it answers (docs/security.md, event log).
 *
 * A failed write is reported to stderr and dropped: logging never breaks a request.
 */
export function createEventWriter(db: Db, now: () => number, flushMs = EVENT_FLUSH_MS): EventWriter {
  let queue: EventsTable[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  // Batches are written one after another, so events land in the order they were queued.
  let writing: Promise<void> = Promise.resolve();

  const writeQueued = (): Promise<void> => {
    if (timer !== undefined) {
      clearTimeout(timer);
      timer = undefined;
    }
    if (queue.length === 0) return writing;
    const rows = queue;
    queue = [];
    writing = writing.then(async () => {
      try {
        // Never more than EVENT_BATCH_ROWS: `add` writes the queue as soon as it reaches that.
        await db.insertInto('events').values(rows).execute();
      } catch (error) {
        console.error(`[orgauth] event log write failed (${rows.length} events dropped):`, error);
      }
    });
    return writing;
  };

  return {
    add(event) {
      queue.push(eventRow(event, now()));
      if (queue.length >= EVENT_BATCH_ROWS) void writeQueued();
      else if (timer === undefined) {
        timer = setTimeout(() => void writeQueued(), flushMs);
        // A pending batch never keeps the process alive; closing the server flushes it.
        timer.unref();
      }
    },
    flush: writeQueued,
  };
}

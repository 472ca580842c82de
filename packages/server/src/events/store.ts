import { randomUUID } from 'node:crypto';
import type { Db, EventsTable } from '../db/schema.js';

/** How long events are kept. */
export const EVENT_RETENTION_MS = 30 * 24 * 60 * 60 * 1000;

/** The phases of one request. */
export const EVENT_STATUSES = ['start', 'success', 'error'] as const;

/** One of {@link EVENT_STATUSES}. */
export type EventStatus = (typeof EVENT_STATUSES)[number];

/** What a caller records; ids, ordering and timestamps are filled in here. */
export type EventInput = Omit<EventsTable, 'id' | 'seq' | 'created_at'>;

let lastSeq = 0;

// Real-time microseconds, strictly increasing within this process, so two events of one frozen
// (test) clock tick still sort in the order they happened; across processes real time orders them.
function nextSeq(): number {
  const micros = Math.floor((performance.timeOrigin + performance.now()) * 1000);
  lastSeq = Math.max(lastSeq + 1, micros);
  return lastSeq;
}

/** The row for `event` at `now`, with its id and order (events/writer.ts writes it). */
export function eventRow(event: EventInput, now: number): EventsTable {
  return { ...event, id: `event-${randomUUID()}`, created_at: now, seq: nextSeq() };
}

/** Filters of {@link listEvents}. */
export interface EventQuery {
  projectId: string;
  status?: EventStatus | undefined;
  action?: string | undefined;
  /** Only events at or after this epoch-ms instant. */
  since?: number | undefined;
  limit: number;
  /** Position after which to continue (exclusive), from a previous page. */
  after?: EventPosition | undefined;
}

/** A row's place in the newest-first order. */
export interface EventPosition {
  createdAt: number;
  seq: number;
  id: string;
}

/**
 * A project's events, newest first, at most `limit`, plus the position of the last row when more
 * remain (keyset pagination: stable while new events keep arriving at the head).
 */
export async function listEvents(
  db: Db,
  query: EventQuery,
): Promise<{ events: EventsTable[]; next: EventPosition | undefined }> {
  // A start event is written before authentication, so it has no project: it belongs to the
  // project its request's success/error event names (read-time join keeps the hot path to 2 writes).
  let select = db
    .selectFrom('events')
    .selectAll()
    .where((eb) =>
      eb.or([
        eb('project_id', '=', query.projectId),
        eb.and([
          eb('project_id', 'is', null),
          eb('status', '=', 'start'),
          eb(
            'request_id',
            'in',
            eb.selectFrom('events as done').select('done.request_id').where('done.project_id', '=', query.projectId),
          ),
        ]),
      ]),
    );
  if (query.status !== undefined) select = select.where('status', '=', query.status);
  if (query.action !== undefined) select = select.where('action', '=', query.action);
  if (query.since !== undefined) select = select.where('created_at', '>=', query.since);
  const after = query.after;
  if (after !== undefined) {
    select = select.where((eb) =>
      eb.or([
        eb('created_at', '<', after.createdAt),
        eb.and([eb('created_at', '=', after.createdAt), eb('seq', '<', after.seq)]),
        eb.and([eb('created_at', '=', after.createdAt), eb('seq', '=', after.seq), eb('id', '<', after.id)]),
      ]),
    );
  }
  const rows = await select
    .orderBy('created_at', 'desc')
    .orderBy('seq', 'desc')
    .orderBy('id', 'desc')
    .limit(query.limit + 1)
    .execute();
  const events = rows.slice(0, query.limit);
  const last = events[events.length - 1];
  const next =
    rows.length > query.limit && last !== undefined
      ? { createdAt: Number(last.created_at), seq: Number(last.seq), id: last.id }
      : undefined;
  return { events, next };
}

/** The newest events of every project (the dev page). */
export async function recentEvents(
  db: Db,
  limit: number,
  filter: { status?: string; action?: string } = {},
): Promise<EventsTable[]> {
  let select = db.selectFrom('events').selectAll();
  if (filter.status !== undefined) select = select.where('status', '=', filter.status);
  if (filter.action !== undefined) select = select.where('action', '=', filter.action);
  return select.orderBy('created_at', 'desc').orderBy('seq', 'desc').limit(limit).execute();
}

/** Deletes events older than the retention period at `now`; returns how many went. */
export async function purgeOldEvents(db: Db, now: number): Promise<number> {
  const result = await db
    .deleteFrom('events')
    .where('created_at', '<', now - EVENT_RETENTION_MS)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/**
 * Purges once now and then every `intervalMs` (default hourly). The timer is unref'd so it never
 * keeps a process alive; a failed purge is reported to stderr and retried at the next tick.
 * @returns a function that stops the timer.
 */
export async function startEventPurger(db: Db, now: () => number, intervalMs = 60 * 60 * 1000): Promise<() => void> {
  const run = async () => {
    try {
      await purgeOldEvents(db, now());
    } catch (error) {
      console.error('[orgauth] event purge failed:', error);
    }
  };
  await run();
  const timer = setInterval(() => void run(), intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}

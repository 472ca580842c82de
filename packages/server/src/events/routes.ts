import { Hono } from 'hono';
import type { EventsTable } from '../db/schema.js';
import { EVENT_STATUSES, listEvents, recentEvents, type EventPosition, type EventStatus } from './store.js';
import { iso } from '../lib/json.js';
import { apiOk, type AppDeps, type AppEnv, defineRoutes, type FeatureRoutes } from '../http/index.js';
import { apiError, badRequest } from '../lib/api-error.js';
import { renderEventsPage } from './dev-page.js';
import { telemetryRoutes } from './telemetry.js';

const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 1000;

/** An event row in wire shape. */
export function toEvent(row: EventsTable) {
  return {
    event_id: row.id,
    request_id: row.request_id,
    project_id: row.project_id,
    action: row.action,
    status: row.status,
    method: row.method,
    route: row.route,
    http_status: row.http_status,
    error_type: row.error_type,
    duration_ms: row.duration_ms,
    ip_address: row.ip_address,
    organization_id: row.organization_id,
    member_id: row.member_id,
    timestamp: iso(Number(row.created_at)),
  };
}

/** Opaque cursor: base64url of the last row's sort key. */
export function encodeCursor(position: EventPosition): string {
  return Buffer.from(JSON.stringify([position.createdAt, position.seq, position.id]), 'utf8').toString('base64url');
}

/** @throws ApiError 400 `invalid_cursor` for anything {@link encodeCursor} did not produce. */
export function decodeCursor(cursor: string): EventPosition {
  const invalid = () => apiError('invalid_cursor', 'cursor is not a cursor this endpoint returned.');
  if (cursor.length > 512 || !/^[A-Za-z0-9_-]+$/.test(cursor)) throw invalid();
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (!Array.isArray(value) || value.length !== 3) throw invalid();
  const [createdAt, seq, id] = value as unknown[];
  if (!Number.isSafeInteger(createdAt) || !Number.isSafeInteger(seq) || typeof id !== 'string' || id.length > 100)
    throw invalid();
  return { createdAt: createdAt as number, seq: seq as number, id };
}

function parseLimit(raw: string | undefined): number {
  if (raw === undefined || raw === '') return DEFAULT_LIMIT;
  const value = /^\d{1,4}$/.test(raw) ? Number(raw) : NaN;
  if (!(value >= 1 && value <= MAX_LIMIT))
    throw apiError('invalid_limit', `limit must be an integer between 1 and ${MAX_LIMIT}.`);
  return value;
}

function parseSince(raw: string | undefined): number | undefined {
  if (raw === undefined || raw === '') return undefined;
  // RFC 3339 only (what `timestamp` carries); Date.parse alone accepts too many shapes.
  const ms = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/.test(raw) ? Date.parse(raw) : NaN;
  if (Number.isNaN(ms)) throw badRequest('since must be an RFC 3339 date-time such as 2030-01-01T00:00:00Z.');
  return ms;
}

function parseStatus(raw: string | undefined): EventStatus | undefined {
  if (raw === undefined || raw === '') return undefined;
  if (!(EVENT_STATUSES as readonly string[]).includes(raw))
    throw badRequest(`status must be one of ${EVENT_STATUSES.join(', ')}.`);
  return raw as EventStatus;
}

function parseAction(raw: string | undefined): string | undefined {
  if (raw === undefined || raw === '') return undefined;
  if (!/^[A-Za-z]{1,100}$/.test(raw))
    throw badRequest('action must be an action name such as MultiTenantSessionsAuthenticate.');
  return raw;
}

/**
 * `GET /v1/b2b/events?status=&action=&since=&limit=&cursor=` (secret-authenticated): the project's
 * events, newest first, with an opaque `next_cursor`. The logger queues a request's events before its
 * response leaves and this route writes the queue before reading, so on one server an event is
 * visible as soon as its request has answered; a sibling server's events within
 * `EVENT_FLUSH_MS` (events/writer.ts).
 */
function backendEventRoutes(deps: AppDeps): Hono<AppEnv> {
  const api = defineRoutes();
  api.get('/events', { action: 'EventsSearch' }, async (c) => {
    const status = parseStatus(c.req.query('status'));
    const action = parseAction(c.req.query('action'));
    const since = parseSince(c.req.query('since'));
    const limit = parseLimit(c.req.query('limit'));
    const rawCursor = c.req.query('cursor');
    const after = rawCursor === undefined || rawCursor === '' ? undefined : decodeCursor(rawCursor);
    await deps.events.flush();
    const page = await listEvents(deps.db, { projectId: c.get('project').id, status, action, since, limit, after });
    return apiOk(c, {
      events: page.events.map(toEvent),
      results_metadata: { next_cursor: page.next === undefined ? null : encodeCursor(page.next) },
    });
  });
  return api.app;
}

/** `GET /dev/events` (`--dev` only): the newest 200 events of every project as an HTML table. */
function devEventRoutes(deps: AppDeps): Hono<AppEnv> {
  const dev = new Hono<AppEnv>();
  dev.get('/events', async (c) => {
    const status = c.req.query('status');
    const action = c.req.query('action');
    await deps.events.flush();
    const rows = await recentEvents(deps.db, 200, {
      ...(status ? { status } : {}),
      ...(action ? { action } : {}),
    });
    c.header('Cache-Control', 'no-store');
    c.header(
      'Content-Security-Policy',
      "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    );
    return c.html(renderEventsPage(rows.map(toEvent), { status: status ?? '', action: action ?? '' }));
  });
  return dev;
}

/** The event log's sub-apps: the SDK's telemetry sink, the backend query and the dev page. */
export function eventRoutes(deps: AppDeps): FeatureRoutes {
  return { sdk: telemetryRoutes(), backend: backendEventRoutes(deps), dev: devEventRoutes(deps) };
}

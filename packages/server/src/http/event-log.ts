import type { MiddlewareHandler } from 'hono';
import type { Project } from '../domain/projects.js';
import { matchAction } from '../domain/event-actions.js';
import { insertEvent, type EventInput } from '../domain/events.js';
import type { AppContext, AppDeps, AppEnv } from './context.js';

const MAX_ID_LENGTH = 200;
const MAX_PEEK_BYTES = 256 * 1024;

/** An id-like value worth recording: a short string (fuzzed 100 KB path segments are not stored). */
function idOrNull(value: unknown): string | null {
  return typeof value === 'string' && value !== '' && value.length <= MAX_ID_LENGTH && !value.includes('\0') ? value : null;
}

/** The client address: a resolver's `clientIp` when one ran, else the Node socket, else ''. */
function clientIp(c: AppContext): string {
  const fromVar = (c.var as Record<string, unknown>).clientIp;
  if (typeof fromVar === 'string') return fromVar;
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? '';
}

interface Peeked {
  errorType: string | null;
  organizationId: string | null;
  memberId: string | null;
}

/**
 * Reads ids and the error type out of a JSON answer (a clone: the client still gets the original).
 * Only these three values are kept; the body itself is never stored.
 */
async function peek(res: Response): Promise<Peeked> {
  const none: Peeked = { errorType: null, organizationId: null, memberId: null };
  // HTML error pages (SSO callbacks) name their error type in a header instead of a JSON body.
  const headerType = idOrNull(res.headers.get('x-orgauth-error-type'));
  if (headerType !== null) return { ...none, errorType: headerType };
  if (!(res.headers.get('content-type') ?? '').includes('application/json')) return none;
  const length = Number(res.headers.get('content-length') ?? '0');
  if (length > MAX_PEEK_BYTES) return none;
  let json: unknown;
  try {
    json = await res.clone().json();
  } catch {
    return none;
  }
  if (typeof json !== 'object' || json === null) return none;
  const top = json as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  const body = typeof top.data === 'object' && top.data !== null ? top.data : top;
  return {
    errorType: idOrNull(top.error_type),
    organizationId: idOrNull(body.organization_id) ?? idOrNull(body.organization?.organization_id),
    memberId: idOrNull(body.member_id) ?? idOrNull(body.member?.member_id),
  };
}

/**
 * The event log: every `/sdk/*` and `/v1/b2b/*` request writes a `start` event before it runs and a
 * `success` or `error` event after, tied by `request_id`. Records the action, route pattern, status,
 * duration, ip and ids — never a body, header, query string, token or secret. Logging never breaks a
 * request: a failed write goes to stderr. CORS preflights are not logged. The start row is written
 * before authentication, so it carries no project; queries attribute it through its end row.
 */
export function eventLog(deps: AppDeps): MiddlewareHandler<AppEnv> {
  const write = async (event: EventInput) => {
    try {
      await insertEvent(deps.db, event, deps.now());
    } catch (error) {
      console.error(`[orgauth] event log write failed (${event.request_id} ${event.status}):`, error);
    }
  };
  return async (c, next) => {
    const path = c.req.path;
    if (c.req.method === 'OPTIONS' || !(path.startsWith('/sdk/') || path.startsWith('/v1/b2b/') || path.startsWith('/v1/public/'))) return next();
    const started = performance.now();
    const { action, route, params } = matchAction(c.req.method, path);
    const base = {
      request_id: c.get('requestId'),
      action,
      method: c.req.method,
      route,
      ip_address: clientIp(c),
      organization_id: idOrNull(params.organization_id),
      member_id: idOrNull(params.member_id),
    };
    // Not awaited: the start row is written while the handler runs (one round trip less per request);
    // it is awaited before the end row, so start always precedes it. `write` never rejects.
    const startWrite = write({ ...base, project_id: null, status: 'start', http_status: null, error_type: null, duration_ms: null });
    try {
      await next();
    } finally {
      await startWrite;
    }
    const res = c.res;
    const seen = await peek(res);
    const project = c.get('project') as Project | undefined;
    await write({
      ...base,
      project_id: project?.id ?? null,
      status: res.status >= 400 ? 'error' : 'success',
      http_status: res.status,
      error_type: res.status >= 400 ? (seen.errorType ?? 'unknown') : null,
      duration_ms: Math.round(performance.now() - started),
      organization_id: base.organization_id ?? seen.organizationId,
      member_id: base.member_id ?? seen.memberId,
    });
  };
}

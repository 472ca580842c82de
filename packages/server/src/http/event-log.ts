import type { MiddlewareHandler } from 'hono';
import type { Project } from '../projects/index.js';
import type { AppContext, AppDeps, AppEnv } from './context.js';
import type { RouteTable } from './route-table.js';

const MAX_ID_LENGTH = 200;

/** An id-like value worth recording: a short string (fuzzed 100 KB path segments are not stored). */
function idOrNull(value: unknown): string | null {
  return typeof value === 'string' && value !== '' && value.length <= MAX_ID_LENGTH && !value.includes('\0')
    ? value
    : null;
}

/** The client address: a resolver's `clientIp` when one ran, else the Node socket, else ''. */
function clientIp(c: AppContext): string {
  const fromVar = (c.var as Record<string, unknown>).clientIp;
  if (typeof fromVar === 'string') return fromVar;
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? '';
}

/**
 * What the answer said, as the response helpers recorded it on the context (http/responses.ts): the
 * body is never re-read. Cloning a response here would also drop headers that inner middleware set
 * after `next()` when @hono/node-server's lightweight Response is in use (the CLI's listener).
 */
function outcome(c: AppContext): { errorType: string | null; organizationId: string | null; memberId: string | null } {
  const seen = c.get('outcome');
  return {
    errorType: idOrNull(seen?.errorType),
    organizationId: idOrNull(seen?.organizationId),
    memberId: idOrNull(seen?.memberId),
  };
}

/**
 * The event log: every `/sdk/*` and `/v1/b2b/*` request records a `start` event before it runs and a
 * `success` or `error` event after, tied by `request_id`, written in batches by events/writer.ts.
 * Records the action, route pattern, status, duration, ip and ids — never a body, header, query
 * string, token or secret. Logging never breaks a request: a failed write goes to stderr. CORS
 * preflights are not logged. The start row is recorded before authentication, so it carries no
 * project; queries attribute it through its end row. The action comes from the routes' own
 * declarations (`routes()`, known once every sub-app is mounted).
 */
export function eventLog(deps: AppDeps, routes: () => RouteTable): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const path = c.req.path;
    if (
      c.req.method === 'OPTIONS' ||
      !(path.startsWith('/sdk/') || path.startsWith('/v1/b2b/') || path.startsWith('/v1/public/'))
    )
      return next();
    const started = performance.now();
    const { action, route, params } = routes().match(c.req.method, path);
    const base = {
      request_id: c.get('requestId'),
      action,
      method: c.req.method,
      route,
      ip_address: clientIp(c),
      organization_id: idOrNull(params.organization_id),
      member_id: idOrNull(params.member_id),
    };
    // Queued, not awaited: events/writer.ts writes many requests' events in one statement.
    deps.events.add({
      ...base,
      project_id: null,
      status: 'start',
      http_status: null,
      error_type: null,
      duration_ms: null,
    });
    await next();
    const res = c.res;
    const seen = outcome(c);
    const project = c.get('project') as Project | undefined;
    deps.events.add({
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

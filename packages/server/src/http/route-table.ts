import type { DeclaredRoute } from './routes.js';

/**
 * Names a request by its declared route (http/routes.ts): action, route pattern, rate-limit rule and
 * decoded path parameters. Matched from the method and path alone, not from Hono's routing, so a
 * request refused before any handler runs (bad key, bad origin, rate limit, bad JSON) still logs the
 * action of the route it was for.
 */
export interface RouteTable {
  match(method: string, path: string): MatchedRoute;
}

/** A request's route, or `Unknown` with its API prefix + `/*` (never the raw path) when none fits. */
export interface MatchedRoute {
  action: string;
  route: string;
  params: Record<string, string>;
  limit?: DeclaredRoute['limit'];
}

interface Entry {
  route: DeclaredRoute;
  segments: string[];
  literals: number;
}

const split = (path: string) => path.split('/').filter((s) => s !== '');

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** Builds the table of `routes`; of several patterns that fit, the one with most literal segments wins. */
export function createRouteTable(routes: readonly DeclaredRoute[]): RouteTable {
  const entries: Entry[] = routes.map((route) => {
    const segments = split(route.path);
    return { route, segments, literals: segments.filter((s) => !s.startsWith(':')).length };
  });
  return {
    match(method, path) {
      const segments = split(path);
      let best: Entry | undefined;
      for (const candidate of entries) {
        if (candidate.route.method !== method || candidate.segments.length !== segments.length) continue;
        const fits = candidate.segments.every((s, i) => s.startsWith(':') || s === segments[i]);
        if (fits && (best === undefined || candidate.literals > best.literals)) best = candidate;
      }
      if (best === undefined) {
        const prefix = path.startsWith('/sdk/') ? '/sdk/v1' : path.startsWith('/v1/public/') ? '/v1/public' : '/v1/b2b';
        return { action: 'Unknown', route: `${prefix}/*`, params: {} };
      }
      const params: Record<string, string> = {};
      best.segments.forEach((s, i) => {
        if (s.startsWith(':')) params[s.slice(1)] = decode(segments[i] ?? '');
      });
      const { action, limit } = best.route;
      return { action, route: `/${best.segments.join('/')}`, params, ...(limit ? { limit } : {}) };
    },
  };
}

import { Hono, type Handler, type MiddlewareHandler } from 'hono';
import type { AppEnv } from './context.js';

/**
 * A rate limit a route declares (http/rate-limit.ts has the numbers): an email send is counted before
 * the handler runs; an authenticate attempt is refused while its key or IP has too many recent
 * failures, and a 4xx answer counts as one more failure; a CPU-heavy call is counted per client.
 */
export interface RouteLimit {
  kind: 'send' | 'authenticate' | 'cpu';
  /** Body fields tried in order for the key (recipient email, token, or the email an OTP is for). */
  keys: readonly string[];
}

/** The limit of an email send, keyed by the recipient. */
export const sendLimit = (...keys: string[]): RouteLimit => ({ kind: 'send', keys });
/** The limit of a token / OTP / magic-link authentication, keyed by the secret or email guessed. */
export const authenticateLimit = (...keys: string[]): RouteLimit => ({ kind: 'authenticate', keys });
/** The limit of a call that costs much CPU (the password strength check), keyed by who calls. */
export const cpuLimit = (): RouteLimit => ({ kind: 'cpu', keys: [] });

/** What a route says about itself, beside its method and path. */
export interface RouteFacts {
  /** The event-log action: Stytch's event-log name where it has one (`MultiTenantSessionsAuthenticate`). */
  action: string;
  /** Routes that send mail or check a guessable secret declare their limit. */
  limit?: RouteLimit;
}

/** HTTP methods of declared routes. */
export type RouteMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** A declared route of a composed app: its full path (mount prefixes included) and its facts. */
export interface DeclaredRoute extends RouteFacts {
  method: RouteMethod;
  path: string;
}

// The facts ride on the endpoint handler itself, so they survive `app.route()` (Hono copies handler
// references into the parent) and `declaredRoutes` reads them back with full paths.
const FACTS = new WeakMap<object, RouteFacts>();

type Endpoint<P extends string> = Handler<AppEnv, P>;

/** Registers one method's routes: `(path, facts, handler)` or `(path, facts, middleware, handler)`. */
export interface Declare {
  <P extends string>(path: P, facts: RouteFacts, handler: Endpoint<P>): void;
  <P extends string>(path: P, facts: RouteFacts, middleware: MiddlewareHandler<AppEnv>, handler: Endpoint<P>): void;
}

/** A feature's sub-app whose every route declares its facts where it is defined. */
export interface Routes {
  /** The Hono sub-app `createApp` mounts with `app.route()`. */
  readonly app: Hono<AppEnv>;
  get: Declare;
  post: Declare;
  put: Declare;
  delete: Declare;
}

/**
 * Starts a sub-app whose routes are declared with their facts:
 * `routes.post('/b2b/sessions/authenticate', { action: 'MultiTenantSessionsAuthenticate' }, handler)`.
 * The event log's action table and the rate limiter's rules are derived from these declarations
 * ({@link declaredRoutes}), never written a second time.
 */
export function defineRoutes(): Routes {
  const app = new Hono<AppEnv>();
  const on =
    (method: RouteMethod): Declare =>
    (path: string, facts: RouteFacts, ...handlers: Array<MiddlewareHandler<AppEnv> | Endpoint<string>>) => {
      const last = handlers[handlers.length - 1] as Endpoint<string>;
      // A fresh function per registration: one handler reused for two routes keeps both facts.
      const endpoint: Endpoint<string> = (c, next) => last(c, next);
      FACTS.set(endpoint, facts);
      (app.on as (m: string, p: string, ...h: unknown[]) => unknown)(method, path, ...handlers.slice(0, -1), endpoint);
    };
  return { app, get: on('GET'), post: on('POST'), put: on('PUT'), delete: on('DELETE') };
}

/** Every declared route of `app`, after its sub-apps are mounted, with full paths, in registration order. */
export function declaredRoutes(app: Hono<AppEnv>): DeclaredRoute[] {
  return app.routes.flatMap((route) => {
    const facts = FACTS.get(route.handler);
    return facts === undefined ? [] : [{ method: route.method as RouteMethod, path: route.path, ...facts }];
  });
}

/** A feature's sub-apps by API surface; `createApp` mounts each one with `app.route()`. */
export interface FeatureRoutes {
  /** Under `/sdk/v1`: a public token, and for `/b2b/*` the SDK authentication and rate limits. */
  sdk?: Hono<AppEnv>;
  /** Under `/v1/b2b`, behind the project secret and the rate limits. */
  backend?: Hono<AppEnv>;
  /** Under `/v1/b2b` without credentials (the JWKS), mounted before the project-secret check. */
  backendOpen?: Hono<AppEnv>;
  /** Under `/v1/public`: browser-facing SSO endpoints the IdP or a redirect brings the browser to. */
  public?: Hono<AppEnv>;
  /** Under `/dev`, only with `--dev`: pages for developers, not logged. */
  dev?: Hono<AppEnv>;
}

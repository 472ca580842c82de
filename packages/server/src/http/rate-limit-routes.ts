import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './context.js';
import { limit, recordFailure } from './rate-limit.js';

/** Which limit a path gets and which body field is its key. */
interface LimitedRoute {
  kind: 'send' | 'authenticate';
  /** Body fields tried in order for the key (recipient email, token, or the email an OTP is for). */
  keys: readonly string[];
}

const SEND: LimitedRoute = { kind: 'send', keys: ['email_address'] };
const token = (...keys: string[]): LimitedRoute => ({ kind: 'authenticate', keys });

/**
 * Every email-send and token / OTP / magic-link authenticate operation, by path below `/b2b` (the
 * same for the SDK API and the backend API). Paths of operations not built yet are listed so they
 * are limited the day they land. A route listed here must NOT call `limit()` itself.
 */
export const LIMITED_ROUTES: Readonly<Record<string, LimitedRoute>> = {
  '/magic_links/email/send': SEND,
  '/magic_links/email/login_or_signup': SEND,
  '/magic_links/email/invite': SEND,
  '/magic_links/email/discovery/send': SEND,
  '/otps/email/login_or_signup': SEND,
  '/otps/email/discovery/send': SEND,
  '/passwords/email/reset/start': SEND,
  '/passwords/discovery/email/reset/start': SEND,
  '/magic_links/authenticate': token('magic_links_token'),
  '/magic_links/discovery/authenticate': token('discovery_magic_links_token'),
  '/discovery/intermediate_sessions/exchange': token('intermediate_session_token'),
  '/discovery/organizations/create': token('intermediate_session_token'),
  '/otps/email/authenticate': token('email_address'),
  '/otps/email/discovery/authenticate': token('email_address'),
  '/passwords/authenticate': token('email_address'),
  '/passwords/discovery/authenticate': token('email_address'),
  '/sso/authenticate': token('sso_token'),
};

/** Same cap as `readBody` (http/responses.ts): bigger bodies get 413 there. */
const MAX_KEY_BODY_BYTES = 64 * 1024;

// A conflict (slug taken), an oversized body or a 429 itself says nothing about guessing a secret.
const NOT_A_FAILURE = new Set([409, 413, 429]);

function routeOf(path: string): LimitedRoute | undefined {
  const match = /^(?:\/sdk\/v1\/b2b|\/v1\/b2b)(\/.*?)\/?$/.exec(path);
  return match?.[1] === undefined ? undefined : LIMITED_ROUTES[match[1]];
}

async function keyFrom(text: string, fields: readonly string[]): Promise<string | undefined> {
  try {
    const body = JSON.parse(text) as Record<string, unknown> | null;
    for (const field of fields) {
      const value = body?.[field];
      if (typeof value === 'string' && value !== '') return value.slice(0, 512);
    }
  } catch {
    // Malformed JSON: the route answers 400; the attempt still counts per IP below.
  }
  return undefined;
}

/**
 * Applies the rate limits to {@link LIMITED_ROUTES} after authentication (the counters are per
 * project): sends are counted before the handler runs; authenticate attempts are counted per IP,
 * refused while the token/email or IP has too many recent failures, and a 4xx answer counts as one
 * more failure. Mounted once in `createApp` for both APIs.
 */
export function rateLimitRoutes(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const route = c.req.method === 'POST' ? routeOf(c.req.path) : undefined;
    // An oversized body is the handler's to refuse (413) before anything is read or counted.
    if (route === undefined || Number(c.req.header('content-length') ?? '0') > MAX_KEY_BODY_BYTES) return next();
    // Hono caches the body, so the handler's own read gets the same text.
    const text = await c.req.text();
    if (text.length > MAX_KEY_BODY_BYTES) return next();
    const key = await keyFrom(text, route.keys);
    if (route.kind === 'send') {
      await limit(c, 'send', key ?? '');
      return next();
    }
    await limit(c, 'authenticate', key ?? '');
    await next();
    if (c.res.status >= 400 && c.res.status < 500 && !NOT_A_FAILURE.has(c.res.status)) await recordFailure(c, key ?? '');
  };
}

import type { MiddlewareHandler } from 'hono';
import { bodyText } from './body-text.js';
import type { AppEnv } from './context.js';
import { type AttemptKey, limitAttempt, recordFailure } from './auth-failures.js';
import { limitCpu, limitSend } from './rate-limit-checks.js';
import type { RouteTable } from './route-table.js';

/** Same cap as `readBody` (http/responses.ts): bigger bodies are refused there, never counted here. */
const MAX_KEY_BODY_BYTES = 64 * 1024;

// A conflict (slug taken) or a 429 itself says nothing about guessing a secret.
const NOT_A_FAILURE = new Set([409, 429]);

function keyFrom(text: string, fields: readonly string[]): AttemptKey | undefined {
  try {
    const body = JSON.parse(text) as Record<string, unknown> | null;
    for (const field of fields) {
      const value = body?.[field];
      if (typeof value !== 'string' || value === '') continue;
      // An email is one key however it is cased, or varying the case would escape its lockout.
      const email = field.endsWith('email_address');
      return { value: (email ? value.trim().toLowerCase() : value).slice(0, 512), email };
    }
  } catch {
    // Malformed JSON: the route answers 400; the attempt still counts per IP below.
  }
  return undefined;
}

/**
 * Applies the rate limit each route declares (`limit` in http/routes.ts) after authentication (the
 * counters are per project): sends and CPU-heavy calls are counted before the handler runs;
 * authenticate attempts are counted per IP, refused while the token/email or IP has too many recent
 * failures (http/auth-failures.ts), and a 4xx answer counts as one more failure. Mounted once in `createApp` for both APIs; a route with a limit must
 * not call `limit()` itself.
 */
export function rateLimitRoutes(routes: () => RouteTable): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const rule = routes().match(c.req.method, c.req.path).limit;
    if (rule?.kind === 'cpu') {
      await limitCpu(c);
      return next();
    }
    // An oversized body is the handler's to refuse before anything is read or counted.
    if (rule === undefined || Number(c.req.header('content-length') ?? '0') > MAX_KEY_BODY_BYTES) return next();
    // Read once: the handler's own read gets the same text.
    const text = await bodyText(c, MAX_KEY_BODY_BYTES);
    if (text === undefined) return next();
    const key = keyFrom(text, rule.keys) ?? { value: '', email: false };
    if (rule.kind === 'send') {
      await limitSend(c, key.value);
      return next();
    }
    await limitAttempt(c, key);
    await next();
    if (c.res.status >= 400 && c.res.status < 500 && !NOT_A_FAILURE.has(c.res.status)) await recordFailure(c, key);
  };
}

import type { MiddlewareHandler } from 'hono';
import { bodyText } from './body-text.js';
import type { AppEnv } from './context.js';
import { ApiError } from '../lib/api-error.js';
import { type AttemptKey, limitAttempt, recordFailure, recordIpFailure } from './auth-failures.js';
import { limitCpu, limitSend } from './rate-limit-checks.js';
import type { RouteTable } from './route-table.js';

/** Same cap as `readBody` (http/responses.ts): bigger bodies are refused there, never counted here. */
const MAX_KEY_BODY_BYTES = 64 * 1024;

// A conflict (slug taken) or a 429 itself says nothing about guessing a secret.
const NOT_A_FAILURE = new Set([409, 429]);

// Refusals of a member-keyed attempt (TOTP, SMS and recovery codes) made before any code is tried:
// the caller brought no live IST or session of that member (mfa/caller.ts checks it first), or a
// malformed body. Counted against the member they would let anyone who knows a member_id lock that
// member's second factor for an hour (docs/security.md AUTH-01), so they count per IP only.
const NO_CODE_TRIED = new Set(['intermediate_session_not_found', 'unauthorized_action', 'bad_request']);

function keyFrom(text: string, fields: readonly string[]): AttemptKey | undefined {
  try {
    const body = JSON.parse(text) as Record<string, unknown> | null;
    for (const field of fields) {
      const value = body?.[field];
      if (typeof value !== 'string' || value === '') continue;
      // An email is one key however it is cased, or varying the case would escape its lockout.
      const email = field.endsWith('email_address');
      const normalized = (email ? value.trim().toLowerCase() : value).slice(0, 512);
      return field === 'member_id' ? { value: normalized, email, member: true } : { value: normalized, email };
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
    if (c.res.status < 400 || c.res.status >= 500 || NOT_A_FAILURE.has(c.res.status)) return;
    const noCodeTried = key.member === true && c.error instanceof ApiError && NO_CODE_TRIED.has(c.error.errorType);
    await (noCodeTried ? recordIpFailure(c) : recordFailure(c, key));
  };
}

import { sql } from 'kysely';
import type { Db } from '../db/schema.js';
import { type ApiError, apiError } from '../lib/api-error.js';
import { sha256Hex } from '../lib/crypto.js';
import type { AppContext } from './context.js';

/** At most `max` events per fixed window of `windowMinutes`. */
export interface RateLimitRule {
  max: number;
  windowMinutes: number;
}

/** The limits `ServerOptions.rateLimits` configures (each optional there; defaults below). */
export interface RateLimits {
  /** Emails sent to one address (every send endpoint, SDK and backend). */
  sendPerEmail: RateLimitRule;
  /**
   * Text messages sent to one phone number (SDK and backend), besides the route's own per-member
   * count: each costs money, so a number is guarded whoever asks for codes to it.
   */
  sendPerPhone: RateLimitRule;
  /** Send calls from one IP (SDK calls only: a backend's IP serves all its users). */
  sendPerIp: RateLimitRule;
  /** Token / OTP / magic-link authenticate attempts from one IP (SDK calls only). */
  authenticatePerIp: RateLimitRule;
  /** Failed authenticate attempts from one IP (SDK calls only). */
  failuresPerIp: RateLimitRule;
  /** Failed authenticate attempts against one token or email (SDK and backend; AUTH-01). */
  failuresPerKey: RateLimitRule;
  /**
   * SSO starts (`/v1/public/sso/start`) from one IP: each writes a pending request row. Generous,
   * because a whole office may sign in through one NAT address on a Monday morning.
   */
  ssoStartPerIp: RateLimitRule;
}

/** Defaults: generous for people, tight for scripts (docs/security.md AUTH-01: ≤ 100 failures/hour). */
export const DEFAULT_RATE_LIMITS: RateLimits = {
  sendPerEmail: { max: 10, windowMinutes: 60 },
  sendPerPhone: { max: 5, windowMinutes: 60 },
  sendPerIp: { max: 100, windowMinutes: 60 },
  authenticatePerIp: { max: 600, windowMinutes: 60 },
  failuresPerIp: { max: 100, windowMinutes: 60 },
  failuresPerKey: { max: 20, windowMinutes: 60 },
  ssoStartPerIp: { max: 1000, windowMinutes: 60 },
};

/** `ServerOptions.rateLimits`: overrides per rule, or `false` to switch limiting off (benchmarks). */
export type RateLimitOptions = Partial<RateLimits> | false;

/** One counter to touch: which bucket, whose key, under which rule. */
export interface RateLimitCounter {
  bucket: keyof RateLimits;
  key: string;
  rule: RateLimitRule;
}

/** Counts events in the database, so every server instance sees the same counters. */
export interface RateLimiter {
  limits: RateLimits | false;
  /**
   * Adds one event to each counter (one statement) and returns the seconds until the latest window
   * resets when any counter went over its `rule.max`, else `undefined`.
   */
  hit(projectId: string, counters: readonly RateLimitCounter[]): Promise<number | undefined>;
  /** Like {@link RateLimiter.hit} for counters already AT their max, without counting (one query). */
  peek(projectId: string, counters: readonly RateLimitCounter[]): Promise<number | undefined>;
}

const PURGE_EVERY = 200;

/** Creates the limiter over `db` (fixed windows; one upserted row per project, bucket and key). */
export function createRateLimiter(db: Db, now: () => number, options: RateLimitOptions | undefined): RateLimiter {
  const limits = options === false ? false : { ...DEFAULT_RATE_LIMITS, ...options };
  let hits = 0;
  const windowOf = (counter: RateLimitCounter, at: number) => {
    const ms = counter.rule.windowMinutes * 60_000;
    const start = Math.floor(at / ms) * ms;
    return {
      ...counter,
      hash: sha256Hex(counter.key),
      start,
      retryAfter: Math.max(1, Math.ceil((start + ms - at) / 1000)),
    };
  };
  return {
    limits,
    async hit(projectId, counters) {
      if (counters.length === 0) return undefined;
      const at = now();
      const windows = counters.map((counter) => windowOf(counter, at));
      const rows = await db
        .insertInto('rate_limits')
        .values(
          windows.map((w) => ({
            project_id: projectId,
            bucket: w.bucket,
            key_hash: w.hash,
            window_start: w.start,
            count: 1,
          })),
        )
        .onConflict((oc) =>
          oc.columns(['project_id', 'bucket', 'key_hash']).doUpdateSet({
            // Same window → one more; a new window restarts at 1. One statement, so concurrent hits
            // on any number of servers never lose a count.
            count: sql<number>`case when rate_limits.window_start = excluded.window_start then rate_limits.count + 1 else 1 end`,
            window_start: sql<number>`excluded.window_start`,
          }),
        )
        .returning(['bucket', 'count'])
        .execute();
      if (++hits % PURGE_EVERY === 0) {
        await db
          .deleteFrom('rate_limits')
          .where('window_start', '<', at - 2 * 86_400_000)
          .execute();
      }
      const over = windows.filter((w) => rows.some((r) => r.bucket === w.bucket && Number(r.count) > w.rule.max));
      return over.length === 0 ? undefined : Math.max(...over.map((w) => w.retryAfter));
    },
    async peek(projectId, counters) {
      if (counters.length === 0) return undefined;
      const windows = counters.map((counter) => windowOf(counter, now()));
      const rows = await db
        .selectFrom('rate_limits')
        .select(['bucket', 'key_hash', 'window_start', 'count'])
        .where('project_id', '=', projectId)
        .where((eb) =>
          eb.or(
            windows.map((w) =>
              eb.and([eb('bucket', '=', w.bucket), eb('key_hash', '=', w.hash), eb('window_start', '=', w.start)]),
            ),
          ),
        )
        .execute();
      const full = windows.filter((w) =>
        rows.some((r) => r.bucket === w.bucket && r.key_hash === w.hash && Number(r.count) >= w.rule.max),
      );
      return full.length === 0 ? undefined : Math.max(...full.map((w) => w.retryAfter));
    },
  };
}

function tooMany(c: AppContext, retryAfter: number): ApiError {
  c.header('Retry-After', String(retryAfter));
  return apiError('too_many_requests', `Too many requests. Try again in ${retryAfter} seconds.`);
}

/** Per-IP limits apply to SDK (browser) calls only: a backend's one IP serves all of its users. */
function ipKey(c: AppContext): string | undefined {
  if (!c.req.path.startsWith('/sdk/')) return undefined;
  return c.get('clientIp') ?? 'unknown';
}

/**
 * Counts one event of `kind` for `key` and refuses the request when a limit is exceeded.
 * - `'send'`: before sending an email; `key` = the recipient address (also counted per client IP;
 *   `''` counts the IP only).
 * - `'authenticate'`: before checking a token / OTP / magic link; `key` = the token or email. Counts
 *   the attempt per IP and refuses while `key` or the IP has too many recent failures; report a
 *   failure with {@link recordFailure}.
 * Routes that declare a `limit` (http/routes.ts) get both from the middleware (http/rate-limit-routes.ts).
 * @throws ApiError 429 `too_many_requests` (with `Retry-After`)
 */
export async function limit(c: AppContext, kind: 'send' | 'authenticate', key: string): Promise<void> {
  const limiter = c.get('rateLimiter');
  const limits = limiter?.limits;
  if (!limits) return;
  const project = c.get('project').id;
  const ip = ipKey(c);
  let wait: number | undefined;
  if (kind === 'send') {
    const counters: RateLimitCounter[] = [];
    if (key !== '') counters.push({ bucket: 'sendPerEmail', key: key.toLowerCase(), rule: limits.sendPerEmail });
    if (ip !== undefined) counters.push({ bucket: 'sendPerIp', key: ip, rule: limits.sendPerIp });
    wait = await limiter.hit(project, counters);
  } else {
    const attempts =
      ip === undefined
        ? undefined
        : await limiter.hit(project, [{ bucket: 'authenticatePerIp', key: ip, rule: limits.authenticatePerIp }]);
    const failures: RateLimitCounter[] = [{ bucket: 'failuresPerKey', key, rule: limits.failuresPerKey }];
    if (ip !== undefined) failures.push({ bucket: 'failuresPerIp', key: ip, rule: limits.failuresPerIp });
    const blocked = await limiter.peek(project, failures);
    wait = attempts === undefined ? blocked : Math.max(attempts, blocked ?? 0);
  }
  if (wait !== undefined) throw tooMany(c, wait);
}

/**
 * Counts one SSO start from the client IP for `projectId` (the start carries no API key, so the
 * caller names the project it resolved from the public token).
 * @throws ApiError 429 `too_many_requests` (with `Retry-After`)
 */
export async function limitSsoStart(c: AppContext, projectId: string): Promise<void> {
  const limiter = c.get('rateLimiter');
  if (!limiter?.limits) return;
  const rule = limiter.limits.ssoStartPerIp;
  const wait = await limiter.hit(projectId, [{ bucket: 'ssoStartPerIp', key: c.get('clientIp') ?? 'unknown', rule }]);
  if (wait !== undefined) throw tooMany(c, wait);
}

/**
 * Counts one text message to `phone` (E.164) and refuses it over `sendPerPhone`. The route's declared
 * `send` limit has already counted the member and the client IP; this adds the number, which only the
 * handler knows (it may be the member's stored one).
 * @throws ApiError 429 `too_many_requests` (with `Retry-After`)
 */
export async function limitSmsRecipient(c: AppContext, phone: string): Promise<void> {
  const limiter = c.get('rateLimiter');
  if (!limiter?.limits) return;
  const wait = await limiter.hit(c.get('project').id, [
    { bucket: 'sendPerPhone', key: phone, rule: limiter.limits.sendPerPhone },
  ]);
  if (wait !== undefined) throw tooMany(c, wait);
}

/** Counts one failed authenticate attempt against `key` (and the client IP for SDK calls). */
export async function recordFailure(c: AppContext, key: string): Promise<void> {
  const limiter = c.get('rateLimiter');
  const limits = limiter?.limits;
  if (!limits) return;
  const ip = ipKey(c);
  const counters: RateLimitCounter[] = [{ bucket: 'failuresPerKey', key, rule: limits.failuresPerKey }];
  if (ip !== undefined) counters.push({ bucket: 'failuresPerIp', key: ip, rule: limits.failuresPerIp });
  await limiter.hit(c.get('project').id, counters);
}

import { sql } from 'kysely';
import type { Db } from '../db/schema.js';
import { sha256Hex } from '../lib/crypto.js';

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
  /**
   * Failed authenticate attempts against one token or member (SDK and backend), and against one
   * email from one client IP (SDK calls): whoever knows an address cannot lock its owner out from
   * elsewhere (docs/security.md AUTH-01; http/auth-failures.ts).
   */
  failuresPerKey: RateLimitRule;
  /** Failed authenticate attempts against one email from all IPs and the backend together (AUTH-01's ceiling). */
  failuresPerEmail: RateLimitRule;
  /** CPU-heavy calls (the zxcvbn strength check) from one IP (SDK calls only). */
  cpuPerIp: RateLimitRule;
  /** CPU-heavy calls per public token (SDK), or per calling backend's IP (backend API). */
  cpuPerToken: RateLimitRule;
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
  failuresPerEmail: { max: 100, windowMinutes: 60 },
  // A strength check costs 73–330 ms of CPU: a person typing gets one per pause (300 ms quiet).
  cpuPerIp: { max: 60, windowMinutes: 10 },
  cpuPerToken: { max: 3000, windowMinutes: 60 },
  ssoStartPerIp: { max: 1000, windowMinutes: 60 },
};

/** `ServerOptions.rateLimits`: overrides per rule, or `false` to switch limiting off (benchmarks). */
export type RateLimitOptions = Partial<RateLimits> | false;

/** One counter to touch: which bucket, whose key, under which rule. */
export interface RateLimitCounter {
  bucket: keyof RateLimits;
  key: string;
  /**
   * Narrows the counter to `key` seen from one place (a client IP): its own row, which
   * {@link RateLimiter.clear} of `key` removes with the unscoped one.
   */
  scope?: string | undefined;
  rule: RateLimitRule;
}

/** `key_hash` of a counter: SHA-256 of the key, then `:` and SHA-256 of the scope when there is one. */
const counterHash = (counter: Pick<RateLimitCounter, 'key' | 'scope'>): string =>
  counter.scope === undefined ? sha256Hex(counter.key) : `${sha256Hex(counter.key)}:${sha256Hex(counter.scope)}`;

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
  /** Deletes the counters of `key` in `buckets`, scoped ones included (a proven owner's fresh start). */
  clear(projectId: string, buckets: readonly (keyof RateLimits)[], key: string): Promise<void>;
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
      hash: counterHash(counter),
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
    async clear(projectId, buckets, key) {
      const hash = counterHash({ key });
      await db
        .deleteFrom('rate_limits')
        .where('project_id', '=', projectId)
        .where('bucket', 'in', [...buckets])
        // Hex digits and `:` are no LIKE wildcards.
        .where((eb) => eb.or([eb('key_hash', '=', hash), eb('key_hash', 'like', `${hash}:%`)]))
        .execute();
    },
  };
}

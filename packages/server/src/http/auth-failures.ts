import type { AppContext } from './context.js';
import type { RateLimitCounter, RateLimiter, RateLimits } from './rate-limit.js';
import { ipKey, tooMany } from './rate-limit-checks.js';

/**
 * What an authenticate attempt is counted against: a token or member guessed at, or an email,
 * which anyone may name (lower-cased: one address however it is cased).
 */
export interface AttemptKey {
  value: string;
  email: boolean;
  /** A `member_id`: the route checks the caller's IST or session of that member before any code. */
  member?: boolean;
}

/**
 * The failure counters of an attempt (docs/security.md AUTH-01). A token or member: one counter
 * across IPs (`failuresPerKey`). An email: `failuresPerKey` per (email, client IP), so an attacker
 * who knows the address spends only their own IP's allowance and never locks its owner out from
 * elsewhere, plus `failuresPerEmail` across all IPs and the backend (100 an hour), so a distributed
 * guesser still stops at AUTH-01's ceiling. Backend calls have no end user's IP (the backend's one IP
 * serves all its users, and scoping to it would let anyone reaching that backend lock an address
 * out), so they count against the ceiling only. SDK calls also count per IP (`failuresPerIp`).
 */
function failureCounters(limits: RateLimits, key: AttemptKey, ip: string | undefined): RateLimitCounter[] {
  const counters: RateLimitCounter[] = [];
  if (!key.email) counters.push({ bucket: 'failuresPerKey', key: key.value, rule: limits.failuresPerKey });
  else {
    if (ip !== undefined)
      counters.push({ bucket: 'failuresPerKey', key: key.value, scope: ip, rule: limits.failuresPerKey });
    counters.push({ bucket: 'failuresPerEmail', key: key.value, rule: limits.failuresPerEmail });
  }
  if (ip !== undefined) counters.push({ bucket: 'failuresPerIp', key: ip, rule: limits.failuresPerIp });
  return counters;
}

/**
 * Before checking a token / code / password: counts the attempt per client IP (SDK calls) and
 * refuses it while any of its failure counters is full. Report a failure with {@link recordFailure}.
 * Routes declaring an `authenticate` limit get both from the middleware (http/rate-limit-routes.ts).
 * @throws ApiError 429 `too_many_requests` (with `Retry-After`)
 */
export async function limitAttempt(c: AppContext, key: AttemptKey): Promise<void> {
  const limiter = c.get('rateLimiter');
  const limits = limiter?.limits;
  if (!limits) return;
  const project = c.get('project').id;
  const ip = ipKey(c);
  const attempts =
    ip === undefined
      ? undefined
      : await limiter.hit(project, [{ bucket: 'authenticatePerIp', key: ip, rule: limits.authenticatePerIp }]);
  const blocked = await limiter.peek(project, failureCounters(limits, key, ip));
  const wait = attempts === undefined ? blocked : Math.max(attempts, blocked ?? 0);
  if (wait !== undefined) throw tooMany(c, wait);
}

/** Counts one failed authenticate attempt against `key` (see {@link failureCounters}). */
export async function recordFailure(c: AppContext, key: AttemptKey): Promise<void> {
  const limiter = c.get('rateLimiter');
  const limits = limiter?.limits;
  if (!limits) return;
  await limiter.hit(c.get('project').id, failureCounters(limits, key, ipKey(c)));
}

/**
 * Counts one failed attempt against the client IP only (SDK calls; nothing for the backend): for an
 * attempt that tested no secret of the key it named.
 */
export async function recordIpFailure(c: AppContext): Promise<void> {
  const limiter = c.get('rateLimiter');
  const limits = limiter?.limits;
  const ip = ipKey(c);
  if (!limits || ip === undefined) return;
  await limiter.hit(c.get('project').id, [{ bucket: 'failuresPerIp', key: ip, rule: limits.failuresPerIp }]);
}

/**
 * Forgets every failure counted against `email` (from every IP, and the ceiling): its owner just
 * proved the inbox with a password reset link, so guesses made by others no longer hold them back.
 * Other addresses and the per-IP counters are untouched.
 */
export async function clearEmailFailures(limiter: RateLimiter, projectId: string, email: string): Promise<void> {
  if (!limiter.limits) return;
  await limiter.clear(projectId, ['failuresPerKey', 'failuresPerEmail'], email.trim().toLowerCase());
}

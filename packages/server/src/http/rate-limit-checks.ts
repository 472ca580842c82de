import { type ApiError, apiError } from '../lib/api-error.js';
import type { AppContext } from './context.js';
import type { RateLimitCounter } from './rate-limit.js';

/** The 429 `too_many_requests` envelope's error, with `Retry-After` set on the answer. */
export function tooMany(c: AppContext, retryAfter: number): ApiError {
  c.header('Retry-After', String(retryAfter));
  return apiError('too_many_requests', `Too many requests. Try again in ${retryAfter} seconds.`);
}

/** Per-IP limits apply to SDK (browser) calls only: a backend's one IP serves all of its users. */
export function ipKey(c: AppContext): string | undefined {
  if (!c.req.path.startsWith('/sdk/')) return undefined;
  return c.get('clientIp') ?? 'unknown';
}

/**
 * Counts one email send to `key` (the recipient address; `''` counts the IP only), and the client IP
 * for SDK calls, before the mail goes out. Routes declaring a `send` limit get this from the
 * middleware (http/rate-limit-routes.ts).
 * @throws ApiError 429 `too_many_requests` (with `Retry-After`)
 */
export async function limitSend(c: AppContext, key: string): Promise<void> {
  const limiter = c.get('rateLimiter');
  const limits = limiter?.limits;
  if (!limits) return;
  const ip = ipKey(c);
  const counters: RateLimitCounter[] = [];
  if (key !== '') counters.push({ bucket: 'sendPerEmail', key: key.toLowerCase(), rule: limits.sendPerEmail });
  if (ip !== undefined) counters.push({ bucket: 'sendPerIp', key: ip, rule: limits.sendPerIp });
  const wait = await limiter.hit(c.get('project').id, counters);
  if (wait !== undefined) throw tooMany(c, wait);
}

/**
 * Counts one CPU-heavy call (the zxcvbn strength check, 73–330 ms each): per client IP and per
 * public token for SDK calls; per calling backend's IP for the backend API, under the per-token
 * rule, as that one IP serves all of its users. Routes declaring a `cpu` limit get this from the
 * middleware (http/rate-limit-routes.ts).
 * @throws ApiError 429 `too_many_requests` (with `Retry-After`)
 */
export async function limitCpu(c: AppContext): Promise<void> {
  const limiter = c.get('rateLimiter');
  const limits = limiter?.limits;
  if (!limits) return;
  const project = c.get('project');
  const ip = ipKey(c);
  // The IP first, on its own: calls one IP was refused cost nothing, so they never spend the
  // allowance everyone behind the public token shares.
  if (ip !== undefined) {
    const wait = await limiter.hit(project.id, [{ bucket: 'cpuPerIp', key: ip, rule: limits.cpuPerIp }]);
    if (wait !== undefined) throw tooMany(c, wait);
  }
  const key = ip === undefined ? `backend:${c.get('clientIp') ?? 'unknown'}` : project.public_token;
  const wait = await limiter.hit(project.id, [{ bucket: 'cpuPerToken', key, rule: limits.cpuPerToken }]);
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

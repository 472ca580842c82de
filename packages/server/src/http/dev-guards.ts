import type { MiddlewareHandler } from 'hono';
import { type ApiError, apiError } from '../lib/api-error.js';
import type { AppEnv } from './context.js';
import { errorEnvelope } from './responses.js';

const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]'];

/**
 * The host name of a `Host` header value (`localhost:3000` → `localhost`, `[::1]:3000` → `[::1]`),
 * lower-cased, or `undefined` when it is not `name[:port]`.
 */
export function hostName(host: string): string | undefined {
  const match = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(?::(\d{1,5}))?$/i.exec(host.trim());
  return match?.[1]?.toLowerCase();
}

/**
 * Whether a `--dev` server may answer a request for `host` (a `Host` header, port allowed): only
 * loopback names and the host of the server's public URL. Any other name means the browser was
 * sent here by a name someone else controls, which is how DNS rebinding reaches a local server: a
 * page on `evil.example` re-resolves its own name to 127.0.0.1 and, being same-origin with it, could
 * read `/dev/mailbox.json` (live magic links) if the server answered.
 */
export function isDevHostAllowed(host: string | undefined, publicUrl: string): boolean {
  if (host === undefined || host === '') return false;
  const name = hostName(host);
  if (name === undefined) return false;
  return LOOPBACK_HOSTS.includes(name) || name === new URL(publicUrl).hostname.toLowerCase();
}

/**
 * The answer for a refused host, as the JSON error envelope: 421 `misdirected_request` (RFC 9110
 * §15.5.20: the request reached a server that will not answer for that host name).
 */
export function misdirectedRequest(publicUrl: string): ApiError {
  const allowed = [...new Set([...LOOPBACK_HOSTS, new URL(publicUrl).hostname])].join(', ');
  return apiError(
    'misdirected_request',
    `This development server answers only requests for ${allowed} (any port). Open it by one of these names.`,
  );
}

/**
 * Host check of a `--dev` server (registered only then: a production server sits behind a proxy or
 * on its public name, and answers whatever Host its operator routes to it). Reads the `Host` header
 * and, for absolute-form request targets, the request URL too; both must pass.
 */
export function devHostCheck(publicUrl: string): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const header = c.req.header('host');
    const urlHost = new URL(c.req.url).host;
    const ok = (header === undefined || isDevHostAllowed(header, publicUrl)) && isDevHostAllowed(urlHost, publicUrl);
    if (!ok) return errorEnvelope(c, misdirectedRequest(publicUrl));
    await next();
  };
}

/** `frame-ancestors 'none'` added to a Content-Security-Policy that does not say otherwise. */
export function withFrameAncestorsNone(csp: string | null): string {
  if (csp === null || csp.trim() === '') return "frame-ancestors 'none'";
  return /(^|;)\s*frame-ancestors\s/i.test(csp) ? csp : `${csp.replace(/;\s*$/, '')}; frame-ancestors 'none'`;
}

/**
 * Anti-framing for every `/dev` answer (mailbox, events, test IdP): `X-Frame-Options: DENY` for
 * older browsers and CSP `frame-ancestors 'none'`. A page of another site must not frame the
 * mailbox or the IdP's user chooser and trick a developer into clicking inside it.
 */
export function devFrameHeaders(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    c.res.headers.set('X-Frame-Options', 'DENY');
    c.res.headers.set('Content-Security-Policy', withFrameAncestorsNone(c.res.headers.get('Content-Security-Policy')));
  };
}

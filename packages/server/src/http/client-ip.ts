import { isIP } from 'node:net';
import type { AppContext } from './context.js';

/** How the server learns a caller's IP address. */
export interface ClientIpOptions {
  /**
   * Name of a header set by a reverse proxy you run in front of the server (`x-forwarded-for`,
   * `x-real-ip`…). Honoured ONLY when set; its rightmost entry is used (the one your proxy appended).
   * Never set this without such a proxy: clients can send any header they like.
   */
  trustProxyHeader?: string;
}

/**
 * The canonical text of an IPv4/IPv6 address, or `undefined` when it is not one. IPv4-mapped IPv6
 * (`::ffff:10.0.0.1`, what a dual-stack socket reports) becomes plain IPv4 so one allowlist entry
 * covers both; IPv6 is lower-cased and zero-compressed.
 */
export function canonicalIp(value: string): string | undefined {
  let ip = value.trim();
  if (ip.startsWith('[') && ip.endsWith(']')) ip = ip.slice(1, -1);
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(ip);
  if (mapped?.[1] !== undefined) ip = mapped[1];
  const version = isIP(ip);
  if (version === 4) return ip;
  if (version !== 6 || ip.includes('%')) return undefined;
  try {
    return new URL(`http://[${ip}]/`).hostname.slice(1, -1);
  } catch {
    return undefined;
  }
}

interface NodeBindings {
  incoming?: { socket?: { remoteAddress?: string } };
}

/**
 * Resolves the caller's IP: the TCP peer from `@hono/node-server` (`c.env.incoming.socket`), or the
 * configured proxy header. `X-Forwarded-For` is never trusted by default. In-process calls without
 * a socket (tests calling `app.fetch(request)`) have no IP: `undefined`.
 */
export function createClientIpResolver(options: ClientIpOptions = {}): (c: AppContext) => string | undefined {
  const header = options.trustProxyHeader?.toLowerCase();
  return (c) => {
    if (header !== undefined && header !== '') {
      const value = c.req.header(header);
      const last = value?.split(',').pop();
      return last === undefined ? undefined : canonicalIp(last);
    }
    const remote = (c.env as NodeBindings | undefined)?.incoming?.socket?.remoteAddress;
    return remote === undefined ? undefined : canonicalIp(remote);
  };
}

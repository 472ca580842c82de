import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http';
import type { DevOidcProvider } from './oidc-provider.js';

/** Path prefix of the dev OIDC provider; its issuer is `<publicUrl>` + this. */
export const DEV_OIDC_PATH = '/dev/idp/oidc';

/**
 * A Node request listener that sends `/dev/idp/oidc/*` to the dev OIDC provider (a Koa app, so it
 * needs Node's req/res) and everything else to `next` (Hono through @hono/node-server). Without a
 * provider (no `--dev`) it is `next` itself: nothing is mounted.
 */
export function withDevOidc(oidc: DevOidcProvider | undefined, next: RequestListener): RequestListener {
  if (!oidc) return next;
  return (req: IncomingMessage, res: ServerResponse) => (oidc.owns(req.url) ? oidc.handler(req, res) : next(req, res));
}

/** `createServer` for @hono/node-server's `serve({ createServer })` that puts {@link withDevOidc} in front. */
export function devOidcCreateServer(oidc: DevOidcProvider | undefined) {
  return ((options: object, listener: RequestListener): Server => createServer(options, withDevOidc(oidc, listener))) as unknown as typeof createServer;
}

import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http';
import type { ErrorEnvelope } from '@orgauth/core/protocol';
import { isDevHostAllowed, misdirectedRequest } from '../../http/index.js';
import { newId } from '../../lib/crypto.js';
import type { DevOidcProvider } from './oidc-provider.js';

/** Path prefix of the dev OIDC provider; its issuer is `<publicUrl>` + this. */
export const DEV_OIDC_PATH = '/dev/idp/oidc';

/** The JSON error envelope for a refused Host (http/dev-guards.ts), written on Node's response. */
function refuseHost(res: ServerResponse, publicUrl: string): void {
  const error = misdirectedRequest(publicUrl);
  const body: ErrorEnvelope = {
    status_code: error.status,
    request_id: newId('request-id'),
    error_type: error.errorType,
    error_message: error.message,
    error_url: `https://orgauth.dev/docs/errors#${error.errorType}`,
  };
  res.writeHead(error.status, {
    'content-type': 'application/json',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
  });
  res.end(JSON.stringify(body));
}

/**
 * A Node request listener that sends `/dev/idp/oidc/*` to the dev OIDC provider (a Koa app, so it
 * needs Node's req/res) and everything else to `next` (Hono through @hono/node-server). Without a
 * provider (no `--dev`) it is `next` itself: nothing is mounted. The provider's requests get the
 * `--dev` guards Hono gives every other path (http/dev-guards.ts): the Host check and anti-framing.
 */
export function withDevOidc(oidc: DevOidcProvider | undefined, next: RequestListener): RequestListener {
  if (!oidc) return next;
  const publicUrl = new URL(oidc.issuer).origin;
  return (req: IncomingMessage, res: ServerResponse) => {
    if (!oidc.owns(req.url)) return next(req, res);
    if (!isDevHostAllowed(req.headers.host, publicUrl)) return refuseHost(res, publicUrl);
    res.setHeader('X-Frame-Options', 'DENY');
    oidc.handler(req, res);
  };
}

/** `createServer` for @hono/node-server's `serve({ createServer })` that puts {@link withDevOidc} in front. */
export function devOidcCreateServer(oidc: DevOidcProvider | undefined) {
  return ((options: object, listener: RequestListener): Server =>
    createServer(options, withDevOidc(oidc, listener))) as unknown as typeof createServer;
}

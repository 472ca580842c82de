import type { AddressInfo } from 'node:net';
import type { createServer } from 'node:http';
import { serve, type ServerType } from '@hono/node-server';
import { answerClientError } from './client-error.js';

/**
 * A web-standard fetch handler (the Hono app's `fetch`, or the CLI's demo-site wrapper around it).
 * `env` is what @hono/node-server passes (`{ incoming, outgoing }`): the app reads the TCP peer from
 * it (http/client-ip.ts), so a wrapper must hand it on.
 */
export type FetchHandler = (request: Request, env?: unknown) => Response | Promise<Response>;

/** Options of {@link listen}. */
export interface ListenOptions {
  fetch: FetchHandler;
  /** 0 picks a free port. */
  port: number;
  hostname: string;
  /** A `node:http` `createServer` to put in front (the dev OIDC provider: dev/idp/node-listener.ts). */
  createServer?: typeof createServer | undefined;
}

/** A listening Node HTTP server. */
export interface Listener {
  http: ServerType;
  /** The port actually bound. */
  port: number;
  /** `http://<hostname>:<port>` (IPv6 hosts in brackets), no trailing slash. */
  origin: string;
  /** Stops accepting, drops keep-alive sockets, and resolves once closed. */
  close(): Promise<void>;
}

/**
 * Serves `fetch` over `node:http` through `@hono/node-server`: the one listener the CLI runs, and
 * the one the tests about response headers go through (testing/test-server.ts `http()`), so a
 * difference between in-process `app.fetch` and the real socket cannot hide. @hono/node-server
 * replaces the global `Response` with a lighter one; headers set on it behave differently from a
 * plain `Response` (http/event-log.ts), which only this path shows. Requests Node's parser refuses
 * (an oversized head, a malformed request line) are answered with the error envelope too
 * (http/client-error.ts).
 */
export function listen(options: ListenOptions): Promise<Listener> {
  return new Promise((resolve, reject) => {
    const http = serve(
      {
        fetch: options.fetch,
        port: options.port,
        hostname: options.hostname,
        ...(options.createServer ? { createServer: options.createServer } : {}),
      },
      (info: AddressInfo) => {
        http.off('error', reject);
        const host = options.hostname.includes(':')
          ? `[${options.hostname.replace(/^\[|\]$/g, '')}]`
          : options.hostname;
        resolve({
          http,
          port: info.port,
          origin: `http://${host}:${info.port}`,
          close: () =>
            new Promise<void>((done) => {
              // Keep-alive sockets (browsers, undici, jose's JWKS fetch) would hold close() open.
              (http as { closeAllConnections?: () => void }).closeAllConnections?.();
              http.close(() => done());
            }),
        });
      },
    );
    http.once('error', reject);
    // Requests Node refuses before the app sees them still get the JSON error envelope.
    http.on('clientError', answerClientError);
  });
}

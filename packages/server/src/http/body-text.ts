import type { IncomingMessage } from 'node:http';
import type { AppContext } from './context.js';

/** What {@link bodyText} gives: the text, or `undefined` when the body is longer than the limit. */
export type BodyText = string | undefined;

const read = new WeakMap<Request, Promise<BodyText>>();

function nodeRequest(c: AppContext): IncomingMessage | undefined {
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  return incoming !== undefined && typeof incoming.on === 'function' && !incoming.readableDidRead
    ? incoming
    : undefined;
}

/**
 * Collects the Node request's bytes up to `maxBytes`. Stops collecting at the limit, so a chunked
 * body with no `Content-Length` cannot make the server buffer more than `maxBytes`.
 */
function readIncoming(incoming: IncomingMessage, maxBytes: number): Promise<BodyText> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    incoming.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) tooLarge = true;
      if (!tooLarge) chunks.push(chunk);
    });
    incoming.on('end', () => resolve(tooLarge ? undefined : Buffer.concat(chunks, size).toString('utf8')));
    incoming.on('error', reject);
  });
}

/**
 * The request body as text, read once per request (the rate-limit middleware and the handler share
 * it), or `undefined` when it is longer than `maxBytes`.
 *
 * Under the Node listener the bytes are read straight from `IncomingMessage`: asking the web
 * `Request` for its text makes @hono/node-server build a full undici `Request` with a body stream,
 * which cost more than the whole rest of a session check (docs/performance.md). In-process
 * `app.fetch` calls, which have no `incoming`, read the `Request` as usual.
 */
export function bodyText(c: AppContext, maxBytes: number): Promise<BodyText> {
  const key = c.req.raw;
  let pending = read.get(key);
  if (pending === undefined) {
    const incoming = nodeRequest(c);
    pending =
      incoming !== undefined
        ? readIncoming(incoming, maxBytes)
        : c.req.text().then((text) => (Buffer.byteLength(text) > maxBytes ? undefined : text));
    read.set(key, pending);
  }
  return pending;
}

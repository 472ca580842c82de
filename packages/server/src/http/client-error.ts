import type { Socket } from 'node:net';
import type { ErrorEnvelope } from '@orgauth/core/protocol';
import { newId } from '../lib/crypto.js';

/** Node's parser errors that mean "the request head is too large" (answered 431 by HTTP). */
const TOO_LARGE = new Set(['HPE_HEADER_OVERFLOW']);
const REASON: Record<number, string> = { 400: 'Bad Request', 408: 'Request Timeout', 431: 'Request Header Fields Too Large' };

/**
 * The answer to a request Node's HTTP parser refused before any app code ran (a head over Node's
 * ~16 KB limit, a malformed request line, a header timeout): the JSON error envelope every other
 * refusal gets, instead of Node's empty `400`/`431`. No CORS headers: the head that would name an
 * origin is what could not be read. The connection is closed, as Node does.
 */
export function answerClientError(error: Error & { code?: string }, socket: Socket): void {
  // A reset connection has no one to answer; a half-written answer must not be followed by another.
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const status = TOO_LARGE.has(error.code ?? '') ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
  const body: ErrorEnvelope = {
    status_code: status,
    request_id: newId('request-id'),
    error_type: 'bad_request',
    error_message:
      status === 431
        ? 'The request headers are too large.'
        : status === 408
          ? 'The request took too long to arrive.'
          : 'The request is not valid HTTP.',
    error_url: 'https://orgauth.dev/docs/errors#bad_request',
  };
  const json = JSON.stringify(body);
  socket.end(
    `HTTP/1.1 ${status} ${REASON[status]}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(json)}\r\n` +
      `X-Content-Type-Options: nosniff\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n${json}`,
  );
}

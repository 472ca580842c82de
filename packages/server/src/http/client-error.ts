import type { Socket } from 'node:net';
import { STATUS_CODES } from 'node:http';
import type { ErrorEnvelope } from '@orgauth/core/protocol';
import { apiError, type ApiError } from '../lib/api-error.js';
import { newId } from '../lib/crypto.js';

/** The catalogue's error for what Node's parser refused (its `error.code`). */
function refusal(code: string | undefined): ApiError {
  if (code === 'HPE_HEADER_OVERFLOW')
    return apiError('request_headers_too_large', 'The request headers are too large.');
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') return apiError('request_timeout', 'The request took too long to arrive.');
  return apiError('bad_request', 'The request is not valid HTTP.');
}

/**
 * The answer to a request Node's HTTP parser refused before any app code ran (a head over Node's
 * ~16 KB limit, a malformed request line, a header timeout): the JSON error envelope every other
 * refusal gets, instead of Node's empty `400`/`431`. No CORS headers: the head that would name an
 * origin is what could not be read. The connection is closed, as Node does.
 */
export function answerClientError(failure: Error & { code?: string }, socket: Socket): void {
  // A reset connection has no one to answer; a half-written answer must not be followed by another.
  if (failure.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const error = refusal(failure.code);
  const body: ErrorEnvelope = {
    status_code: error.status,
    request_id: newId('request-id'),
    error_type: error.errorType,
    error_message: error.message,
    error_url: `https://orgauth.dev/docs/errors#${error.errorType}`,
  };
  const json = JSON.stringify(body);
  socket.end(
    `HTTP/1.1 ${error.status} ${STATUS_CODES[error.status] ?? ''}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(json)}\r\n` +
      `X-Content-Type-Options: nosniff\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n${json}`,
  );
}

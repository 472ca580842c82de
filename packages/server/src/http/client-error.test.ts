import { connect } from 'node:net';
import { afterEach, describe, expect, test } from 'vitest';
import { listen, type Listener } from './listen.js';

// Requests Node's HTTP parser refuses never reach the app; the CLI's listener still answers them
// with the JSON error envelope, not Node's bare 400 / 431.

let listener: Listener | undefined;
afterEach(async () => {
  await listener?.close();
  listener = undefined;
});

/** Sends raw bytes to the listener and resolves with everything it answers before closing. */
async function raw(bytes: string): Promise<{ status: number; headers: string; body: string }> {
  listener = await listen({ fetch: () => new Response('app reached'), port: 0, hostname: '127.0.0.1' });
  const answer = await new Promise<string>((resolve, reject) => {
    const socket = connect(listener!.port, '127.0.0.1', () => socket.end(bytes));
    let data = '';
    socket.on('data', (chunk) => (data += chunk.toString('utf8')));
    socket.on('end', () => resolve(data));
    socket.on('error', reject);
  });
  const [head = '', body = ''] = answer.split('\r\n\r\n');
  return { status: Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1]), headers: head.toLowerCase(), body };
}

const envelope = (status: number, type: string) => ({
  status_code: status,
  request_id: expect.stringMatching(/^request-id-test-/),
  error_type: type,
  error_message: expect.any(String),
  error_url: expect.stringContaining(type),
});

describe('requests refused by the HTTP parser', () => {
  test('a head over the size limit: 431 with the envelope', async () => {
    const res = await raw(`GET /sdk/v1/x HTTP/1.1\r\nHost: localhost\r\nX-Big: ${'a'.repeat(40_000)}\r\n\r\n`);
    expect(res.status).toBe(431);
    expect(res.headers).toContain('content-type: application/json');
    expect(JSON.parse(res.body)).toEqual(envelope(431, 'request_headers_too_large'));
  });

  test('a malformed request line: 400 with the envelope', async () => {
    const res = await raw('NOT HTTP AT ALL\r\n\r\n');
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body)).toEqual(envelope(400, 'bad_request'));
  });

  test('a well-formed request still reaches the app', async () => {
    const res = await raw('GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n');
    expect(res.status).toBe(200);
    expect(res.body).toContain('app reached');
  });
});

import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createTestServer, type TestServer } from '../testing/test-server.js';

// The body reader (http/body-text.ts) takes the bytes straight from Node's request under the CLI's
// listener. These requests go through that listener, with bodies sent in pieces and no Content-Length.

let t: TestServer;
beforeEach(async () => {
  t = await createTestServer();
});
afterEach(async () => {
  await t.close();
});

/** A streamed (chunked) request body made of `pieces`, so no Content-Length is sent. */
function chunked(pieces: string[]): { body: ReadableStream<Uint8Array>; duplex: 'half' } {
  const encoder = new TextEncoder();
  return {
    body: new ReadableStream({
      start(controller) {
        for (const piece of pieces) controller.enqueue(encoder.encode(piece));
        controller.close();
      },
    }),
    duplex: 'half',
  };
}

const backendAuth = () =>
  `Basic ${Buffer.from(`${t.server.project.project_id}:${t.server.project.secret}`).toString('base64')}`;

describe('request bodies through the Node listener', () => {
  test('a body in pieces reaches both the rate limiter and the handler', async () => {
    const json = JSON.stringify({ magic_links_token: 'a'.repeat(44) });
    const res = await t.http('/v1/b2b/magic_links/authenticate', {
      method: 'POST',
      headers: { authorization: backendAuth(), 'content-type': 'application/json' },
      ...chunked([json.slice(0, 7), json.slice(7, 30), json.slice(30)]),
    } as RequestInit);
    const body = (await res.json()) as { error_type: string };
    // The handler parsed the token (an unknown one), not an empty or broken body.
    expect([res.status, body.error_type]).toEqual([404, 'magic_link_not_found']);
  });

  test('a chunked body over 64 KiB without Content-Length is refused with 413', async () => {
    const piece = `"${'x'.repeat(16 * 1024)}",`;
    const res = await t.http('/v1/b2b/organizations', {
      method: 'POST',
      headers: { authorization: backendAuth(), 'content-type': 'application/json' },
      ...chunked(['{"organization_name":"Big","pad":[', ...Array(5).fill(piece), '"x"]}']),
    } as RequestInit);
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ status_code: 413, error_type: 'request_too_large' });
    expect(await t.server.db.selectFrom('organizations').select('id').where('name', '=', 'Big').execute()).toEqual([]);
  });

  test('an empty body is an empty object, as before', async () => {
    const res = await t.http('/v1/b2b/organizations', {
      method: 'POST',
      headers: { authorization: backendAuth(), 'content-type': 'application/json' },
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error_type: string }).error_type).not.toBe('invalid_json');
  });
});

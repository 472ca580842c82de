import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestServer, type TestServer } from '../testing/test-server.js';
import { MAX_EVENTS_BODY_BYTES } from './telemetry.js';

// `POST /sdk/v1/events`: the telemetry of Stytch's browser SDK (docs/wire-protocol.md §1.8), over the real
// listener: no Authorization header, a JSON array body, CORS-readable from an authorized origin.

const APP = 'https://app.example.test';
let t: TestServer;

/** One batch as `@stytch/vanilla-js` 6.3.0 sends it (EventLogger.flush). */
const batch = (publicToken: string) => [
  {
    telemetry: {
      event_id: 'event-id-1',
      app_session_id: 'app-session-id-1',
      persistent_id: 'persistent-id-1',
      client_sent_at: '2030-01-01T00:00:00.000Z',
      timezone: 'UTC',
      app: { identifier: 'app.example.test' },
      sdk: { identifier: 'Stytch.js Javascript SDK', version: '@stytch/vanilla-js@6.3.0' },
    },
    event: {
      public_token: publicToken,
      event_name: 'b2b_sdk_instance_instantiated',
      details: { event_callback_registered: false },
      error_code: undefined,
      error_description: undefined,
      http_status_code: undefined,
    },
  },
];

const postEvents = (body: BodyInit, origin = APP, headers: Record<string, string> = {}) =>
  t.http('/sdk/v1/events', {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin, ...headers },
    body,
    duplex: 'half',
  } as RequestInit);

beforeAll(async () => {
  t = await createTestServer();
  await t.server.projects.addAuthorizedOrigin(APP);
});
afterAll(() => t.close());

describe('POST /sdk/v1/events', () => {
  test('a batch without Authorization answers 200 in the SDK envelope, readable by the authorized origin', async () => {
    const res = await postEvents(JSON.stringify(batch(t.server.project.public_token)));
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe(APP);
    expect(res.headers.get('access-control-allow-credentials')).toBe('true');
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = (await res.json()) as { data: Record<string, unknown> };
    expect(body.data).toEqual({ request_id: expect.stringMatching(/^request-id-/), status_code: 200 });
  });

  test('the preflight for its JSON content type passes for an authorized origin, not for a foreign one', async () => {
    const preflight = (origin: string) =>
      t.http('/sdk/v1/events', {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
      });
    const ok = await preflight(APP);
    expect(ok.status).toBe(204);
    expect(ok.headers.get('access-control-allow-origin')).toBe(APP);
    expect(ok.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('content-type');
    const foreign = await preflight('https://evil.example');
    expect(foreign.status).toBe(403);
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
    const post = await postEvents(JSON.stringify(batch(t.server.project.public_token)), 'https://evil.example');
    expect(post.headers.get('access-control-allow-origin')).toBeNull();
  });

  test('is logged like any request, never with its body or the token in it', async () => {
    const marker = `public-token-test-marker-${Date.now()}`;
    expect((await postEvents(JSON.stringify(batch(marker)))).status).toBe(200);
    await t.server.flushEvents();
    const rows = await t.server.db.selectFrom('events').selectAll().where('route', '=', '/sdk/v1/events').execute();
    expect(rows.map((row) => [row.action, row.status])).toEqual(
      expect.arrayContaining([
        ['SDKTelemetry', 'start'],
        ['SDKTelemetry', 'success'],
      ]),
    );
    expect(JSON.stringify(rows)).not.toContain(marker);
    expect(JSON.stringify(rows)).not.toContain('b2b_sdk_instance_instantiated');
  });

  test.each([
    ['not JSON', 400, 'invalid_json', '[{'],
    ['an object', 400, 'bad_request', '{"event":{"event_name":"x"}}'],
    ['an empty batch', 400, 'bad_request', '[]'],
    ['an array of strings', 400, 'bad_request', '["x"]'],
    ['an entry without an event name', 400, 'bad_request', '[{"event":{}}]'],
    ['a non-object telemetry', 400, 'bad_request', '[{"telemetry":"x","event":{"event_name":"x"}}]'],
    [
      'more than 100 events',
      400,
      'bad_request',
      JSON.stringify(Array.from({ length: 101 }, () => ({ event: { event_name: 'x' } }))),
    ],
    ['a body over the limit', 413, 'request_too_large', `[${'"x",'.repeat(MAX_EVENTS_BODY_BYTES / 4)}"x"]`],
  ])('%s: %i %s error envelope, readable cross-origin', async (_name, status, errorType, body) => {
    const res = await postEvents(body);
    expect(res.status).toBe(status);
    expect(res.headers.get('access-control-allow-origin')).toBe(APP);
    expect(await res.json()).toMatchObject({
      status_code: status,
      error_type: errorType,
      request_id: expect.stringMatching(/^request-id-/),
    });
  });

  test('a chunked body (no Content-Length) over the limit is cut off with 413', async () => {
    const chunk = new TextEncoder().encode(`[${'"x",'.repeat(4096)}`);
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent > MAX_EVENTS_BODY_BYTES * 2) return controller.close();
        sent += chunk.length;
        controller.enqueue(chunk);
      },
    });
    const res = await postEvents(stream);
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ status_code: 413, error_type: 'request_too_large' });
  });
});

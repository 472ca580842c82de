import type { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { type AppEnv, defineRoutes, errorEnvelope, sdkOk } from '../http/index.js';
import { apiError, badRequest } from '../lib/api-error.js';

/** The SDK flushes at 15 events (docs/wire-protocol.md §1.8); a batch this size is ~15 KB. */
export const MAX_EVENTS_BODY_BYTES = 64 * 1024;
const MAX_EVENTS_PER_BATCH = 100;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** True for `{ telemetry?: {…}, event: { event_name: string, … } }`, the SDK's batch entry. */
function isTelemetryEntry(value: unknown): boolean {
  if (!isObject(value) || !isObject(value.event) || typeof value.event.event_name !== 'string') return false;
  return value.telemetry === undefined || isObject(value.telemetry);
}

/**
 * `POST /events` (docs/wire-protocol.md §1.8): the telemetry batches Stytch's browser SDK sends, a JSON array of
 * `{telemetry, event}` without an Authorization header. This server has no analytics: a well-formed
 * batch is read, checked and dropped (the event log records the request like any other, never its
 * body), and answers 200 so the SDK's console stays clean. CORS comes from `sdkCors` (an origin some
 * project authorized). The body is bounded by Hono's `bodyLimit`, which also counts chunked bodies.
 */
export function telemetryRoutes(): Hono<AppEnv> {
  const sdk = defineRoutes();
  sdk.post(
    '/events',
    { action: 'SDKTelemetry' },
    bodyLimit({
      maxSize: MAX_EVENTS_BODY_BYTES,
      onError: (c) =>
        errorEnvelope(
          c,
          apiError('request_too_large', `The events batch is larger than ${MAX_EVENTS_BODY_BYTES} bytes.`),
        ),
    }),
    async (c) => {
      let batch: unknown;
      try {
        batch = JSON.parse(await c.req.text());
      } catch {
        throw apiError('invalid_json', 'The request body is not valid JSON.');
      }
      if (!Array.isArray(batch)) throw badRequest('The request body must be a JSON array of events.');
      // The SDK never flushes an empty batch; refusing one keeps "not a JSON object" bodies 4xx
      // unless they are really a batch (contract/fuzz.test.ts).
      if (batch.length === 0 || batch.length > MAX_EVENTS_PER_BATCH)
        throw badRequest(`An events batch holds 1 to ${MAX_EVENTS_PER_BATCH} events.`);
      if (!batch.every(isTelemetryEntry))
        throw badRequest('Each event must be an object with an `event` object naming its `event_name`.');
      return sdkOk(c, {});
    },
  );
  return sdk.app;
}

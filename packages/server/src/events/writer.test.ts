import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { createTestServer, type TestServer } from '../testing/test-server.js';
import type { EventInput } from './store.js';
import { createEventWriter, EVENT_BATCH_ROWS, EVENT_FLUSH_MS } from './writer.js';

let t: TestServer;
beforeEach(async () => {
  t = await createTestServer();
});
afterEach(async () => {
  vi.restoreAllMocks();
  await t.close();
});

const event = (n: number): EventInput => ({
  request_id: `request-writer-${String(n).padStart(4, '0')}`,
  action: 'WriterTest',
  method: 'POST',
  route: '/v1/b2b/writer-test',
  ip_address: '127.0.0.1',
  organization_id: null,
  member_id: null,
  project_id: null,
  status: 'start',
  http_status: null,
  error_type: null,
  duration_ms: null,
});

const written = async () =>
  (
    await t.server.db
      .selectFrom('events')
      .select('request_id')
      .where('action', '=', 'WriterTest')
      .orderBy('seq')
      .execute()
  ).map((row) => row.request_id);

describe('createEventWriter', () => {
  test('queues events and writes them in order on flush, in batches of at most EVENT_BATCH_ROWS', async () => {
    const writer = createEventWriter(t.server.db, t.clock.now, 60_000);
    const count = EVENT_BATCH_ROWS * 2 + 17;
    const inserts = vi.spyOn(t.server.db, 'insertInto');
    for (let i = 0; i < EVENT_BATCH_ROWS - 1; i++) writer.add(event(i));
    expect(await written()).toEqual([]);
    for (let i = EVENT_BATCH_ROWS - 1; i < count; i++) writer.add(event(i));
    await writer.flush();
    const ids = await written();
    expect(ids).toEqual(Array.from({ length: count }, (_, i) => event(i).request_id));
    // A full batch is written at once; the rest goes in as few statements as the batch size allows.
    expect(inserts.mock.calls.length).toBe(Math.ceil(count / EVENT_BATCH_ROWS));
  });

  test('writes on its own after EVENT_FLUSH_MS, without a flush', async () => {
    const writer = createEventWriter(t.server.db, t.clock.now);
    writer.add(event(1));
    writer.add(event(2));
    await vi.waitFor(async () => expect(await written()).toHaveLength(2), {
      timeout: EVENT_FLUSH_MS * 50,
      interval: 5,
    });
  });

  test('a failed batch is reported to stderr and the next one is still written', async () => {
    const stderr = vi.spyOn(console, 'error').mockImplementation(() => {});
    const writer = createEventWriter(t.server.db, t.clock.now, 60_000);
    await sql`ALTER TABLE events RENAME TO events_away`.execute(t.server.db);
    writer.add(event(1));
    await writer.flush();
    expect(
      stderr.mock.calls.some((call) => String(call[0]).includes('event log write failed (1 events dropped)')),
    ).toBe(true);
    await sql`ALTER TABLE events_away RENAME TO events`.execute(t.server.db);
    writer.add(event(2));
    await writer.flush();
    expect(await written()).toEqual([event(2).request_id]);
  });
});

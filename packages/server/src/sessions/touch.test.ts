import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { signUp } from '../testing/journey.js';
import { createTestServer, type TestServer } from '../testing/test-server.js';
import { TOUCH_INTERVAL_MS } from './store.js';

let t: TestServer;
beforeEach(async () => {
  t = await createTestServer({ dev: true });
});
afterEach(async () => {
  await t.close();
});

const check = (session: string, body: unknown = {}) => t.sdk('/b2b/sessions/authenticate', { body, session });
const storedAccess = async (id: string) =>
  Number(
    (await t.server.db.selectFrom('sessions').select('last_accessed_at').where('id', '=', id).executeTakeFirstOrThrow())
      .last_accessed_at,
  );

describe('a plain session check records the access at most once a minute', () => {
  test('within the interval nothing is written; after it, or with an extension, the access moves', async () => {
    const s = await signUp(t, 'ada@example.com', 'acme');
    const id = s.member_session.member_session_id;
    const signedUpAt = await storedAccess(id);

    t.clock.advance(TOUCH_INTERVAL_MS - 1_000);
    const quiet = await check(s.session_token);
    expect(quiet.status).toBe(200);
    expect(await storedAccess(id)).toBe(signedUpAt);
    expect(Date.parse(quiet.body.data.member_session.last_accessed_at)).toBe(signedUpAt);

    t.clock.advance(1_000);
    const moved = await check(s.session_token);
    expect(await storedAccess(id)).toBe(t.clock.now());
    expect(Date.parse(moved.body.data.member_session.last_accessed_at)).toBe(t.clock.now());

    t.clock.advance(1_000);
    const extended = await check(s.session_token, { session_duration_minutes: 120 });
    expect(Date.parse(extended.body.data.member_session.expires_at)).toBe(t.clock.now() + 120 * 60_000);
    expect(await storedAccess(id)).toBe(t.clock.now());
  });

  test('a revoked session is refused at once, even inside the interval', async () => {
    const s = await signUp(t, 'ada@example.com', 'acme');
    expect((await check(s.session_token)).status).toBe(200);
    expect((await t.api('/sessions/revoke', { body: { session_token: s.session_token } })).status).toBe(200);
    const refused = await check(s.session_token);
    expect(refused.status).toBe(404);
    expect(refused.body.error_type).toBe('session_not_found');
  });
});

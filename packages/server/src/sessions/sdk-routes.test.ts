import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { discover, signUp } from '../testing/journey.js';
import { createTestServer, type TestServer } from '../testing/test-server.js';

let t: TestServer;
beforeEach(async () => {
  t = await createTestServer({ dev: true });
});
afterEach(async () => {
  await t.close();
});

const authenticate = (session: string, body: unknown = {}) => t.sdk('/b2b/sessions/authenticate', { body, session });

describe('sessions', () => {
  test('authenticate returns a fresh JWT, keeps the opaque token, and extends only when asked', async () => {
    const first = await signUp(t, 'ada@example.com', 'acme');
    t.clock.advance(60_000);
    const res = await authenticate(first.session_token);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.body.data.session_token).toBe(first.session_token);
    expect(res.body.data.session_jwt).not.toBe(first.session_jwt);
    expect(res.body.data.member_session.expires_at).toBe(first.member_session.expires_at);
    expect(Date.parse(res.body.data.member_session.last_accessed_at)).toBe(t.clock.now());

    const extended = await authenticate(first.session_token, { session_duration_minutes: 120 });
    expect(Date.parse(extended.body.data.member_session.expires_at)).toBe(t.clock.now() + 120 * 60_000);
  });

  test('an expired session is refused', async () => {
    const first = await signUp(t, 'ada@example.com', 'acme');
    t.clock.advance(60 * 60_000);
    const res = await authenticate(first.session_token);
    expect(res.status).toBe(404);
    expect(res.body.error_type).toBe('session_not_found');
  });

  test('an intermediate session token is not a session token: 401 on both APIs, unknown ones stay 404 (SES-15)', async () => {
    const { ist } = await discover(t, 'ada@example.com');
    for (const res of [
      await authenticate(ist),
      await t.api('/sessions/authenticate', { body: { session_token: ist } }),
    ]) {
      expect(res.status).toBe(401);
      expect(res.body).toMatchObject({ status_code: 401, error_type: 'unauthorized_credentials' });
      expect(res.body.error_message).not.toContain(ist);
    }
    // Refused without being spent: the IST still does what it is for.
    const listed = await t.sdk('/b2b/discovery/organizations', { body: { intermediate_session_token: ist } });
    expect(listed.status).toBe(200);
    // A token that is neither keeps Stytch's answer for an unknown session.
    const unknown = await authenticate('A'.repeat(44));
    expect(unknown.status).toBe(404);
    expect(unknown.body.error_type).toBe('session_not_found');
  });

  test('no session (public token as password) and garbage tokens are refused', async () => {
    expect((await t.sdk('/b2b/sessions/authenticate', { body: {} })).body.error_type).toBe('session_not_found');
    expect((await authenticate('garbage')).body.error_type).toBe('session_not_found');
  });

  test('revoke kills the session immediately; a second revoke is refused', async () => {
    const first = await signUp(t, 'ada@example.com', 'acme');
    const revoked = await t.sdk('/b2b/sessions/revoke', { method: 'POST', session: first.session_token });
    expect(revoked.status).toBe(200);
    expect(revoked.body.data).toEqual({ request_id: expect.any(String), status_code: 200 });
    expect((await authenticate(first.session_token)).body.error_type).toBe('session_not_found');
    expect((await t.sdk('/b2b/sessions/revoke', { method: 'POST', session: first.session_token })).status).toBe(404);
  });

  test('session_duration_minutes is validated', async () => {
    const first = await signUp(t, 'ada@example.com', 'acme');
    for (const value of [0, 4, 527041, 1.5, '60']) {
      const res = await authenticate(first.session_token, { session_duration_minutes: value });
      expect(res.status, String(value)).toBe(400);
      expect(res.body.error_type).toBe('invalid_session_duration');
    }
  });
});

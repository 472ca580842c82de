import { decodeJwt } from 'jose';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { signUp } from '../testing/journey.js';
import { createTestServer, type TestServer } from '../testing/test-server.js';

let t: TestServer;
beforeEach(async () => {
  t = await createTestServer({ dev: true });
});
afterEach(async () => {
  await t.close();
});

const authenticate = (body: Record<string, unknown>) => t.api('/sessions/authenticate', { body });
const revoke = (body: Record<string, unknown>) => t.api('/sessions/revoke', { body });

describe('POST /v1/b2b/sessions/authenticate', () => {
  test('by token: unwrapped AuthResp with a fresh JWT; extends only when asked, factors kept', async () => {
    const first = await signUp(t, 'ada@example.com', 'acme');
    t.clock.advance(60_000);
    const res = await authenticate({ session_token: first.session_token });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      status_code: 200,
      request_id: expect.stringMatching(/^request-id-test-/),
      session_token: first.session_token,
    });
    expect(res.body.data).toBeUndefined();
    expect(res.body.member.member_id).toBe(first.member.member_id);
    expect(res.body.organization.organization_id).toBe(first.organization.organization_id);
    expect(res.body.member_session.expires_at).toBe(first.member_session.expires_at);
    expect(Date.parse(res.body.member_session.last_accessed_at)).toBe(t.clock.now());
    expect(res.body.member_session.authentication_factors).toEqual(first.member_session.authentication_factors);
    expect(res.body.session_jwt).not.toBe(first.session_jwt);

    const extended = await authenticate({ session_token: first.session_token, session_duration_minutes: 600 });
    expect(Date.parse(extended.body.member_session.expires_at)).toBe(t.clock.now() + 600 * 60_000);
    expect(extended.body.member_session.authentication_factors).toEqual(first.member_session.authentication_factors);
    expect(decodeJwt(extended.body.session_jwt)['https://stytch.com/session']).toMatchObject({
      expires_at: extended.body.member_session.expires_at,
    });
  });

  test('by JWT: verified, then checked live in the database; no opaque token is echoed', async () => {
    const first = await signUp(t, 'ada@example.com', 'acme');
    const res = await authenticate({ session_jwt: first.session_jwt, session_duration_minutes: 30 });
    expect(res.status).toBe(200);
    expect(res.body.member_session.member_session_id).toBe(first.member_session.member_session_id);
    expect(res.body.session_token).toBe('');
    expect(Date.parse(res.body.member_session.expires_at)).toBe(t.clock.now() + 30 * 60_000);
  });

  test('a token and a JWT of different sessions are refused, not one silently ignored', async () => {
    const a = await signUp(t, 'ada@example.com', 'acme');
    const b = await signUp(t, 'bob@example.com', 'bobco');
    const res = await authenticate({ session_token: a.session_token, session_jwt: b.session_jwt });
    expect(res.status).toBe(400);
    expect((await authenticate({ session_token: a.session_token, session_jwt: a.session_jwt })).status).toBe(200);
  });

  test('extension never passes 366 days after the session started', async () => {
    const first = await signUp(t, 'ada@example.com', 'acme');
    const started = Date.parse(first.member_session.started_at);
    const absoluteEnd = started + 527040 * 60_000;
    expect((await authenticate({ session_token: first.session_token, session_duration_minutes: 527040 })).status).toBe(
      200,
    );
    t.clock.advance(200 * 24 * 60 * 60_000);
    const res = await authenticate({ session_token: first.session_token, session_duration_minutes: 527040 });
    expect(res.status).toBe(200);
    expect(Date.parse(res.body.member_session.expires_at)).toBe(absoluteEnd);
    t.clock.advance(166 * 24 * 60 * 60_000 + 60_000);
    expect((await authenticate({ session_token: first.session_token })).body.error_type).toBe('session_not_found');
  });

  test('custom claims merge, null deletes, reserved claims are ignored, 4 KB cap', async () => {
    const first = await signUp(t, 'ada@example.com', 'acme');
    const claims = {
      plan: 'pro',
      sub: 'member-test-evil',
      exp: 9_999_999_999,
      'https://stytch.com/session': { id: 'x' },
    };
    const res = await authenticate({ session_token: first.session_token, session_custom_claims: claims });
    expect(res.body.member_session.custom_claims).toEqual({ plan: 'pro' });
    const payload = decodeJwt(res.body.session_jwt);
    expect(payload.plan).toBe('pro');
    expect(payload.sub).toBe(first.member.member_id);
    expect(payload.exp).toBe(Math.floor(t.clock.now() / 1000) + 300);
    expect((payload['https://stytch.com/session'] as { id: string }).id).toBe(first.member_session.member_session_id);
    const again = await authenticate({
      session_token: first.session_token,
      session_custom_claims: { team: 'a', plan: null },
    });
    expect(again.body.member_session.custom_claims).toEqual({ team: 'a' });
    const huge = await authenticate({
      session_token: first.session_token,
      session_custom_claims: { blob: 'x'.repeat(5000) },
    });
    expect(huge.status).toBe(400);
    expect((await authenticate({ session_token: first.session_token })).body.member_session.custom_claims).toEqual({
      team: 'a',
    });
  });

  test('bad input is a specific 4xx', async () => {
    const first = await signUp(t, 'ada@example.com', 'acme');
    expect((await authenticate({})).status).toBe(400);
    expect((await authenticate({ session_token: 42 })).status).toBe(400);
    expect((await authenticate({ session_token: 'nope' })).body.error_type).toBe('session_not_found');
    expect((await authenticate({ session_jwt: 'nope' })).body.error_type).toBe('jwt_invalid');
    for (const value of [4, 527041, 2.5, '60']) {
      const res = await authenticate({ session_token: first.session_token, session_duration_minutes: value });
      expect(res.body.error_type, String(value)).toBe('invalid_session_duration');
    }
    expect((await authenticate({ session_token: first.session_token, session_custom_claims: [1] })).status).toBe(400);
  });
});

describe('POST /v1/b2b/sessions/revoke and GET /v1/b2b/sessions', () => {
  test('revoke by member_session_id, session_id (seed), token and JWT', async () => {
    for (const key of ['member_session_id', 'session_id', 'session_token', 'session_jwt'] as const) {
      const s = await signUp(t, `${key.replace(/_/g, '')}@example.com`, key.replace(/_/g, '-'));
      const value =
        key === 'session_token'
          ? s.session_token
          : key === 'session_jwt'
            ? s.session_jwt
            : s.member_session.member_session_id;
      const res = await revoke({ [key]: value });
      expect(res.status, key).toBe(200);
      expect(res.body).toEqual({ request_id: expect.any(String), status_code: 200 });
      expect((await authenticate({ session_token: s.session_token })).body.error_type).toBe('session_not_found');
    }
  });

  test('revoke by member_id ends every session of the member; list shows active ones only', async () => {
    const first = await signUp(t, 'ada@example.com', 'acme');
    const orgId = first.organization.organization_id;
    const memberId = first.member.member_id;
    const list = () => t.api(`/sessions?organization_id=${orgId}&member_id=${memberId}`);
    expect((await list()).body.member_sessions).toHaveLength(1);
    const listed = (await list()).body.member_sessions[0];
    expect(listed).toMatchObject({
      member_session_id: first.member_session.member_session_id,
      member_id: memberId,
      organization_id: orgId,
    });
    expect((await t.api(`/sessions?organization_id=acme&member_id=${memberId}`)).status).toBe(200);
    expect((await revoke({ member_id: memberId })).status).toBe(200);
    expect((await list()).body.member_sessions).toEqual([]);
    expect((await authenticate({ session_token: first.session_token })).body.error_type).toBe('session_not_found');
    expect((await authenticate({ session_jwt: first.session_jwt })).body.error_type).toBe('session_not_found');
  });

  test('revoke and list refuse bad input', async () => {
    const first = await signUp(t, 'ada@example.com', 'acme');
    expect((await revoke({})).status).toBe(400);
    expect((await revoke({ session_token: first.session_token, member_id: first.member.member_id })).status).toBe(400);
    expect((await revoke({ member_session_id: 'member-session-test-nope' })).body.error_type).toBe('session_not_found');
    expect((await revoke({ member_id: 'member-test-nope' })).body.error_type).toBe('member_not_found');
    expect((await revoke({ session_jwt: 'a.b.c' })).body.error_type).toBe('jwt_invalid');
    expect((await t.api('/sessions?organization_id=acme')).status).toBe(400);
    expect((await t.api(`/sessions?organization_id=nope&member_id=${first.member.member_id}`)).body.error_type).toBe(
      'organization_not_found',
    );
    expect((await t.api('/sessions?organization_id=acme&member_id=member-test-nope')).body.error_type).toBe(
      'member_not_found',
    );
    // Still alive: refused requests wrote nothing.
    expect((await authenticate({ session_token: first.session_token })).status).toBe(200);
  });
});

import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { signUp } from '../testing/journey.js';
import { createTestServer, type TestServer } from '../testing/test-server.js';
import { setPassword } from './store.js';

// Reset by existing password and by session: new passwords must be strong and unbreached, and every
// OTHER session of the email's members (every organization) is revoked.
const OLD = 'violet-harbor-quantum-47';
const NEW = 'copper-lantern-meadow-93';
let t: TestServer;
let acme: { organization_id: string; session_token: string };
let beta: { organization_id: string; session_token: string };
let bob: string;
beforeEach(async () => {
  t = await createTestServer({ dev: true, rateLimits: false });
  acme = await signUp(t, 'ada@acme.test', 'acme');
  beta = await signUp(t, 'ada@acme.test', 'beta');
  bob = (await signUp(t, 'bob@acme.test', 'bobs')).session_token;
  await setPassword(t.server.db, t.server.project.project_id, 'ada@acme.test', OLD, t.clock.now());
});
afterEach(async () => {
  await t.close();
});

const alive = async (token: string) =>
  (await t.api('/sessions/authenticate', { body: { session_token: token } })).status === 200;
const signIn = (password: string, organization = acme.organization_id) =>
  t.sdk('/b2b/passwords/authenticate', {
    body: { organization_id: organization, email_address: 'ada@acme.test', password, session_duration_minutes: 60 },
  });

describe('reset by existing password', () => {
  const reset = (existing: string, next: string, api = false) => {
    const body = {
      organization_id: acme.organization_id,
      email_address: 'ada@acme.test',
      existing_password: existing,
      new_password: next,
      session_duration_minutes: 60,
    };
    return api
      ? t.api('/passwords/existing_password/reset', { body })
      : t.sdk('/b2b/passwords/existing_password/reset', { body });
  };

  test('refuses weak and breached new passwords, and a wrong current one, changing nothing', async () => {
    const weak = await reset(OLD, 'acme1234');
    expect(weak.status).toBe(400);
    expect(weak.body.error_type).toBe('weak_password');
    const breached = await reset(OLD, 'Password1');
    expect(breached.body.error_type).toBe('breached_password');
    const wrong = await reset('not-the-password-at-all', NEW);
    expect(wrong.status).toBe(401);
    expect(wrong.body.error_type).toBe('unauthorized_credentials');
    const stranger = await t.sdk('/b2b/passwords/existing_password/reset', {
      body: {
        organization_id: acme.organization_id,
        email_address: 'eve@acme.test',
        existing_password: OLD,
        new_password: NEW,
        session_duration_minutes: 60,
      },
    });
    expect({ ...stranger.body, request_id: '' }).toEqual({ ...wrong.body, request_id: '' });
    expect((await signIn(OLD)).status).toBe(200);
    expect(await alive(beta.session_token)).toBe(true);
  });

  test('sets the new password for every organization, revokes every other session of the email, not others', async () => {
    const res = await reset(OLD, NEW);
    expect(res.status).toBe(200);
    expect(res.body.data.member_session.authentication_factors[0].type).toBe('password');
    expect(await alive(res.body.data.session_token)).toBe(true);
    expect(await alive(acme.session_token)).toBe(false);
    expect(await alive(beta.session_token)).toBe(false);
    expect(await alive(bob)).toBe(true);
    expect((await signIn(OLD)).status).toBe(401);
    expect((await signIn(NEW, beta.organization_id)).status).toBe(200);
    const backend = await reset(NEW, 'amber-glacier-violin-12', true);
    expect(backend.status).toBe(200);
    expect(backend.body.member.member_password_id).toMatch(/^member-password-test-/);
  });
});

describe('reset by session', () => {
  const sdkReset = (password: string, session: string) =>
    t.sdk('/b2b/passwords/session/reset', { body: { password }, session });

  test('sets the password from a fresh session, keeps it under a new token, revokes the email’s others', async () => {
    const res = await sdkReset(NEW, acme.session_token);
    expect(res.status).toBe(200);
    const data = res.body.data;
    expect(data.organization_id).toBe(acme.organization_id);
    expect(data.session_token).not.toBe(acme.session_token);
    expect(data.member.member_password_id).toMatch(/^member-password-test-/);
    expect(await alive(acme.session_token)).toBe(false);
    expect(await alive(data.session_token)).toBe(true);
    expect(await alive(beta.session_token)).toBe(false);
    expect(await alive(bob)).toBe(true);
    expect((await signIn(NEW)).status).toBe(200);
    expect((await signIn(OLD)).status).toBe(401);
  });

  test('the backend takes session_token or session_jwt and the organization of the session', async () => {
    const wrongOrg = await t.api('/passwords/session/reset', {
      body: { organization_id: beta.organization_id, password: NEW, session_token: acme.session_token },
    });
    expect(wrongOrg.status).toBe(400);
    const res = await t.api('/passwords/session/reset', {
      body: { organization_id: acme.organization_id, password: NEW, session_token: acme.session_token },
    });
    expect(res.status).toBe(200);
    expect(res.body.member_session.organization_id).toBe(acme.organization_id);
  });

  test('refuses an old session, a dead one, no session, and weak or breached passwords', async () => {
    expect((await sdkReset('acme1234', acme.session_token)).body.error_type).toBe('weak_password');
    expect((await sdkReset('qwerty123', acme.session_token)).body.error_type).toBe('breached_password');
    expect((await t.sdk('/b2b/passwords/session/reset', { body: { password: NEW } })).status).toBe(404);
    t.clock.advance(5 * 60_000 + 1);
    const old = await sdkReset(NEW, acme.session_token);
    expect(old.status).toBe(400);
    expect(old.body.error_type).toBe('session_too_old_to_reset_password');
    expect((await signIn(OLD)).status).toBe(200);
  });
});

import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { signInMember, signUp } from '../testing/journey.js';
import { createTestServer, type TestServer } from '../testing/test-server.js';
import { findPassword, setPassword } from './store.js';

// Deleting a member's password: self or, with stytch.member rights, another member of the caller's
// organization; an id whose email has no member there is member_not_found (TEN-08).
let t: TestServer;
let org: string;
let admin: string;
let project: string;
beforeEach(async () => {
  t = await createTestServer({ dev: true, rateLimits: false });
  project = t.server.project.project_id;
  const signed = await signUp(t, 'ada@acme.test', 'acme');
  org = signed.organization_id;
  admin = signed.session_token;
});
afterEach(async () => {
  await t.close();
});

const passwordOf = async (email: string) => {
  const row = await setPassword(t.server.db, project, email, 'violet-harbor-quantum-47', t.clock.now());
  return row.id;
};
const sdkDelete = (id: string, session: string) =>
  t.sdk(`/b2b/organizations/members/passwords/${id}`, { method: 'DELETE', session });

describe('delete a member password', () => {
  test('a member deletes their own; another member’s needs stytch.member rights, which an admin has', async () => {
    const bob = (await signInMember(t, org, 'bob@acme.test')).session_token;
    const bobs = await passwordOf('bob@acme.test');
    const adas = await passwordOf('ada@acme.test');
    const refused = await sdkDelete(adas, bob);
    expect(refused.status).toBe(403);
    expect(refused.body.error_type).toBe('unauthorized_action');
    const own = await sdkDelete(bobs, bob);
    expect(own.status).toBe(200);
    expect(own.body.data.member).toMatchObject({ email_address: 'bob@acme.test', member_password_id: '' });
    expect(await findPassword(t.server.db, project, 'bob@acme.test')).toBeUndefined();
    expect((await sdkDelete(adas, admin)).status).toBe(200);
    expect(await findPassword(t.server.db, project, 'ada@acme.test')).toBeUndefined();
  });

  test('an unknown id and a password of another organization’s member are member_not_found', async () => {
    await signUp(t, 'eve@else.test', 'else');
    const eves = await passwordOf('eve@else.test');
    for (const id of [eves, 'member-password-test-00000000-0000-4000-8000-000000000000']) {
      const sdk = await sdkDelete(id, admin);
      expect(sdk.status).toBe(404);
      expect(sdk.body.error_type).toBe('member_not_found');
      const api = await t.api(`/organizations/${org}/members/passwords/${id}`, { method: 'DELETE' });
      expect(api.body.error_type).toBe('member_not_found');
    }
    expect(await findPassword(t.server.db, project, 'eve@else.test')).toBeDefined();
  });

  test('the backend deletes by organization and id', async () => {
    const adas = await passwordOf('ada@acme.test');
    const res = await t.api(`/organizations/${org}/members/passwords/${adas}`, { method: 'DELETE' });
    expect(res.status).toBe(200);
    expect(res.body.member).toMatchObject({ email_address: 'ada@acme.test', member_password_id: '' });
    const signIn = await t.sdk('/b2b/passwords/authenticate', {
      body: {
        organization_id: org,
        email_address: 'ada@acme.test',
        password: 'violet-harbor-quantum-47',
        session_duration_minutes: 60,
      },
    });
    expect(signIn.status).toBe(401);
  });
});

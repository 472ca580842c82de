import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { signInMember, signUp } from '../testing/journey.js';
import { createTestServer, type TestServer } from '../testing/test-server.js';

// SDK organization.members.deleteMFATOTP (mfa/totp-delete-route.ts): judged by the session's roles
// like the other factor deletes; another organization's member is member_not_found (TEN-08).

let t: TestServer;
beforeEach(async () => {
  t = await createTestServer({ dev: true, rateLimits: false });
});
afterEach(() => t.close());

/** Imports a TOTP for the member through the backend (mfa/totp-migrate.ts). */
const giveTotp = async (organizationId: string, memberId: string) => {
  const body = { organization_id: organizationId, member_id: memberId, secret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ' };
  const res = await t.api('/totp/migrate', { body });
  if (res.status !== 200) throw new Error(JSON.stringify(res.body));
};
const totpRows = async (memberId: string) =>
  (await t.server.db.selectFrom('member_totps').select('id').where('member_id', '=', memberId).execute()).length;
const del = (memberId: string, session: string) =>
  t.sdk(`/b2b/organizations/members/totp/${memberId}`, { method: 'DELETE', session });

describe('DELETE /b2b/organizations/members/totp/<member_id>', () => {
  test('own TOTP by stytch.self; another member’s needs stytch.member, which an admin has', async () => {
    const ada = await signUp(t, 'ada@acme.test', 'acme');
    const bob = await signInMember(t, ada.organization_id, 'bob@acme.test');
    await giveTotp(ada.organization_id, ada.member_id);
    await giveTotp(ada.organization_id, bob.member_id);

    const refused = await del(ada.member_id, bob.session_token);
    expect([refused.status, refused.body.error_type]).toEqual([403, 'unauthorized_action']);
    expect(await totpRows(ada.member_id)).toBe(1);

    const own = await del(bob.member_id, bob.session_token);
    expect(own.status, JSON.stringify(own.body)).toBe(200);
    expect(own.body.data.member).toMatchObject({ member_id: bob.member_id, totp_registration_id: '' });
    expect(await totpRows(bob.member_id)).toBe(0);
    const admin = await del(ada.member_id, ada.session_token);
    expect(admin.body.data.member.totp_registration_id).toBe('');
  });

  test('another organization’s member is member_not_found; no session is user_unauthenticated', async () => {
    const ada = await signUp(t, 'ada@acme.test', 'acme');
    const eve = await signUp(t, 'eve@else.test', 'else');
    await giveTotp(eve.organization_id, eve.member_id);
    const other = await del(eve.member_id, ada.session_token);
    expect([other.status, other.body.error_type]).toEqual([404, 'member_not_found']);
    const anonymous = await t.sdk(`/b2b/organizations/members/totp/${eve.member_id}`, { method: 'DELETE' });
    expect([anonymous.status, anonymous.body.error_type]).toEqual([401, 'user_unauthenticated']);
    expect(await totpRows(eve.member_id)).toBe(1);
  });
});

import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { signInMember, signUp } from '../testing/journey.js';
import { createTestServer, latestSmsCode, type TestServer } from '../testing/test-server.js';
import { createMfaOrg } from './testing.js';

// Deleting a member's MFA phone number (mfa/phone-delete.ts): the SDK's self and member calls judged
// by the session's roles, the backend by organization and id; another organization's member is
// member_not_found (TEN-08); a code still pending cannot bring the number back.

let t: TestServer;
beforeEach(async () => {
  t = await createTestServer({ dev: true, rateLimits: false });
});
afterEach(() => t.close());

const PHONE = '+14155550100';
const NO_PHONE = { mfa_phone_number: '', mfa_phone_number_verified: false };

/** Gives the member a verified number and makes SMS its default method, as an SMS enrolment does. */
const givePhone = (memberId: string) =>
  t.server.db
    .updateTable('members')
    .set({ mfa_phone_number: PHONE, mfa_phone_number_verified: 1, default_mfa_method: 'sms_otp' })
    .where('id', '=', memberId)
    .execute();
const memberRow = (memberId: string) =>
  t.server.db.selectFrom('members').selectAll().where('id', '=', memberId).executeTakeFirstOrThrow();

describe('backend organizations.members.deleteMFAPhoneNumber', () => {
  test('clears the number and SMS default; the pending code dies; the next sign-in enrols again', async () => {
    const org = await createMfaOrg(t);
    const ist = (await org.primarySignIn()).intermediate_session_token;
    await t.sdk('/b2b/otps/sms/send', {
      body: { ...org.ids(), mfa_phone_number: PHONE, intermediate_session_token: ist },
    });
    const enrolled = await t.sdk('/b2b/otps/sms/authenticate', {
      body: { ...org.ids(), intermediate_session_token: ist, code: await latestSmsCode(t.server, PHONE) },
    });
    expect(enrolled.status, JSON.stringify(enrolled.body)).toBe(200);
    expect(enrolled.body.data.member).toMatchObject({ mfa_phone_number: PHONE, mfa_phone_number_verified: true });
    await givePhone(org.memberId); // default_mfa_method too
    const pendingIst = (await org.primarySignIn()).intermediate_session_token;
    await t.sdk('/b2b/otps/sms/send', { body: { ...org.ids(), intermediate_session_token: pendingIst } });
    const pendingCode = await latestSmsCode(t.server, PHONE);

    const res = await t.api(`/organizations/${org.orgId}/members/mfa_phone_numbers/${org.memberId}`, {
      method: 'DELETE',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ member_id: org.memberId, organization: { organization_id: org.orgId } });
    expect(res.body.member).toMatchObject({ ...NO_PHONE, default_mfa_method: '' });
    expect(await t.server.db.selectFrom('sms_otps').selectAll().execute()).toEqual([]);
    const late = await t.sdk('/b2b/otps/sms/authenticate', {
      body: { ...org.ids(), intermediate_session_token: pendingIst, code: pendingCode },
    });
    expect(late.status).toBe(404);
    expect((await memberRow(org.memberId)).mfa_phone_number).toBe('');
    expect((await org.primarySignIn()).mfa_required).toEqual({ member_options: null, secondary_auth_initiated: null });
  });

  test('an unknown member, another organization’s, or a deleted one is member_not_found', async () => {
    const ada = await signUp(t, 'ada@acme.test', 'acme');
    const eve = await signUp(t, 'eve@else.test', 'else');
    await givePhone(eve.member_id);
    const bob = await signInMember(t, ada.organization_id, 'bob@acme.test');
    await givePhone(bob.member_id);
    await t.api(`/organizations/${ada.organization_id}/members/${bob.member_id}`, { method: 'DELETE' });
    for (const memberId of [eve.member_id, bob.member_id, 'member-test-00000000-0000-4000-8000-000000000000']) {
      const res = await t.api(`/organizations/${ada.organization_id}/members/mfa_phone_numbers/${memberId}`, {
        method: 'DELETE',
      });
      expect([res.status, res.body.error_type], memberId).toEqual([404, 'member_not_found']);
    }
    expect((await memberRow(eve.member_id)).mfa_phone_number).toBe(PHONE);
  });
});

describe('SDK self.deleteMFAPhoneNumber and organization.members.deleteMFAPhoneNumber', () => {
  test('a member deletes their own; another member’s needs stytch.member rights, which an admin has', async () => {
    const ada = await signUp(t, 'ada@acme.test', 'acme');
    const bob = await signInMember(t, ada.organization_id, 'bob@acme.test');
    await givePhone(ada.member_id);
    await givePhone(bob.member_id);
    const byId = (memberId: string, session: string) =>
      t.sdk(`/b2b/organizations/members/mfa_phone_numbers/${memberId}`, { method: 'DELETE', session });

    const refused = await byId(ada.member_id, bob.session_token);
    expect([refused.status, refused.body.error_type]).toEqual([403, 'unauthorized_action']);
    expect((await memberRow(ada.member_id)).mfa_phone_number).toBe(PHONE);

    const own = await t.sdk('/b2b/organizations/members/deletePhoneNumber', {
      method: 'DELETE',
      session: bob.session_token,
    });
    expect(own.status, JSON.stringify(own.body)).toBe(200);
    expect(own.body.data.member).toMatchObject({ member_id: bob.member_id, ...NO_PHONE });

    const ownById = await byId(ada.member_id, ada.session_token);
    expect(ownById.body.data.member).toMatchObject({ member_id: ada.member_id, ...NO_PHONE });
    await givePhone(bob.member_id);
    const admin = await byId(bob.member_id, ada.session_token);
    expect(admin.status).toBe(200);
    expect(admin.body.data.member).toMatchObject({ member_id: bob.member_id, ...NO_PHONE, default_mfa_method: '' });
  });

  test('needs a session; another organization’s member is member_not_found', async () => {
    const ada = await signUp(t, 'ada@acme.test', 'acme');
    const eve = await signUp(t, 'eve@else.test', 'else');
    await givePhone(eve.member_id);
    const anonymous = await t.sdk('/b2b/organizations/members/deletePhoneNumber', { method: 'DELETE' });
    expect([anonymous.status, anonymous.body.error_type]).toEqual([401, 'user_unauthenticated']);
    const other = await t.sdk(`/b2b/organizations/members/mfa_phone_numbers/${eve.member_id}`, {
      method: 'DELETE',
      session: ada.session_token,
    });
    expect([other.status, other.body.error_type]).toEqual([404, 'member_not_found']);
    expect((await memberRow(eve.member_id)).mfa_phone_number).toBe(PHONE);
  });
});

import { describe, expect, it } from 'vitest';
import { isOrgAuthApiError } from '../errors.js';
import { fixtureMember, fixtureMemberSession, fixtureOrganization } from '../testing/fixtures.js';
import { fixtureErrorEnvelope } from '../testing/scripted-transport.js';
import { createTestClient } from '../testing/test-client.js';

const signedIn = {
  status: 'signed-in',
  member: fixtureMember(),
  organization: fixtureOrganization(),
  session: fixtureMemberSession(),
  fromCache: false,
} as const;
const STATE_KEY = 'stytch_sdk_state_public-token-test-00000000-0000-4000-8000-000000000000';
const renamed = fixtureMember({ name: 'Ada King', untrusted_metadata: { theme: 'dark' } });
const answer = {
  request_id: 'r',
  status_code: 200,
  member_id: renamed.member_id,
  member: renamed,
  organization: signedIn.organization,
};

describe('self', () => {
  it('get reads the own member and keeps it in the store and the cache', async () => {
    const { client, transport, platform } = createTestClient({
      state: signedIn,
      replies: { 'GET /b2b/organizations/members/me': answer },
    });
    await expect(client.self.get()).resolves.toEqual(renamed);
    expect(transport.requests[0]).toMatchObject({
      method: 'GET',
      path: '/b2b/organizations/members/me',
      body: undefined,
    });
    expect(client.store.getState()).toEqual({ ...signedIn, member: renamed });
    expect(JSON.parse(platform.storageMap.get(STATE_KEY)!)).toEqual({
      member: renamed,
      organization: signedIn.organization,
      session: signedIn.session,
    });
  });

  it('update puts name and untrusted metadata and keeps the answer in the store', async () => {
    const { client, transport } = createTestClient({
      state: signedIn,
      replies: { 'PUT /b2b/organizations/members/update': answer },
    });
    const options = { name: 'Ada King', untrusted_metadata: { theme: 'dark' } };
    await expect(client.self.update(options)).resolves.toEqual(answer);
    expect(transport.requests[0]).toMatchObject({
      method: 'PUT',
      path: '/b2b/organizations/members/update',
      body: options,
    });
    expect(client.store.getState()).toMatchObject({ member: renamed });
  });

  it('keeps the same state object when the answer changes nothing', async () => {
    const { client } = createTestClient({
      state: signedIn,
      replies: { 'GET /b2b/organizations/members/me': { ...answer, member: { ...signedIn.member } } },
    });
    await client.self.get();
    expect(client.store.getState()).toBe(signedIn);
  });

  it('deleteMFAPhoneNumber, deleteMFATOTP and deletePassword send DELETE and keep the answer in the store', async () => {
    const bare = fixtureMember({ mfa_phone_number: '', mfa_phone_number_verified: false, totp_registration_id: '' });
    const bareAnswer = { ...answer, member: bare };
    const { client, transport } = createTestClient({
      state: { ...signedIn, member: { ...signedIn.member, mfa_phone_number: '+14155550100' } },
      replies: {
        'DELETE /b2b/organizations/members/deletePhoneNumber': bareAnswer,
        'DELETE /b2b/organizations/members/deleteTOTP': bareAnswer,
        'DELETE /b2b/organizations/members/passwords/member-password-test%2F1': bareAnswer,
      },
    });
    await expect(client.self.deleteMFAPhoneNumber()).resolves.toEqual(bareAnswer);
    expect(client.store.getState()).toMatchObject({ member: { mfa_phone_number: '' } });
    await client.self.deleteMFATOTP();
    await client.self.deletePassword('member-password-test/1');
    expect(transport.requests.map((r) => [r.method, r.path, r.body])).toEqual([
      ['DELETE', '/b2b/organizations/members/deletePhoneNumber', undefined],
      ['DELETE', '/b2b/organizations/members/deleteTOTP', undefined],
      ['DELETE', '/b2b/organizations/members/passwords/member-password-test%2F1', undefined],
    ]);
  });

  it('update rejects with the refusal and keeps the member', async () => {
    const { client } = createTestClient({
      state: signedIn,
      replies: { 'PUT /b2b/organizations/members/update': fixtureErrorEnvelope('unauthorized_action', 403) },
    });
    const error = await client.self.update({ name: 'x' }).catch((e: unknown) => e);
    expect(isOrgAuthApiError(error, 'unauthorized_action')).toBe(true);
    expect(client.store.getState()).toBe(signedIn);
  });
});

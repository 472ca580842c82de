import { describe, expect, it } from 'vitest';
import type { B2BClient } from '../client-types.js';
import { isOrgAuthApiError } from '../errors.js';
import { fixtureMember, fixtureMemberSession, fixtureOrganization } from '../testing/fixtures.js';
import { fixtureErrorEnvelope } from '../testing/scripted-transport.js';
import { createTestClient } from '../testing/test-client.js';
import type { MemberSearchOptions } from './members.js';

const signedIn = {
  status: 'signed-in',
  member: fixtureMember(),
  organization: fixtureOrganization(),
  session: fixtureMemberSession(),
  fromCache: false,
} as const;
const SELF = signedIn.member.member_id;
const OTHER = 'member-test-00000000-0000-4000-8000-000000000002';
const grace = fixtureMember({ member_id: OTHER, email_address: 'grace@acme.test', name: 'Grace' });
const answer = (member = grace) => ({
  request_id: 'r',
  status_code: 200,
  member_id: member.member_id,
  member,
  organization: signedIn.organization,
});

describe('organization.members', () => {
  it('search posts the page options to the session organization search and returns the page', async () => {
    const page = {
      request_id: 'r',
      status_code: 200,
      members: [grace],
      results_metadata: { total: 1, next_cursor: null },
      organizations: { [signedIn.organization.organization_id]: signedIn.organization },
    };
    const { client, transport } = createTestClient({
      state: signedIn,
      replies: { 'POST /b2b/organizations/me/members/search': page },
    });
    const options: MemberSearchOptions = {
      limit: 20,
      cursor: 'c1',
      query: { operator: 'AND', operands: [{ filter_name: 'member_email_fuzzy', filter_value: 'gra' }] },
    };
    await expect(client.organization.members.search(options)).resolves.toEqual(page);
    await client.organization.members.search();
    expect(transport.requests.map((r) => [r.method, r.path, r.body])).toEqual([
      ['POST', '/b2b/organizations/me/members/search', options],
      ['POST', '/b2b/organizations/me/members/search', {}],
    ]);
  });

  it('create posts the member and leaves the signed-in state alone', async () => {
    const { client, transport } = createTestClient({
      state: signedIn,
      replies: { 'POST /b2b/organizations/members': answer() },
    });
    const options = { email_address: 'grace@acme.test', name: 'Grace', roles: ['stytch_admin'] };
    await expect(client.organization.members.create(options)).resolves.toEqual(answer());
    expect(transport.requests[0]).toMatchObject({ method: 'POST', body: options });
    expect(transport.requests[0]!.path).toBe('/b2b/organizations/members');
    expect(client.store.getState()).toBe(signedIn);
  });

  it('update puts the options, id included, at the member path; only the own record reaches the store', async () => {
    const renamed = fixtureMember({ name: 'Ada King' });
    const { client, transport } = createTestClient({
      state: signedIn,
      replies: {
        [`PUT /b2b/organizations/members/${OTHER}`]: answer(),
        [`PUT /b2b/organizations/members/${SELF}`]: answer(renamed),
      },
    });
    await client.organization.members.update({ member_id: OTHER, roles: ['stytch_admin'] });
    expect(transport.requests[0]).toMatchObject({
      method: 'PUT',
      path: `/b2b/organizations/members/${OTHER}`,
      body: { member_id: OTHER, roles: ['stytch_admin'] },
    });
    expect(client.store.getState()).toBe(signedIn);
    await client.organization.members.update({ member_id: SELF, name: 'Ada King' });
    expect(client.store.getState()).toEqual({ ...signedIn, member: renamed });
  });

  it('encodes the member id into the path', async () => {
    const { client, transport } = createTestClient({ state: signedIn });
    await client.organization.members.reactivate('../me').catch(() => undefined);
    expect(transport.requests[0]!.path).toBe('/b2b/organizations/members/..%2Fme/reactivate');
  });

  it('reactivate puts no body at the reactivate path', async () => {
    const { client, transport } = createTestClient({
      state: signedIn,
      replies: { [`PUT /b2b/organizations/members/${OTHER}/reactivate`]: answer() },
    });
    await expect(client.organization.members.reactivate(OTHER)).resolves.toEqual(answer());
    expect(transport.requests[0]).toMatchObject({ method: 'PUT', body: undefined });
  });

  it('delete of another member keeps the session; delete of oneself ends it', async () => {
    const { client, transport, platform } = createTestClient({
      state: signedIn,
      replies: {
        [`DELETE /b2b/organizations/members/${OTHER}`]: { request_id: 'r', status_code: 200, member_id: OTHER },
        [`DELETE /b2b/organizations/members/${SELF}`]: { request_id: 'r', status_code: 200, member_id: SELF },
      },
    });
    await expect(client.organization.members.delete(OTHER)).resolves.toMatchObject({ member_id: OTHER });
    expect(transport.requests[0]).toMatchObject({ method: 'DELETE', body: undefined });
    expect(client.store.getState()).toBe(signedIn);
    await client.organization.members.delete(SELF);
    expect(client.store.getState()).toEqual({ status: 'signed-out' });
    expect(platform.cookieJar.size).toBe(0);
  });

  it('deleteMFAPhoneNumber and deletePassword send DELETE at Stytch’s paths; only the own record reaches the store', async () => {
    const phoneless = fixtureMember({ mfa_phone_number: '', mfa_phone_number_verified: false });
    const { client, transport } = createTestClient({
      state: { ...signedIn, member: { ...signedIn.member, mfa_phone_number: '+14155550100' } },
      replies: {
        [`DELETE /b2b/organizations/members/mfa_phone_numbers/${OTHER}`]: answer(),
        [`DELETE /b2b/organizations/members/mfa_phone_numbers/${SELF}`]: answer(phoneless),
        'DELETE /b2b/organizations/members/passwords/member-password-test-1': answer(),
      },
    });
    await expect(client.organization.members.deleteMFAPhoneNumber(OTHER)).resolves.toEqual(answer());
    expect(client.store.getState()).toMatchObject({ member: { mfa_phone_number: '+14155550100' } });
    await client.organization.members.deleteMFAPhoneNumber(SELF);
    expect(client.store.getState()).toMatchObject({ member: { mfa_phone_number: '' } });
    await client.organization.members.deletePassword('member-password-test-1');
    expect(transport.requests.map((r) => [r.method, r.path, r.body])).toEqual([
      ['DELETE', `/b2b/organizations/members/mfa_phone_numbers/${OTHER}`, undefined],
      ['DELETE', `/b2b/organizations/members/mfa_phone_numbers/${SELF}`, undefined],
      ['DELETE', '/b2b/organizations/members/passwords/member-password-test-1', undefined],
    ]);
    await client.organization.members.deleteMFAPhoneNumber('../me').catch(() => undefined);
    await client.organization.members.deletePassword('a/b').catch(() => undefined);
    await client.organization.members.deleteMFATOTP('../me').catch(() => undefined);
    expect(transport.requests.slice(3).map((r) => [r.method, r.path])).toEqual([
      ['DELETE', '/b2b/organizations/members/mfa_phone_numbers/..%2Fme'],
      ['DELETE', '/b2b/organizations/members/passwords/a%2Fb'],
      ['DELETE', '/b2b/organizations/members/totp/..%2Fme'],
    ]);
  });

  it.each<[string, string, (members: B2BClient['organization']['members']) => Promise<unknown>]>([
    ['search', 'POST /b2b/organizations/me/members/search', (m) => m.search()],
    ['create', 'POST /b2b/organizations/members', (m) => m.create({ email_address: 'x@acme.test' })],
    ['update', `PUT /b2b/organizations/members/${OTHER}`, (m) => m.update({ member_id: OTHER })],
    ['delete', `DELETE /b2b/organizations/members/${SELF}`, (m) => m.delete(SELF)],
    ['reactivate', `PUT /b2b/organizations/members/${OTHER}/reactivate`, (m) => m.reactivate(OTHER)],
    [
      'deleteMFAPhoneNumber',
      `DELETE /b2b/organizations/members/mfa_phone_numbers/${OTHER}`,
      (m) => m.deleteMFAPhoneNumber(OTHER),
    ],
    ['deletePassword', 'DELETE /b2b/organizations/members/passwords/p1', (m) => m.deletePassword('p1')],
    ['deleteMFATOTP', `DELETE /b2b/organizations/members/totp/${OTHER}`, (m) => m.deleteMFATOTP(OTHER)],
  ])('%s rejects with unauthorized_action and keeps the session', async (_name, key, call) => {
    const { client } = createTestClient({
      state: signedIn,
      replies: { [key]: fixtureErrorEnvelope('unauthorized_action', 403) },
    });
    const error = await call(client.organization.members).catch((e: unknown) => e);
    expect(isOrgAuthApiError(error, 'unauthorized_action')).toBe(true);
    expect(error).toMatchObject({ statusCode: 403 });
    expect(client.store.getState()).toBe(signedIn);
  });
});

import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { signInMember, signUp } from '../testing/journey.js';
import { createTestServer, type TestServer } from '../testing/test-server.js';

// Member management over the SDK: a `stytch_member` calling the API directly gets 403
// `unauthorized_action` and nothing changes; the organization's creator (`stytch_admin`) succeeds;
// a member id of another organization is `member_not_found`, exactly like an unknown one.

let t: TestServer;
let admin: string;
let member: string;
let memberId: string;
let orgId: string;
beforeEach(async () => {
  t = await createTestServer({ dev: true });
  const created = await signUp(t, 'ada@acme.test', 'acme');
  admin = created.session_token;
  orgId = created.organization.organization_id;
  const signedIn = await signInMember(t, orgId, 'max@acme.test');
  member = signedIn.session_token;
  memberId = signedIn.member_id;
});
afterEach(async () => {
  await t.close();
});

const call = (session: string, method: string, path: string, body?: unknown) =>
  t.sdk(`/b2b/organizations/${path}`, { method, session, ...(body ? { body } : {}) });
const stored = async (id: string) =>
  (await t.server.db.selectFrom('members').selectAll().where('id', '=', id).executeTakeFirstOrThrow()) as {
    status: string;
    name: string;
    roles: string;
  };
const refusedAs403 = (res: { status: number; body: { error_type: string } }) => {
  expect(res.status).toBe(403);
  expect(res.body.error_type).toBe('unauthorized_action');
};

describe('SDK organization.members.search', () => {
  test('a member is refused; the admin searches its own organization with operands and paging', async () => {
    refusedAs403(await call(member, 'POST', 'me/members/search', {}));
    await signInMember(t, orgId, 'grace@acme.test', ['stytch_admin']);
    const other = await signUp(t, 'zed@acme.test', 'other');
    const all = await call(admin, 'POST', 'me/members/search', { limit: 2 });
    expect(all.status).toBe(200);
    expect(all.body.data.results_metadata.total).toBe(3);
    expect(all.body.data.members).toHaveLength(2);
    expect(Object.keys(all.body.data.organizations)).toEqual([orgId]);
    const next = await call(admin, 'POST', 'me/members/search', {
      limit: 2,
      cursor: all.body.data.results_metadata.next_cursor,
    });
    const emails = [...all.body.data.members, ...next.body.data.members].map(
      (m: { email_address: string }) => m.email_address,
    );
    expect(emails.sort()).toEqual(['ada@acme.test', 'grace@acme.test', 'max@acme.test']);
    expect(emails).not.toContain(other.member.email_address);

    const query = (operands: unknown[], operator = 'AND') =>
      call(admin, 'POST', 'me/members/search', { query: { operator, operands } });
    const found = async (operands: unknown[]) =>
      (await query(operands)).body.data.members.map((m: { email_address: string }) => m.email_address).sort();
    expect(await found([{ filter_name: 'member_emails', filter_value: ['max@acme.test'] }])).toEqual(['max@acme.test']);
    expect(await found([{ filter_name: 'member_email_fuzzy', filter_value: 'gra' }])).toEqual(['grace@acme.test']);
    expect(await found([{ filter_name: 'member_roles', filter_value: ['stytch_admin'] }])).toEqual([
      'ada@acme.test',
      'grace@acme.test',
    ]);
    expect(await found([{ filter_name: 'statuses', filter_value: ['active'] }])).toHaveLength(3);
    expect((await query([{ filter_name: 'statuses', filter_value: ['bogus'] }])).status).toBe(400);
  });
});

describe('SDK organization.members.create', () => {
  test('a member is refused; the admin creates a member with a role; unknown roles are refused', async () => {
    refusedAs403(await call(member, 'POST', 'members', { email_address: 'new@acme.test' }));
    const unknown = await call(admin, 'POST', 'members', { email_address: 'new@acme.test', roles: ['ghost'] });
    expect(unknown.status).toBe(400);
    const created = await call(admin, 'POST', 'members', {
      email_address: 'new@acme.test',
      name: 'New',
      roles: ['stytch_admin'],
      trusted_metadata: { sneaky: true },
    });
    expect(created.status).toBe(200);
    expect(created.body.data.member).toMatchObject({
      email_address: 'new@acme.test',
      status: 'active',
      roles: ['stytch_admin'],
      trusted_metadata: {},
      organization_id: orgId,
    });
    expect(created.body.data.organization.organization_id).toBe(orgId);
  });
});

describe('SDK organization.members.update', () => {
  test('a member cannot edit another member or promote itself; the admin can', async () => {
    const adminId = (await call(admin, 'GET', 'members/me')).body.data.member_id;
    refusedAs403(await call(member, 'PUT', `members/${adminId}`, { name: 'Pwned' }));
    refusedAs403(await call(member, 'PUT', `members/${memberId}`, { roles: ['stytch_admin'] }));
    expect(JSON.parse((await stored(memberId)).roles)).toEqual([]);
    // Its own name is a `stytch.self` action, which every member holds.
    expect((await call(member, 'PUT', `members/${memberId}`, { name: 'Max' })).status).toBe(200);

    const promoted = await call(admin, 'PUT', `members/${memberId}`, { member_id: memberId, roles: ['stytch_admin'] });
    expect(promoted.status).toBe(200);
    expect(promoted.body.data.member.roles).toEqual(['stytch_admin']);
    // The promoted session now holds the role and may search.
    expect((await call(member, 'POST', 'me/members/search', {})).status).toBe(200);
  });
});

describe('SDK organization.members.delete / reactivate', () => {
  test('a member cannot remove others but may leave; the admin removes and reactivates', async () => {
    const grace = (await signInMember(t, orgId, 'grace@acme.test')).member_id;
    refusedAs403(await call(member, 'DELETE', `members/${grace}`));
    expect((await stored(grace)).status).toBe('active');

    const removed = await call(admin, 'DELETE', `members/${grace}`);
    expect(removed.status).toBe(200);
    expect(removed.body.data.member_id).toBe(grace);
    expect((await stored(grace)).status).toBe('deleted');

    refusedAs403(await call(member, 'PUT', `members/${grace}/reactivate`));
    expect((await stored(grace)).status).toBe('deleted');
    const back = await call(admin, 'PUT', `members/${grace}/reactivate`);
    expect(back.status).toBe(200);
    expect(back.body.data.member).toMatchObject({ member_id: grace, status: 'active' });

    // Leaving is `stytch.self delete`: the member's own sessions end with it.
    expect((await call(member, 'DELETE', `members/${memberId}`)).status).toBe(200);
    expect((await stored(memberId)).status).toBe('deleted');
    expect((await call(member, 'GET', 'members/me')).body.error_type).toBe('session_not_found');
  });
});

describe('SDK session.revokeForMember', () => {
  test('a member signs itself out everywhere but not others; the admin signs others out', async () => {
    const grace = await signInMember(t, orgId, 'grace@acme.test');
    const revoke = (session: string, id: string) => t.sdk(`/b2b/sessions/revoke/${id}`, { method: 'POST', session });
    const alive = async (session: string) =>
      (await t.sdk('/b2b/sessions/authenticate', { body: {}, session })).status === 200;
    refusedAs403(await revoke(member, grace.member_id));
    expect(await alive(grace.session_token)).toBe(true);
    expect((await revoke(admin, grace.member_id)).status).toBe(200);
    expect(await alive(grace.session_token)).toBe(false);
    expect((await revoke(member, memberId)).status).toBe(200);
    expect(await alive(member)).toBe(false);
  });
});

describe('tenancy', () => {
  test('a member id of another organization is member_not_found for every call, and is left alone', async () => {
    const other = await signUp(t, 'zed@other.test', 'other');
    const foreign = other.member.member_id;
    for (const [method, path, body] of [
      ['PUT', `members/${foreign}`, { name: 'Pwned' }],
      ['DELETE', `members/${foreign}`, undefined],
      ['PUT', `members/${foreign}/reactivate`, undefined],
    ] as const) {
      const res = await call(admin, method, path, body);
      expect(res.status).toBe(404);
      expect(res.body.error_type).toBe('member_not_found');
    }
    expect(await stored(foreign)).toMatchObject({ status: 'active', name: '' });
    const unknown = await call(admin, 'PUT', 'members/member-test-00000000-0000-0000-0000-000000000000', { name: 'x' });
    expect(unknown.body).toMatchObject({ status_code: 404, error_type: 'member_not_found' });
  });
});

import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { snapshot } from '../testing/db-snapshot.js';
import { discover, signUp } from '../testing/journey.js';
import { createTestServer, type TestServer } from '../testing/test-server.js';

let t: TestServer;
beforeEach(async () => {
  t = await createTestServer();
});
afterEach(async () => {
  await t.close();
});

const post = async (path: string, body: Record<string, unknown>) => {
  const res = await t.api(path, { body });
  if (res.status !== 200) throw new Error(JSON.stringify(res.body));
  return res.body;
};
const org = async (slug: string) =>
  (await post('/organizations', { organization_name: slug, organization_slug: slug })).organization
    .organization_id as string;
const emails = (members: { email_address: string }[]) => members.map((m) => m.email_address);

describe('GET /organizations/{id}/members', () => {
  test('pages in (created_at, member_id) order, with no duplicates or omissions while members are added', async () => {
    const orgId = await org('acme');
    const original: string[] = [];
    for (let i = 0; i < 7; i++) {
      // Two members per clock tick: ties on created_at are broken by member_id.
      if (i % 2 === 0) t.clock.advance(1000);
      original.push((await post(`/organizations/${orgId}/members`, { email_address: `m${i}@acme.test` })).member_id);
    }
    const seen: string[] = [];
    let cursor: string | null = '';
    let pages = 0;
    while (cursor !== null) {
      const res = await t.api(`/organizations/acme/members?limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.status).toBe(200);
      expect(res.body.organization.organization_id).toBe(orgId);
      seen.push(...res.body.members.map((m: { member_id: string }) => m.member_id));
      cursor = res.body.results_metadata.next_cursor;
      pages += 1;
      // Inserted mid-listing: they sort after every existing member, so may appear, but never shift others.
      t.clock.advance(1000);
      await post(`/organizations/${orgId}/members`, { email_address: `late${pages}@acme.test` });
    }
    expect(new Set(seen).size).toBe(seen.length);
    for (const id of original) expect(seen).toContain(id);
    const all = await t.api(`/organizations/${orgId}/members?limit=1000`);
    const ordered = all.body.members.map((m: { member_id: string; created_at: string }) =>
      [m.created_at, m.member_id].join(' '),
    );
    expect(ordered).toEqual([...ordered].sort());
    expect(all.body.results_metadata).toEqual({ total: all.body.members.length, next_cursor: null });
    expect((await t.api(`/organizations/${orgId}/members`)).body.members).toHaveLength(all.body.members.length); // default 100
  });

  test('limit and cursor are validated', async () => {
    const orgId = await org('acme');
    for (const [query, errorType] of [
      ['limit=0', 'invalid_limit'],
      ['limit=1001', 'invalid_limit'],
      ['limit=abc', 'invalid_limit'],
      ['limit=-1', 'invalid_limit'],
      ['limit=1e2', 'invalid_limit'],
      ['cursor=%25%25', 'invalid_cursor'],
      ['cursor=eyJ4IjoxfQ', 'invalid_cursor'],
      [`cursor=${Buffer.from('["organizations",1,"x"]').toString('base64url')}`, 'invalid_cursor'],
    ]) {
      const res = await t.api(`/organizations/${orgId}/members?${query}`);
      expect([res.status, res.body.error_type], query).toEqual([400, errorType]);
    }
    expect((await t.api('/organizations/organization-test-nope/members')).body.error_type).toBe(
      'organization_not_found',
    );
  });
});

describe('member create, get, update', () => {
  test('create stores every field of docs/wire-protocol.md §5.2; get by id, singular by id or email, dangerously_get', async () => {
    const orgId = await org('acme');
    const created = await post(`/organizations/${orgId}/members`, {
      email_address: 'Ada@Acme.test',
      name: 'Ada',
      roles: ['admin', 'admin'],
      trusted_metadata: { t: 1 },
      untrusted_metadata: { u: 2 },
      is_breakglass: true,
      mfa_phone_number: '+14155550100',
      mfa_enrolled: true,
      external_id: 'emp-1',
      create_member_as_pending: true,
    });
    expect(created.member).toMatchObject({
      email_address: 'ada@acme.test',
      name: 'Ada',
      roles: ['admin'],
      trusted_metadata: { t: 1 },
      untrusted_metadata: { u: 2 },
      status: 'pending',
      is_breakglass: true,
      mfa_phone_number: '+14155550100',
      mfa_enrolled: true,
      external_id: 'emp-1',
      email_address_verified: false,
    });
    const id = created.member_id;
    for (const path of [
      `/organizations/${orgId}/members/${id}`,
      `/organizations/acme/member?member_id=${id}`,
      `/organizations/${orgId}/member?email_address=ADA@acme.test`,
      `/organizations/members/dangerously_get/${id}`,
    ]) {
      const res = await t.api(path);
      expect([res.status, res.body.member], path).toEqual([200, created.member]);
      expect(res.body.organization.organization_id).toBe(orgId);
    }
    expect((await t.api(`/organizations/${orgId}/member`)).status).toBe(400);
    expect((await t.api(`/organizations/members/dangerously_get/member-test-nope`)).body.error_type).toBe(
      'member_not_found',
    );
    expect(
      (await t.api(`/organizations/${orgId}/members`, { body: { email_address: 'b@acme.test', external_id: 'emp-1' } }))
        .body.error_type,
    ).toBe('duplicate_member_external_id');
  });

  test('update merges metadata, changes email (unique, unverified, sessions revoked), refuses bad input without writing', async () => {
    const data = await signUp(t, 'ada@acme.test', 'acme');
    const orgId = data.organization.organization_id;
    const memberId = data.member_id;
    await post(`/organizations/${orgId}/members`, { email_address: 'bob@acme.test' });
    const before = await snapshot(t.server.db);
    const refused: [Record<string, unknown>, string][] = [
      [{ email_address: 'bob@acme.test' }, 'duplicate_member_email'],
      [{ email_address: 'not-an-email' }, 'invalid_email'],
      [{ name: 'X', mfa_phone_number: '555' }, 'bad_request'],
      [{ name: 'X', roles: 'admin' }, 'bad_request'],
      [{ name: 'X', is_breakglass: 'yes' }, 'bad_request'],
      [{ name: 'X', default_mfa_method: 'carrier_pigeon' }, 'bad_request'],
      [{ name: 'X', unlink_email: true }, 'bad_request'],
    ];
    for (const [body, errorType] of refused) {
      const res = await t.api(`/organizations/${orgId}/members/${memberId}`, { method: 'PUT', body });
      expect([res.status, res.body.error_type], JSON.stringify(body)).toEqual([400, errorType]);
    }
    expect(await snapshot(t.server.db)).toEqual(before);

    const named = await t.api(`/organizations/${orgId}/members/${memberId}`, {
      method: 'PUT',
      body: { name: 'Ada L', trusted_metadata: { a: 1, b: 2 }, roles: ['admin'] },
    });
    expect(named.body.member).toMatchObject({
      name: 'Ada L',
      trusted_metadata: { a: 1, b: 2 },
      roles: ['admin'],
      email_address_verified: true,
    });
    const merged = await t.api(`/organizations/${orgId}/members/${memberId}`, {
      method: 'PUT',
      body: { trusted_metadata: { b: null, c: 3 } },
    });
    expect(merged.body.member.trusted_metadata).toEqual({ a: 1, c: 3 });
    expect((await t.api('/sessions/authenticate', { body: { session_token: data.session_token } })).status).toBe(200);

    const moved = await t.api(`/organizations/${orgId}/members/${memberId}`, {
      method: 'PUT',
      body: { email_address: 'Ada@New.test' },
    });
    expect(moved.body.member).toMatchObject({ email_address: 'ada@new.test', email_address_verified: false });
    expect((await t.api('/sessions/authenticate', { body: { session_token: data.session_token } })).status).toBe(404);
  });
});

describe('DELETE member', () => {
  test('status deleted, sessions revoked in the same request, cannot sign in again; admin can re-create', async () => {
    const data = await signUp(t, 'ada@acme.test', 'acme');
    const orgId = data.organization.organization_id;
    const res = await t.api(`/organizations/${orgId}/members/${data.member_id}`, { method: 'DELETE' });
    expect(res.body).toEqual({ request_id: expect.any(String), status_code: 200, member_id: data.member_id });
    expect((await t.api(`/organizations/${orgId}/members/${data.member_id}`)).body.member.status).toBe('deleted');
    const open = await t.server.db
      .selectFrom('sessions')
      .select('id')
      .where('member_id', '=', data.member_id)
      .where('revoked_at', 'is', null)
      .execute();
    expect(open).toEqual([]);
    expect((await t.api('/sessions/authenticate', { body: { session_token: data.session_token } })).status).toBe(404);
    // Discovery no longer offers the organization and refuses the exchange.
    const { ist, data: found } = await discover(t, 'ada@acme.test');
    expect(found.discovered_organizations).toEqual([]);
    const exchange = await t.sdk('/b2b/discovery/intermediate_sessions/exchange', {
      body: { intermediate_session_token: ist, organization_id: orgId },
    });
    expect(exchange.status).toBeGreaterThanOrEqual(400);
    // Deleting or updating again: member_not_found.
    expect(
      (await t.api(`/organizations/${orgId}/members/${data.member_id}`, { method: 'DELETE' })).body.error_type,
    ).toBe('member_not_found');
    expect(
      (await t.api(`/organizations/${orgId}/members/${data.member_id}`, { method: 'PUT', body: { name: 'x' } })).body
        .error_type,
    ).toBe('member_not_found');
    // An admin re-creating the email reinstates the row with fresh fields; old sessions stay dead.
    const again = await post(`/organizations/${orgId}/members`, { email_address: 'ada@acme.test', name: 'Ada again' });
    expect(again.member).toMatchObject({
      member_id: data.member_id,
      status: 'active',
      name: 'Ada again',
      roles: [],
      email_address_verified: false,
    });
    expect((await t.api('/sessions/authenticate', { body: { session_token: data.session_token } })).status).toBe(404);
  });
});

describe('TEN-01 and members search', () => {
  test("a member of A is never reachable through B's path", async () => {
    const a = await org('org-a');
    const b = await org('org-b');
    const ada = (await post(`/organizations/${a}/members`, { email_address: 'ada@a.test' })).member_id;
    const before = await snapshot(t.server.db);
    for (const [method, path, body] of [
      ['GET', `/organizations/${b}/members/${ada}`, undefined],
      ['GET', `/organizations/${b}/member?member_id=${ada}`, undefined],
      ['GET', `/organizations/${b}/member?email_address=ada@a.test`, undefined],
      ['PUT', `/organizations/${b}/members/${ada}`, { name: 'pwned' }],
      ['DELETE', `/organizations/${b}/members/${ada}`, undefined],
    ] as const) {
      const res = await t.api(path, { method, ...(body ? { body } : {}) });
      expect([res.status, res.body.error_type], `${method} ${path}`).toEqual([404, 'member_not_found']);
    }
    expect((await t.api(`/organizations/${b}/members`)).body.members).toEqual([]);
    const search = await t.api('/organizations/members/search', {
      body: {
        organization_ids: [b],
        query: { operator: 'AND', operands: [{ filter_name: 'member_ids', filter_value: [ada] }] },
      },
    });
    expect(search.body.members).toEqual([]);
    expect(await snapshot(t.server.db)).toEqual(before);
  });

  test('filters, organizations map, pagination, validation', async () => {
    const a = await org('org-a');
    t.clock.advance(1);
    const b = await org('org-b');
    await post(`/organizations/${a}/members`, { email_address: 'ada@a.test', roles: ['admin'] });
    t.clock.advance(1);
    await post(`/organizations/${a}/members`, {
      email_address: 'bob@a.test',
      roles: ['x","admin'],
      create_member_as_pending: true,
    });
    t.clock.advance(1);
    await post(`/organizations/${b}/members`, { email_address: 'cy@b.test', roles: ['viewer', 'admin'] });
    const search = async (body: Record<string, unknown>) => {
      const res = await t.api('/organizations/members/search', { body });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return res.body;
    };
    const both = await search({ organization_ids: [a, 'org-b'] });
    expect(emails(both.members)).toEqual(['ada@a.test', 'bob@a.test', 'cy@b.test']);
    expect(Object.keys(both.organizations).sort()).toEqual([a, b].sort());
    expect(both.organizations[a].organization_slug).toBe('org-a');
    const q = (operator: string, ...operands: [string, unknown][]) => ({
      organization_ids: [a, b],
      query: { operator, operands: operands.map(([filter_name, filter_value]) => ({ filter_name, filter_value })) },
    });
    expect(emails((await search(q('AND', ['member_roles', ['admin']]))).members)).toEqual(['ada@a.test', 'cy@b.test']);
    expect(emails((await search(q('AND', ['statuses', ['pending']]))).members)).toEqual(['bob@a.test']);
    expect(
      emails((await search(q('OR', ['member_emails', ['CY@b.test']], ['member_email_fuzzy', 'BO']))).members),
    ).toEqual(['bob@a.test', 'cy@b.test']);
    const paged = await search({ organization_ids: [a, b], limit: 2 });
    expect(paged.results_metadata.total).toBe(3);
    const rest = await search({ organization_ids: [a, b], limit: 2, cursor: paged.results_metadata.next_cursor });
    expect(emails([...paged.members, ...rest.members])).toEqual(['ada@a.test', 'bob@a.test', 'cy@b.test']);
    expect(rest.organizations).toEqual({ [b]: both.organizations[b] });

    for (const [body, status, errorType] of [
      [{}, 400, 'bad_request'],
      [{ organization_ids: [] }, 400, 'bad_request'],
      [{ organization_ids: 'x' }, 400, 'bad_request'],
      [{ organization_ids: ['organization-test-nope'] }, 404, 'organization_not_found'],
      [q('AND', ['statuses', ['gone']]), 400, 'invalid_search_query'],
      [q('AND', ['member_ids', []]), 400, 'invalid_search_query'],
      [{ organization_ids: [a], limit: 5000 }, 400, 'invalid_limit'],
      [{ organization_ids: [a], cursor: '!!' }, 400, 'invalid_cursor'],
    ] as const) {
      const res = await t.api('/organizations/members/search', { body });
      expect([res.status, res.body.error_type], JSON.stringify(body)).toEqual([status, errorType]);
    }
  });
});

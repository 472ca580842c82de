import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { storePasswordHash } from '../passwords/store.js';
import { signUp } from '../testing/journey.js';
import { createTestServer, type TestServer } from '../testing/test-server.js';

// The `member_password_exists` search filter (docs/wire-protocol.md §2.7, §5.2): a password is the
// email's within the project (passwords/store.ts), so every member with that email matches.

let t: TestServer;
beforeEach(async () => {
  t = await createTestServer();
});
afterEach(() => t.close());

const post = async (path: string, body: Record<string, unknown>) => {
  const res = await t.api(path, { body });
  if (res.status !== 200) throw new Error(JSON.stringify(res.body));
  return res.body;
};
const org = async (slug: string) =>
  (await post('/organizations', { organization_name: slug, organization_slug: slug })).organization
    .organization_id as string;
const emails = (members: { email_address: string }[]) => members.map((m) => m.email_address);
const exists = (value: unknown, ...more: { filter_name: string; filter_value: unknown }[]) => ({
  operator: 'AND',
  operands: [{ filter_name: 'member_password_exists', filter_value: value }, ...more],
});
// Any string does as a stored hash here: nothing verifies it, the filter only asks whether one exists.
const givePassword = (email: string) =>
  storePasswordHash(t.server.db, t.server.project.project_id, email, '$scrypt$test', t.clock.now());

describe('member_password_exists', () => {
  test('true finds every member whose email has a password, in each organization; false the others', async () => {
    const a = await org('org-a');
    t.clock.advance(1);
    const b = await org('org-b');
    for (const [orgId, email] of [
      [a, 'ada@x.test'],
      [a, 'bob@x.test'],
      [b, 'ada@x.test'],
      [b, 'cy@x.test'],
    ]) {
      t.clock.advance(1);
      await post(`/organizations/${orgId}/members`, { email_address: email });
    }
    const password = await givePassword('ADA@x.test');
    await givePassword('nobody@x.test'); // an email with no member matches no one
    const search = async (query: unknown, organization_ids = [a, b]) =>
      post('/organizations/members/search', { organization_ids, query });

    const withPassword = await search(exists(true));
    expect(emails(withPassword.members)).toEqual(['ada@x.test', 'ada@x.test']);
    expect(withPassword.members.map((m: { member_password_id: string }) => m.member_password_id)).toEqual([
      password.id,
      password.id,
    ]);
    expect(withPassword.results_metadata.total).toBe(2);
    expect(emails((await search(exists(false))).members)).toEqual(['bob@x.test', 'cy@x.test']);
    expect(emails((await search(exists(true), [b])).members)).toEqual(['ada@x.test']);
    const cy = { filter_name: 'member_emails', filter_value: ['cy@x.test'] };
    expect(emails((await search(exists(true, cy))).members)).toEqual([]);
    expect(emails((await search({ ...exists(true, cy), operator: 'OR' })).members)).toEqual([
      'ada@x.test',
      'ada@x.test',
      'cy@x.test',
    ]);

    // Deleting the password takes the email out of the matches everywhere at once.
    const del = await t.api(`/organizations/${a}/members/passwords/${password.id}`, { method: 'DELETE' });
    expect(del.status).toBe(200);
    expect((await search(exists(true))).members).toEqual([]);
    expect((await search(exists(false))).results_metadata.total).toBe(4);
  });

  test('the value must be a boolean', async () => {
    const a = await org('org-a');
    for (const value of ['true', [true], 1, null, undefined]) {
      const res = await t.api('/organizations/members/search', {
        body: { organization_ids: [a], query: exists(value) },
      });
      expect([res.status, res.body.error_type], JSON.stringify(value)).toEqual([400, 'invalid_search_query']);
      expect(res.body.error_message).toContain('member_password_exists');
    }
  });

  test('the SDK search takes it too, within the session organization only', async () => {
    const data = await signUp(t, 'ada@x.test', 'org-a');
    const b = await org('org-b');
    await post(`/organizations/${data.organization.organization_id}/members`, { email_address: 'bob@x.test' });
    await post(`/organizations/${b}/members`, { email_address: 'ada@x.test' });
    await givePassword('ada@x.test');
    const search = async (value: boolean) => {
      const res = await t.sdk('/b2b/organizations/me/members/search', {
        session: data.session_token,
        body: { query: exists(value) },
      });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return res.body.data;
    };
    const found = await search(true);
    expect(found.members.map((m: { member_id: string }) => m.member_id)).toEqual([data.member_id]);
    expect(emails((await search(false)).members)).toEqual(['bob@x.test']);
  });
});

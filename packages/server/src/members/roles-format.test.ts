import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createTestServer, latestMagicLinkToken, type TestServer } from '../testing/test-server.js';

/**
 * The per-project `Member.roles` spelling (members/roles.ts): role ids by default (seed
 * OpenAPI), Stytch MemberRole objects once the project chooses `objects`. Every backend shape that
 * carries a member is covered; the SDK endpoints and the other environment keep role ids.
 */
let t: TestServer;
beforeEach(async () => {
  t = await createTestServer({ dev: true });
});
afterEach(async () => {
  await t.close();
});

const ADMIN_OBJECTS = [
  { role_id: 'stytch_member', sources: [{ type: 'direct_assignment', details: {} }] },
  { role_id: 'stytch_admin', sources: [{ type: 'direct_assignment', details: {} }] },
];

/** An org with one admin member `ada@acme.test`; returns their ids. */
async function seed(): Promise<{ orgId: string; memberId: string }> {
  const org = await t.api('/organizations', { body: { organization_name: 'Acme', organization_slug: 'acme' } });
  const orgId: string = org.body.organization.organization_id;
  const member = await t.api(`/organizations/${orgId}/members`, {
    body: { email_address: 'ada@acme.test', roles: ['stytch_admin'] },
  });
  expect(member.status).toBe(200);
  return { orgId, memberId: member.body.member_id };
}

/** Signs ada in through a backend-sent magic link; returns the authenticate answer. */
async function signIn(orgId: string) {
  expect(
    (
      await t.api('/magic_links/email/login_or_signup', {
        body: { organization_id: orgId, email_address: 'ada@acme.test' },
      })
    ).status,
  ).toBe(200);
  const { token } = await latestMagicLinkToken(t.server, 'ada@acme.test');
  const res = await t.api('/magic_links/authenticate', { body: { magic_links_token: token } });
  expect(res.status).toBe(200);
  return res.body;
}

describe('Member.roles format', () => {
  test('default: role ids, as the seed OpenAPI declares', async () => {
    const { orgId, memberId } = await seed();
    const got = await t.api(`/organizations/${orgId}/members/${memberId}`, { method: 'GET' });
    expect(got.body.member.roles).toEqual(['stytch_admin']);
  });

  test('objects: every backend shape carrying a member spells roles as MemberRole objects', async () => {
    await t.server.projects.setMemberRolesFormat('objects');
    const { orgId, memberId } = await seed();
    const got = await t.api(`/organizations/${orgId}/members/${memberId}`, { method: 'GET' });
    expect(got.body.member.roles).toEqual(ADMIN_OBJECTS);
    const listed = await t.api(`/organizations/${orgId}/members`, { method: 'GET' });
    expect(listed.body.members[0].roles).toEqual(ADMIN_OBJECTS);
    const updated = await t.api(`/organizations/${orgId}/members/${memberId}`, { method: 'PUT', body: { roles: [] } });
    expect(updated.body.member.roles).toEqual([ADMIN_OBJECTS[0]]);

    const session = await signIn(orgId);
    expect(session.member.roles).toEqual([ADMIN_OBJECTS[0]]);
    // The JWT claim and member_session keep role ids in every format (docs/wire-protocol.md §5.3).
    expect(session.member_session.roles).toEqual(['stytch_member']);
    const authed = await t.api('/sessions/authenticate', { body: { session_token: session.session_token } });
    expect(authed.body.member.roles).toEqual([ADMIN_OBJECTS[0]]);

    await t.api('/magic_links/email/discovery/send', { body: { email_address: 'ada@acme.test' } });
    const { token } = await latestMagicLinkToken(t.server, 'ada@acme.test');
    const discovered = await t.api('/magic_links/discovery/authenticate', {
      body: { discovery_magic_links_token: token },
    });
    expect(discovered.body.discovered_organizations[0].membership.member.roles).toEqual([ADMIN_OBJECTS[0]]);
  });

  test('objects: the frontend SDK endpoints keep role ids (what @orgauth/core types)', async () => {
    await t.server.projects.setMemberRolesFormat('objects');
    const { orgId } = await seed();
    const session = await signIn(orgId);
    const sdk = await t.sdk('/b2b/sessions/authenticate', { session: session.session_token, body: {} });
    expect(sdk.status).toBe(200);
    expect(sdk.body.data.member.roles).toEqual(['stytch_admin']);
  });
});

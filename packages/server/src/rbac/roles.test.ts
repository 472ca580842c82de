import { createLocalJWKSet, jwtVerify } from 'jose';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { signInMember, signUp } from '../testing/journey.js';
import { createTestServer, type TestServer } from '../testing/test-server.js';
import { saveRbacPolicy } from './store.js';

// Where roles come from (explicit, implicit by email domain, everyone's stytch_member, the creator's
// stytch_admin), what the session and its JWT say, and custom roles from the operator's policy.

let t: TestServer;
let admin: string;
let orgId: string;
beforeEach(async () => {
  t = await createTestServer({ dev: true });
  const created = await signUp(t, 'ada@acme.test', 'acme');
  admin = created.session_token;
  orgId = created.organization.organization_id;
});
afterEach(async () => {
  await t.close();
});

const sessionOf = async (session: string) =>
  (await t.sdk('/b2b/sessions/authenticate', { body: {}, session })).body.data;
const search = (session: string) => t.sdk('/b2b/organizations/me/members/search', { session, body: {} });

describe('implicit role assignment by email domain', () => {
  test('a member at the domain holds the role: in its session, its JWT and every RBAC decision', async () => {
    const max = (await signInMember(t, orgId, 'max@partner.test')).session_token;
    expect((await search(max)).status).toBe(403);
    const set = await t.sdk('/b2b/organizations/me', {
      method: 'PUT',
      session: admin,
      body: { rbac_email_implicit_role_assignments: [{ domain: 'partner.test', role_id: 'stytch_admin' }] },
    });
    expect(set.status).toBe(200);
    expect((await search(max)).status).toBe(200);
    const data = await sessionOf(max);
    expect(data.member_session.roles).toEqual(['stytch_member', 'stytch_admin']);
    const jwks = (await t.api(`/sessions/jwks/${t.server.project.project_id}`, { auth: null })).body;
    const { payload } = await jwtVerify(data.session_jwt, createLocalJWKSet(jwks), {
      currentDate: new Date(t.clock.now()),
    });
    expect((payload['https://stytch.com/session'] as { roles: string[] }).roles).toEqual([
      'stytch_member',
      'stytch_admin',
    ]);
    // Another domain gains nothing.
    const eve = (await signInMember(t, orgId, 'eve@elsewhere.test')).session_token;
    expect((await search(eve)).status).toBe(403);
  });

  test("the backend's MemberRole objects say where each role comes from", async () => {
    await t.server.projects.setMemberRolesFormat('objects');
    await t.api(`/organizations/${orgId}`, {
      method: 'PUT',
      body: { rbac_email_implicit_role_assignments: [{ domain: 'partner.test', role_id: 'stytch_admin' }] },
    });
    await signInMember(t, orgId, 'max@partner.test', ['stytch_admin']);
    const res = await t.api(`/organizations/${orgId}/member?email_address=max@partner.test`);
    expect(res.body.member.roles).toEqual([
      { role_id: 'stytch_member', sources: [{ type: 'direct_assignment', details: {} }] },
      {
        role_id: 'stytch_admin',
        sources: [
          { type: 'direct_assignment', details: {} },
          { type: 'email_assignment', details: { email_domain: 'partner.test' } },
        ],
      },
    ]);
    const search = await t.api('/organizations/members/search', { body: { organization_ids: [orgId] } });
    const ada = search.body.members.find((m: { email_address: string }) => m.email_address === 'ada@acme.test');
    expect(ada.roles.map((r: { role_id: string }) => r.role_id)).toEqual(['stytch_member', 'stytch_admin']);
  });
});

describe('roles every member holds', () => {
  test('the creator of an organization through discovery is stytch_admin; others only stytch_member', async () => {
    expect((await sessionOf(admin)).member_session.roles).toEqual(['stytch_member', 'stytch_admin']);
    expect((await search(admin)).status).toBe(200);
    const max = (await signInMember(t, orgId, 'max@acme.test')).session_token;
    expect((await sessionOf(max)).member_session.roles).toEqual(['stytch_member']);
  });
});

describe('custom roles from the policy', () => {
  beforeEach(async () => {
    await saveRbacPolicy(
      t.server.db,
      t.server.project.project_id,
      {
        roles: [
          {
            role_id: 'recruiter',
            description: 'Invites people, gives no roles',
            permissions: [{ resource_id: 'stytch.member', actions: ['create', 'search'] }],
          },
        ],
      },
      t.clock.now(),
    );
  });

  test('a role with create but not update.settings.roles invites and creates, but gives no roles', async () => {
    const recruiter = (await signInMember(t, orgId, 'rita@acme.test', ['recruiter'])).session_token;
    const invite = (body: Record<string, unknown>) =>
      t.sdk('/b2b/magic_links/email/invite', { session: recruiter, body });
    expect((await invite({ email_address: 'bob@partner.test' })).status).toBe(200);
    const escalate = await invite({ email_address: 'eve@partner.test', roles: ['stytch_admin'] });
    expect(escalate.status).toBe(403);
    expect(escalate.body.error_message).toContain('update.settings.roles');
    expect(
      await t.server.db.selectFrom('members').select('id').where('email', '=', 'eve@partner.test').execute(),
    ).toEqual([]);
    const create = (body: Record<string, unknown>) => t.sdk('/b2b/organizations/members', { session: recruiter, body });
    expect((await create({ email_address: 'cy@acme.test', roles: [] })).status).toBe(200);
    expect((await create({ email_address: 'di@acme.test', roles: ['recruiter'] })).status).toBe(403);
    expect((await search(recruiter)).status).toBe(200);
  });

  test('an admin assigns the custom role; a role the policy lacks grants nothing', async () => {
    const max = await signInMember(t, orgId, 'max@acme.test', ['ghost']);
    expect((await search(max.session_token)).status).toBe(403);
    const assigned = await t.sdk(`/b2b/organizations/members/${max.member_id}`, {
      method: 'PUT',
      session: admin,
      body: { roles: ['recruiter'] },
    });
    expect(assigned.status).toBe(200);
    expect((await search(max.session_token)).status).toBe(200);
  });
});

describe('backend sessions/authenticate authorization_check', () => {
  test('a verdict with the granting roles; another organization or a missing permission is refused', async () => {
    const check = (session_token: string, organization_id: string, resource_id: string, action: string) =>
      t.api('/sessions/authenticate', {
        body: { session_token, authorization_check: { organization_id, resource_id, action } },
      });
    const ok = await check(admin, orgId, 'stytch.member', 'delete');
    expect(ok.status).toBe(200);
    expect(ok.body.verdict).toEqual({ authorized: true, granting_roles: ['stytch_admin'] });
    const other = await signUp(t, 'zed@other.test', 'other');
    const tenancy = await check(admin, other.organization.organization_id, 'stytch.member', 'delete');
    expect(tenancy.status).toBe(403);
    expect(tenancy.body.error_message).toContain('different organization');
    const max = (await signInMember(t, orgId, 'max@acme.test')).session_token;
    const denied = await check(max, orgId, 'stytch.member', 'delete');
    expect(denied.body).toMatchObject({ status_code: 403, error_type: 'unauthorized_action' });
    expect((await t.api('/sessions/authenticate', { body: { session_token: max } })).body.verdict).toBeUndefined();
    const malformed = await t.api('/sessions/authenticate', {
      body: { session_token: max, authorization_check: { organization_id: orgId } },
    });
    expect(malformed.status).toBe(400);
  });
});

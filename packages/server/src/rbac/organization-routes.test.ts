import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { signInMember, signUp } from '../testing/journey.js';
import { createTestServer, type TestServer } from '../testing/test-server.js';
import { saveRbacPolicy } from './store.js';

// Each rule is checked both ways: a `stytch_member` calling the API directly is refused with 403
// `unauthorized_action` and nothing changes; the organization's creator (`stytch_admin`) succeeds.

let t: TestServer;
let admin: string;
let member: string;
let orgId: string;
beforeEach(async () => {
  t = await createTestServer({ dev: true });
  const created = await signUp(t, 'ada@acme.test', 'acme');
  admin = created.session_token;
  orgId = created.organization.organization_id;
  member = (await signInMember(t, orgId, 'max@acme.test')).session_token;
});
afterEach(async () => {
  await t.close();
});

const me = (session: string | undefined, method = 'GET', body?: unknown) =>
  t.sdk('/b2b/organizations/me', { method, ...(session ? { session } : {}), ...(body ? { body } : {}) });
const backendOrg = async () => (await t.api(`/organizations/${orgId}`)).body.organization;

describe('SDK organization.get / self.get', () => {
  test('any member reads its own organization and record; no session is 401', async () => {
    const org = await me(member);
    expect(org.status).toBe(200);
    expect(org.body.data.organization).toMatchObject({ organization_id: orgId, organization_slug: 'acme' });
    const self = await t.sdk('/b2b/organizations/members/me', { session: member });
    expect(self.status).toBe(200);
    expect(self.body.data).toMatchObject({
      member: { email_address: 'max@acme.test', organization_id: orgId },
      organization: { organization_id: orgId },
    });
    expect(self.body.data.member_id).toBe(self.body.data.member.member_id);
    const anonymous = await me(undefined);
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.error_type).toBe('user_unauthenticated');
    expect((await me('not-a-session')).body.error_type).toBe('session_not_found');
  });
});

describe('SDK organization.update', () => {
  test('a member is refused with unauthorized_action and nothing changes; the admin updates', async () => {
    const refused = await me(member, 'PUT', { organization_name: 'Hijacked' });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ status_code: 403, error_type: 'unauthorized_action' });
    expect(refused.body.error_message).toContain('update.info.name');
    expect((await backendOrg()).organization_name).toBe('Org acme');

    const done = await me(admin, 'PUT', { organization_name: 'Acme Inc', email_invites: 'RESTRICTED' });
    expect(done.status).toBe(200);
    expect(done.body.data.organization).toMatchObject({ organization_name: 'Acme Inc', email_invites: 'RESTRICTED' });
    expect(await backendOrg()).toMatchObject({ organization_name: 'Acme Inc', email_invites: 'RESTRICTED' });
  });

  test('the SDK cannot set backend-only fields (trusted metadata, external id)', async () => {
    const done = await me(admin, 'PUT', {
      organization_name: 'Acme Inc',
      trusted_metadata: { plan: 'enterprise' },
      organization_external_id: 'ext-1',
    });
    expect(done.status).toBe(200);
    expect(await backendOrg()).toMatchObject({ trusted_metadata: {}, organization_external_id: null });
  });

  test('each field needs its own action: a role with update.info.name only cannot change settings', async () => {
    await saveRbacPolicy(
      t.server.db,
      t.server.project.project_id,
      {
        roles: [
          {
            role_id: 'renamer',
            permissions: [{ resource_id: 'stytch.organization', actions: ['update.info.name'] }],
          },
        ],
      },
      t.clock.now(),
    );
    const renamer = (await signInMember(t, orgId, 'ren@acme.test', ['renamer'])).session_token;
    expect((await me(renamer, 'PUT', { organization_name: 'Renamed' })).status).toBe(200);
    const settings = await me(renamer, 'PUT', { organization_name: 'Again', email_jit_provisioning: 'NOT_ALLOWED' });
    expect(settings.status).toBe(403);
    expect(settings.body.error_message).toContain('update.settings.email-jit-provisioning');
    expect((await backendOrg()).organization_name).toBe('Renamed');
  });

  test('implicit role assignments name roles of the policy', async () => {
    const unknown = await me(admin, 'PUT', {
      rbac_email_implicit_role_assignments: [{ domain: 'acme.test', role_id: 'ghost' }],
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error_message).toContain('"ghost"');
    const refused = await me(member, 'PUT', {
      rbac_email_implicit_role_assignments: [{ domain: 'acme.test', role_id: 'stytch_admin' }],
    });
    expect(refused.status).toBe(403);
    expect((await backendOrg()).rbac_email_implicit_role_assignments).toEqual([]);
  });
});

describe('SDK organization.delete', () => {
  test('a member is refused; the admin deletes the organization and its sessions end', async () => {
    const refused = await me(member, 'DELETE');
    expect(refused.status).toBe(403);
    expect(refused.body.error_type).toBe('unauthorized_action');
    expect((await t.api(`/organizations/${orgId}`)).status).toBe(200);

    const done = await me(admin, 'DELETE');
    expect(done.status).toBe(200);
    expect(done.body.data.organization_id).toBe(orgId);
    expect((await t.api(`/organizations/${orgId}`)).body.error_type).toBe('organization_not_found');
    expect((await me(member)).body.error_type).toBe('session_not_found');
  });
});

describe('SDK self.update', () => {
  test('a member updates its own name and untrusted metadata, never trusted metadata or roles', async () => {
    const res = await t.sdk('/b2b/organizations/members/update', {
      method: 'PUT',
      session: member,
      body: {
        name: 'Max',
        untrusted_metadata: { theme: 'dark' },
        trusted_metadata: { admin: true },
        roles: ['stytch_admin'],
      },
    });
    expect(res.status).toBe(200);
    expect(res.body.data.member).toMatchObject({
      name: 'Max',
      untrusted_metadata: { theme: 'dark' },
      trusted_metadata: {},
      roles: [],
    });
    const session = await t.sdk('/b2b/sessions/authenticate', { body: {}, session: member });
    expect(session.body.data.member_session.roles).toEqual(['stytch_member']);
  });
});

import type { RbacPolicy } from '@orgauth/core/protocol';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createTestServer, type TestServer } from '../testing/test-server.js';
import { isAuthorized } from './authorize.js';
import { defaultRbacPolicy } from './default-policy.js';
import { mergePolicy, readCustomPolicy } from './policy.js';
import { saveRbacPolicy } from './store.js';

let t: TestServer;
beforeEach(async () => {
  t = await createTestServer();
});
afterEach(async () => {
  await t.close();
});

const DOCS = {
  resources: [{ resource_id: 'documents', description: 'Docs', actions: ['read', 'write'] }],
  roles: [{ role_id: 'reader', description: 'Reads', permissions: [{ resource_id: 'documents', actions: ['read'] }] }],
};

describe('GET /v1/b2b/rbac/policy', () => {
  test("Stytch's {policy: {roles, resources, scopes}} envelope, default then custom, secret only", async () => {
    const first = await t.api('/rbac/policy');
    expect(first.status).toBe(200);
    expect(Object.keys(first.body).sort()).toEqual(['policy', 'request_id', 'status_code']);
    expect(first.body.policy).toEqual(defaultRbacPolicy());
    await saveRbacPolicy(t.server.db, t.server.project.project_id, DOCS, t.clock.now());
    const policy: RbacPolicy = (await t.api('/rbac/policy')).body.policy;
    expect(policy.roles.map((r) => r.role_id)).toEqual(['stytch_member', 'stytch_admin', 'reader']);
    expect(policy.resources.at(-1)).toEqual(DOCS.resources[0]);
    expect((await t.api('/rbac/policy', { auth: null })).body.error_type).toBe('unauthorized_credentials');
    // The live environment keeps its own (default) policy.
    const { project_id, secret } = t.server.project.live;
    const live = await t.api('/rbac/policy', { auth: { user: project_id, password: secret } });
    expect(live.body.policy).toEqual(defaultRbacPolicy());
  });

  test('GET /v1/b2b/rbac/organizations/{id}: no organization has custom roles; unknown ids are 404', async () => {
    const org = await t.api('/organizations', { body: { organization_name: 'Acme', organization_slug: 'acme' } });
    const res = await t.api(`/rbac/organizations/${org.body.organization.organization_id}`);
    expect(res.body).toMatchObject({ status_code: 200, org_policy: { roles: [] } });
    expect((await t.api('/rbac/organizations/organization-test-nope')).status).toBe(404);
  });
});

describe('the decision', () => {
  const policy = mergePolicy(readCustomPolicy(DOCS));
  test.each([
    [['stytch_member'], 'stytch.self', 'update.info.name', true],
    [['stytch_member'], 'stytch.member', 'search', false],
    [['stytch_member'], 'stytch.organization', 'delete', false],
    [['stytch_member', 'stytch_admin'], 'stytch.organization', 'delete', true],
    [['stytch_admin'], 'stytch.member', 'update.settings.roles', true],
    [['reader'], 'documents', 'read', true],
    [['reader'], 'documents', 'write', false],
    [['ghost'], 'stytch.self', 'update.info.name', false],
    [[], 'stytch.self', 'update.info.name', false],
  ])('%j on %s %s → %s', (roles, resource, action, expected) => {
    expect(isAuthorized(policy, roles, resource, action)).toBe(expected);
  });
});

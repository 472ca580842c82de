import type { RbacPolicy } from '@orgauth/core/protocol';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestServer, type TestServer } from '../testing/test-server.js';

// The bootstrap's `rbac_policy` (docs/wire-protocol.md §1.7): Stytch's browser SDK answers `rbac.isAuthorized()`
// from it and logs an error when it is null. Read over the real listener, as the SDK reads it.

let t: TestServer;
let policy: RbacPolicy;

/** The browser SDK's rule (its `RBACPolicy.callerIsAuthorized`): some role grants the action or `*`. */
const allowed = (roles: string[], resource: string, action: string) =>
  policy.roles
    .filter((role) => roles.includes(role.role_id))
    .flatMap((role) => role.permissions)
    .some((p) => p.resource_id === resource && (p.actions.includes(action) || p.actions.includes('*')));

beforeAll(async () => {
  t = await createTestServer();
  await t.server.projects.addAuthorizedOrigin('https://app.example.test');
  const res = await t.http(`/sdk/v1/projects/bootstrap/${t.server.project.public_token}`, {
    headers: { origin: 'https://app.example.test' },
  });
  expect(res.status).toBe(200);
  expect(res.headers.get('access-control-allow-origin')).toBe('https://app.example.test');
  policy = ((await res.json()) as { data: { rbac_policy: RbacPolicy } }).data.rbac_policy;
});
afterAll(() => t.close());

describe('bootstrap rbac_policy', () => {
  test("has Stytch's default roles and resources, and no scopes", () => {
    expect(policy.roles.map((role) => role.role_id)).toEqual(['stytch_member', 'stytch_admin']);
    expect(policy.resources.map((resource) => resource.resource_id)).toEqual([
      'stytch.organization',
      'stytch.member',
      'stytch.sso',
      'stytch.self',
    ]);
    expect(policy.scopes).toEqual([]);
    for (const item of [...policy.roles, ...policy.resources]) expect(item.description).toMatch(/\w/);
  });

  test("lists Stytch's reserved actions on each resource", () => {
    const actions = Object.fromEntries(policy.resources.map((resource) => [resource.resource_id, resource.actions]));
    expect(actions['stytch.member']).toEqual(
      expect.arrayContaining([
        'create',
        'update.info.name',
        'update.info.email',
        'update.settings.is-breakglass',
        'update.settings.roles',
        'search',
        'delete',
      ]),
    );
    expect(actions['stytch.organization']).toEqual(
      expect.arrayContaining([
        'update.info.name',
        'update.info.slug',
        'update.settings.sso-jit-provisioning',
        'delete',
      ]),
    );
    expect(actions['stytch.sso']).toEqual(['create', 'get', 'update', 'delete']);
    expect(actions['stytch.self']).toEqual(
      expect.arrayContaining(['update.info.name', 'update.info.untrusted-metadata', 'delete']),
    );
    for (const resource of policy.resources) {
      expect(new Set(resource.actions).size).toBe(resource.actions.length);
      expect(resource.actions).not.toContain('*');
    }
  });

  test('every permission names a declared resource and declared actions (or *)', () => {
    const declared = new Map(policy.resources.map((resource) => [resource.resource_id, resource.actions]));
    for (const role of policy.roles) {
      for (const permission of role.permissions) {
        expect(declared.has(permission.resource_id)).toBe(true);
        for (const action of permission.actions)
          expect(action === '*' || declared.get(permission.resource_id)?.includes(action)).toBe(true);
      }
    }
  });

  test('stytch_member manages only itself; stytch_admin everything of its organization', () => {
    const member = ['stytch_member'];
    const admin = ['stytch_member', 'stytch_admin'];
    expect(allowed(member, 'stytch.self', 'update.info.name')).toBe(true);
    expect(allowed(member, 'stytch.self', 'delete')).toBe(true);
    for (const [resource, action] of [
      ['stytch.member', 'search'],
      ['stytch.member', 'update.settings.roles'],
      ['stytch.organization', 'delete'],
      ['stytch.sso', 'create'],
    ] as const) {
      expect([resource, action, allowed(member, resource, action)]).toEqual([resource, action, false]);
      expect([resource, action, allowed(admin, resource, action)]).toEqual([resource, action, true]);
    }
  });
});

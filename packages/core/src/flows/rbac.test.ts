import { describe, expect, it, vi } from 'vitest';
import type { RbacPolicy } from '../protocol/types.js';
import {
  fixtureBootstrapResponse,
  fixtureMember,
  fixtureMemberSession,
  fixtureOrganization,
} from '../testing/fixtures.js';
import { createTestClient } from '../testing/test-client.js';

const BOOTSTRAP = 'GET /projects/bootstrap/public-token-test-00000000-0000-4000-8000-000000000000';
const policy: RbacPolicy = {
  roles: [
    { role_id: 'stytch_member', description: '', permissions: [{ resource_id: 'stytch.self', actions: ['*'] }] },
    {
      role_id: 'stytch_admin',
      description: '',
      permissions: [
        { resource_id: 'stytch.member', actions: ['*'] },
        { resource_id: 'stytch.self', actions: ['*'] },
      ],
    },
    { role_id: 'editor', description: '', permissions: [{ resource_id: 'documents', actions: ['read', 'write'] }] },
  ],
  resources: [
    { resource_id: 'stytch.member', description: '', actions: ['create', 'delete'] },
    { resource_id: 'documents', description: '', actions: ['read', 'write', 'delete'] },
  ],
  scopes: [],
};

const signedInAs = (roles: string[], organization = fixtureOrganization()) =>
  ({
    status: 'signed-in',
    member: fixtureMember(),
    organization,
    session: fixtureMemberSession({ roles }),
    fromCache: false,
  }) as const;

const setup = (roles: string[] | null, bootstrap: object = fixtureBootstrapResponse({ rbac_policy: policy })) =>
  createTestClient({ ...(roles ? { state: signedInAs(roles) } : {}), replies: { [BOOTSTRAP]: bootstrap } });

describe('rbac', () => {
  it('allows an action a held role names, exactly or by `*`, and nothing else', async () => {
    const { client } = setup(['stytch_member', 'editor']);
    expect(await client.rbac.isAuthorized('documents', 'read')).toBe(true);
    expect(await client.rbac.isAuthorized('documents', 'delete')).toBe(false);
    expect(await client.rbac.isAuthorized('stytch.self', 'update.info.name')).toBe(true);
    expect(await client.rbac.isAuthorized('stytch.member', 'delete')).toBe(false);
    expect(await client.rbac.isAuthorized('unknown', 'read')).toBe(false);
  });

  it('reads the roles of the session, not of the member record', async () => {
    const { client } = setup(['stytch_member']);
    const state = client.store.getState();
    if (state.status === 'signed-in')
      client.store.setState({ ...state, member: fixtureMember({ roles: ['stytch_admin'] }) });
    expect(await client.rbac.isAuthorized('stytch.member', 'delete')).toBe(false);
    client.store.setState(signedInAs(['stytch_admin']));
    expect(await client.rbac.isAuthorized('stytch.member', 'delete')).toBe(true);
  });

  it('isAuthorizedSync answers false until the bootstrap is in, and starts loading it', async () => {
    const { client, transport } = setup(['stytch_admin']);
    expect(client.rbac.isAuthorizedSync('stytch.member', 'create')).toBe(false);
    await vi.waitFor(() => expect(transport.requests.map((r) => r.path)).toEqual([BOOTSTRAP.slice(4)]));
    await client.bootstrap();
    expect(client.rbac.isAuthorizedSync('stytch.member', 'create')).toBe(true);
    expect(client.rbac.isAuthorizedSync('documents', 'read')).toBe(false);
  });

  it('allows nothing without a session', async () => {
    const { client } = setup(null);
    expect(await client.rbac.isAuthorized('stytch.self', 'update.info.name')).toBe(false);
    expect(client.rbac.isAuthorizedSync('stytch.self', 'update.info.name')).toBe(false);
    expect(await client.rbac.allPermissions()).toEqual({
      'stytch.member': { create: false, delete: false },
      documents: { read: false, write: false, delete: false },
    });
  });

  it('allPermissions maps every action of every policy resource', async () => {
    const { client } = setup(['stytch_admin', 'editor']);
    expect(await client.rbac.allPermissions()).toEqual({
      'stytch.member': { create: true, delete: true },
      documents: { read: true, write: true, delete: false },
    });
  });

  it('adds the organization custom roles to the project roles', async () => {
    const organization = fixtureOrganization({
      custom_roles: [
        {
          role_id: 'auditor',
          description: '',
          permissions: [{ resource_id: 'documents', actions: ['delete'] }],
        } as { role_id: string; description: string },
      ],
    });
    const { client } = createTestClient({
      state: signedInAs(['auditor'], organization),
      replies: { [BOOTSTRAP]: fixtureBootstrapResponse({ rbac_policy: policy }) },
    });
    expect(await client.rbac.isAuthorized('documents', 'delete')).toBe(true);
    expect(await client.rbac.isAuthorized('documents', 'read')).toBe(false);
  });

  it('allows nothing when the project has no policy', async () => {
    const { client } = setup(['stytch_admin'], fixtureBootstrapResponse({ rbac_policy: null }));
    expect(await client.rbac.isAuthorized('stytch.member', 'create')).toBe(false);
    expect(await client.rbac.allPermissions()).toEqual({});
  });

  it('allows nothing while the bootstrap fails, and loads it again on the next call', async () => {
    const { client, transport } = setup(['stytch_admin'], { status: 503, body: 'down' });
    expect(await client.rbac.isAuthorized('stytch.member', 'create')).toBe(false);
    transport.reply(BOOTSTRAP, fixtureBootstrapResponse({ rbac_policy: policy }));
    expect(await client.rbac.isAuthorized('stytch.member', 'create')).toBe(true);
  });
});

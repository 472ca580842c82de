import { afterEach, describe, expect, it } from 'vitest';
import { createOAuthFixture, type OAuthFixture, redirected } from './testing/oauth-flow.js';

// The identity a discovery token proved is linked to the member the IST becomes, so the backend
// reads the provider's tokens (docs/security.md O21) as after an organization sign-in.
let f: OAuthFixture;
afterEach(() => f.close());

const TENANT_JIT = {
  oauth_tenant_jit_provisioning: 'RESTRICTED',
  allowed_oauth_tenants: { microsoft: ['tenant-1'], github: ['1001'] },
};

async function setUp() {
  f = await createOAuthFixture();
  const org = await f.t.api('/organizations', {
    body: { organization_name: 'Acme', organization_slug: 'acme', ...TENANT_JIT },
  });
  f.fake.person = {
    ...f.fake.person,
    email: 'ada@other.example',
    tid: 'tenant-1',
    orgs: [{ id: 1001, login: 'acme' }],
  };
  await f.configure('microsoft');
  await f.configure('github');
  return org.body.organization.organization_id as string;
}

/** Discovery through `provider` up to the IST. */
async function discover(provider: 'microsoft' | 'github'): Promise<string> {
  const q = redirected(await f.signIn(provider, {}, true));
  const res = await f.t.api('/oauth/discovery/authenticate', { body: { discovery_oauth_token: q.get('token') } });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.intermediate_session_token as string;
}

const tokensOf = (org: string, member: string, provider: string) =>
  f.t.api(`/organizations/${org}/members/${member}/oauth_providers/${provider}?include_refresh_token=true`);

describe('discovery OAuth links the identity to the member it becomes', () => {
  it('IST exchange: the backend reads the Microsoft tokens, stored sealed', async () => {
    const orgId = await setUp();
    const exchanged = await f.t.api('/discovery/intermediate_sessions/exchange', {
      body: { intermediate_session_token: await discover('microsoft'), organization_id: orgId },
    });
    expect(exchanged.status, JSON.stringify(exchanged.body)).toBe(200);
    const memberId = exchanged.body.member.member_id as string;
    const res = await tokensOf(orgId, memberId, 'microsoft');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({
      provider_type: 'microsoft',
      provider_subject: 'person-1',
      access_token: expect.stringMatching(/^at-/),
      refresh_token: expect.stringMatching(/^rt-/),
      id_token: expect.stringMatching(/^ey/),
    });
    const row = await f.t.server.db.selectFrom('oauth_registrations').selectAll().executeTakeFirstOrThrow();
    expect(row.member_id).toBe(memberId);
    expect(row.access_token).not.toBe(res.body.access_token);
    expect(row.refresh_token).not.toContain('rt-');
  });

  it('organization create: the first member holds the GitHub registration with its organizations', async () => {
    await setUp();
    const created = await f.t.api('/discovery/organizations/create', {
      body: { intermediate_session_token: await discover('github'), organization_name: 'New Co' },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    const { member_id, organization_id } = created.body.member;
    const res = await tokensOf(organization_id, member_id, 'github');
    const linked = await f.t.server.db.selectFrom('oauth_registrations').selectAll().executeTakeFirstOrThrow();
    // GitHub's subject is the numeric user id.
    expect(linked).toMatchObject({ member_id, provider: 'github', provider_subject: expect.stringMatching(/^\d+$/) });
    expect(res.body.registrations).toEqual([
      expect.objectContaining({
        provider_subject: linked.provider_subject,
        provider_tenant_ids: ['1001'],
        access_token: expect.stringMatching(/^at-/),
        refresh_token: expect.stringMatching(/^rt-/),
      }),
    ]);
  });

  it('a subject linked to another member stays with that member', async () => {
    const orgId = await setUp();
    const first = redirected(await f.signIn('microsoft', { slug: 'acme' }));
    const ada = await f.t.api('/oauth/authenticate', { body: { oauth_token: first.get('token') } });
    expect(ada.status, JSON.stringify(ada.body)).toBe(200);
    // The same Microsoft subject now reports another address (renamed in the tenant).
    f.fake.person = { ...f.fake.person, email: 'bob@other.example' };
    const exchanged = await f.t.api('/discovery/intermediate_sessions/exchange', {
      body: { intermediate_session_token: await discover('microsoft'), organization_id: orgId },
    });
    expect(exchanged.status, JSON.stringify(exchanged.body)).toBe(200);
    expect(exchanged.body.member.email_address).toBe('bob@other.example');
    const rows = await f.t.server.db.selectFrom('oauth_registrations').select(['member_id']).execute();
    expect(rows).toEqual([{ member_id: ada.body.member.member_id }]);
    expect((await tokensOf(orgId, exchanged.body.member.member_id, 'microsoft')).status).toBe(404);
  });
});

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestServer, type TestServer } from '../testing/test-server.js';

// Backend reads of provider tokens and Member.oauth_registrations, over rows written as the OAuth
// callback writes them (tokens sealed with the server's secret box).

let t: TestServer;
let orgA: string;
let orgB: string;
let ada: string;
let grace: string;

async function createOrg(slug: string): Promise<string> {
  const res = await t.api('/organizations', { body: { organization_name: slug, organization_slug: slug } });
  return res.body.organization.organization_id;
}
async function createMember(org: string, email: string): Promise<string> {
  const res = await t.api(`/organizations/${org}/members`, { body: { email_address: email } });
  return res.body.member_id;
}

let n = 0;
async function register(member: string, org: string, provider: string, extra: Record<string, unknown> = {}) {
  const box = t.server.secretBox;
  n += 1;
  const now = t.clock.now();
  await t.server.db
    .insertInto('oauth_registrations')
    .values({
      id: `oauth-registration-test-${n}`,
      project_id: t.server.project.project_id,
      organization_id: org,
      member_id: member,
      provider,
      provider_subject: `sub-${n}`,
      provider_tenant_id: null,
      profile_picture_url: `https://pictures.test/${n}.png`,
      locale: 'en',
      access_token: box.seal(`access-${n}`),
      refresh_token: box.seal(`refresh-${n}`),
      id_token: box.seal(`id-token-${n}`),
      scopes: JSON.stringify(['openid', 'email']),
      access_token_expires_at: now + 3600_000,
      created_at: now + n,
      updated_at: now + n,
      ...extra,
    })
    .execute();
  return { id: `oauth-registration-test-${n}`, subject: `sub-${n}` };
}

beforeAll(async () => {
  t = await createTestServer();
  orgA = await createOrg('tokens-a');
  orgB = await createOrg('tokens-b');
  ada = await createMember(orgA, 'ada@tokens-a.test');
  grace = await createMember(orgA, 'grace@tokens-a.test');
});
afterAll(() => t.close());

const path = (org: string, member: string, provider: string, query = '') =>
  `/organizations/${org}/members/${member}/oauth_providers/${provider}${query}`;

describe('GET …/members/{member_id}/oauth_providers/{provider}', () => {
  it('answers the newest Google registration, the refresh token only when asked', async () => {
    await register(ada, orgA, 'google');
    const newest = await register(ada, orgA, 'google');
    t.clock.advance(600_000);
    const res = await t.api(path(orgA, ada, 'google'));
    expect(res.status).toBe(200);
    const n2 = newest.subject.slice(4);
    expect(res.body).toMatchObject({
      status_code: 200,
      provider_type: 'google',
      provider_subject: newest.subject,
      access_token: `access-${n2}`,
      id_token: `id-token-${n2}`,
      scopes: ['openid', 'email'],
    });
    expect(res.body.access_token_expires_in).toBeGreaterThan(2990);
    expect(res.body.access_token_expires_in).toBeLessThanOrEqual(3000);
    expect(res.body).not.toHaveProperty('refresh_token');
    const withRefresh = await t.api(path(orgA, ada, 'google', '?include_refresh_token=true'));
    expect(withRefresh.body.refresh_token).toBe(`refresh-${n2}`);
  });

  it('answers GitHub, Slack and HubSpot as lists of registrations with their tenants', async () => {
    await register(grace, orgA, 'github', { provider_tenant_id: JSON.stringify(['5001', '5002']) });
    await register(grace, orgA, 'hubspot', { provider_tenant_id: '1234567' });
    await register(grace, orgA, 'slack', { provider_tenant_id: 'T0ACME0001' });
    const github = await t.api(path(orgA, grace, 'github'));
    expect(github.body.registrations).toEqual([
      {
        provider_subject: expect.any(String),
        provider_tenant_ids: ['5001', '5002'],
        access_token: expect.stringMatching(/^access-/),
        scopes: ['openid', 'email'],
      },
    ]);
    const hubspot = await t.api(path(orgA, grace, 'hubspot', '?include_refresh_token=true'));
    expect(hubspot.body.registrations[0]).toMatchObject({
      provider_tenant_id: '1234567',
      refresh_token: expect.stringMatching(/^refresh-/),
      access_token_expires_in: expect.any(Number),
    });
    const slack = await t.api(path(orgA, grace, 'slack'));
    expect(slack.body.registrations[0]).toMatchObject({
      provider_tenant_id: 'T0ACME0001',
      bot_access_token: '',
      bot_scopes: [],
    });
  });

  it('answers 404 in words when the member never signed in with the provider', async () => {
    const res = await t.api(path(orgA, ada, 'microsoft'));
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({
      error_type: 'not_found',
      error_message: expect.stringContaining('never signed in with microsoft'),
    });
  });

  it("never reaches a member through another organization's path, and needs the project secret", async () => {
    const other = await t.api(path(orgB, ada, 'google'));
    expect([other.status, other.body.error_type]).toEqual([404, 'member_not_found']);
    const anonymous = await t.api(path(orgA, ada, 'google'), { auth: null });
    expect(anonymous.status).toBe(401);
  });
});

describe('Member.oauth_registrations', () => {
  it('lists every linked identity on member get and search, with one query for the whole page; gone with the member', async () => {
    const get = await t.api(`/organizations/${orgA}/members/${grace}`);
    expect(get.body.member.oauth_registrations.map((r: { provider_type: string }) => r.provider_type)).toEqual([
      'github',
      'hubspot',
      'slack',
    ]);
    expect(get.body.member.oauth_registrations[0]).toEqual({
      provider_type: 'github',
      provider_subject: expect.any(String),
      profile_picture_url: expect.stringMatching(/^https:\/\/pictures\.test\//),
      locale: 'en',
      member_oauth_registration_id: expect.stringMatching(/^oauth-registration-test-/),
    });
    const selectFrom = vi.spyOn(t.server.db, 'selectFrom');
    try {
      const search = await t.api('/organizations/members/search', { body: { organization_ids: [orgA] } });
      const byEmail = Object.fromEntries(
        search.body.members.map((m: { email_address: string; oauth_registrations: unknown[] }) => [
          m.email_address,
          m.oauth_registrations.length,
        ]),
      );
      expect(byEmail).toEqual({ 'ada@tokens-a.test': 2, 'grace@tokens-a.test': 3 });
      expect(selectFrom.mock.calls.filter(([table]) => table === 'oauth_registrations')).toHaveLength(1);
    } finally {
      selectFrom.mockRestore();
    }
    const bOnly = await createMember(orgB, 'nobody@tokens-b.test');
    await register(bOnly, orgB, 'google');
    expect((await t.api(`/organizations/${orgB}/members/${bOnly}`, { method: 'DELETE' })).status).toBe(200);
    const left = await t.server.db
      .selectFrom('oauth_registrations')
      .select('id')
      .where('member_id', '=', bOnly)
      .execute();
    expect(left).toEqual([]);
    const c = await createMember(orgB, 'carol@tokens-b.test');
    expect((await t.api(`/organizations/${orgB}/members/${c}`)).body.member.oauth_registrations).toEqual([]);
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { createOAuthFixture, type OAuthFixture, redirected } from './testing/oauth-flow.js';

let f: OAuthFixture;
afterEach(() => f.close());

/** An organization with `settings`; the fake person is at other.example (no email-domain JIT). */
async function setUp(settings: Record<string, unknown>) {
  f = await createOAuthFixture();
  const org = await f.t.api('/organizations', {
    body: { organization_name: 'Acme', organization_slug: 'acme', ...settings },
  });
  if (org.status !== 200) throw new Error(JSON.stringify(org.body));
  f.fake.person = { ...f.fake.person, email: 'ada@other.example', tid: 'tenant-1' };
  await f.configure('microsoft');
  await f.configure('github');
  await f.configure('google');
  return org.body.organization.organization_id as string;
}

const TENANT_JIT = {
  oauth_tenant_jit_provisioning: 'RESTRICTED',
  allowed_oauth_tenants: { microsoft: ['tenant-1'], github: ['1001'] },
};

describe('organization policy (docs/security.md AUTH-02, TEN-02)', () => {
  it('tenant JIT: an identity of an allowed Microsoft tenant joins; another tenant is refused in words', async () => {
    await setUp(TENANT_JIT);
    const joined = redirected(await f.signIn('microsoft', { slug: 'acme' }));
    expect(joined.get('stytch_token_type')).toBe('oauth');
    const token = joined.get('token');
    const res = await f.t.api('/oauth/authenticate', { body: { oauth_token: token } });
    expect(res.body.member.email_address).toBe('ada@other.example');
    expect(res.body.member.status).toBe('active');

    f.fake.person = { ...f.fake.person, sub: 'person-2', email: 'bob@other.example', tid: 'tenant-2' };
    const refused = redirected(await f.signIn('microsoft', { slug: 'acme' }));
    expect(refused.get('stytch_error')).toBe('oauth_jit_provisioning_not_allowed');
    expect(refused.get('stytch_error_description')).toMatch(
      /does not let new members join with Microsoft from this Microsoft tenant/,
    );
  });

  it('tenant JIT: GitHub organizations are matched by id', async () => {
    await setUp(TENANT_JIT);
    f.fake.person = { ...f.fake.person, orgs: [{ id: 1001, login: 'acme-gh' }] };
    expect(redirected(await f.signIn('github', { slug: 'acme' })).get('stytch_token_type')).toBe('oauth');
    f.fake.person = { ...f.fake.person, sub: '2', email: 'eve@other.example', orgs: [{ id: 666, login: '1001' }] };
    expect(redirected(await f.signIn('github', { slug: 'acme' })).get('stytch_error')).toBe(
      'oauth_jit_provisioning_not_allowed',
    );
  });

  it('tenant JIT needs oauth_tenant_jit_provisioning RESTRICTED', async () => {
    await setUp({ ...TENANT_JIT, oauth_tenant_jit_provisioning: 'NOT_ALLOWED' });
    expect(redirected(await f.signIn('microsoft', { slug: 'acme' })).get('stytch_error')).toBe(
      'oauth_jit_provisioning_not_allowed',
    );
  });

  it('allowed_auth_methods without <provider>_oauth refuses at the start, in words', async () => {
    await setUp({ auth_methods: 'RESTRICTED', allowed_auth_methods: ['magic_link', 'github_oauth'] });
    const res = await f.start('google', { slug: 'acme' });
    expect(res.status).toBe(403);
    const body = await res.json();
    expect(body.error_type).toBe('oauth_not_allowed');
    expect(body.error_message).toMatch(/does not allow sign-in with Google/);
    expect((await f.start('github', { slug: 'acme' })).status).toBe(302);
  });

  it('an invited member signing in with a verified email becomes active and linked', async () => {
    const orgId = await setUp({});
    await f.t.api(`/organizations/${orgId}/members`, { body: { email_address: 'ada@other.example' } });
    const token = redirected(await f.signIn('google', { slug: 'acme' })).get('token');
    const res = await f.t.api('/oauth/authenticate', { body: { oauth_token: token } });
    expect(res.body.member.status).toBe('active');
    const reg = await f.t.server.db.selectFrom('oauth_registrations').selectAll().executeTakeFirstOrThrow();
    expect(reg.member_id).toBe(res.body.member.member_id);
  });

  it('a stranger without tenant or domain JIT is refused in words', async () => {
    await setUp({});
    const q = redirected(await f.signIn('google', { slug: 'acme' }));
    expect(q.get('stytch_error')).toBe('oauth_jit_provisioning_not_allowed');
    expect(await f.t.server.db.selectFrom('members').selectAll().execute()).toEqual([]);
  });
});

describe('discovery OAuth', () => {
  it('lists memberships and tenant eligibility; the exchange joins by tenant', async () => {
    const orgId = await setUp(TENANT_JIT);
    const q = redirected(await f.signIn('microsoft', {}, true));
    expect(q.get('stytch_token_type')).toBe('discovery_oauth');
    const res = await f.t.api('/oauth/discovery/authenticate', { body: { discovery_oauth_token: q.get('token') } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.email_address).toBe('ada@other.example');
    expect(res.body.provider_type).toBe('microsoft');
    expect(res.body.provider_tenant_id).toBe('tenant-1');
    expect(res.body.provider_tenant_ids).toEqual(['tenant-1']);
    expect(res.body.full_name).toBe('Ada Lovelace');
    const [found] = res.body.discovered_organizations;
    expect(found.organization.organization_id).toBe(orgId);
    expect(found.membership).toMatchObject({
      type: 'eligible_to_join_by_oauth_tenant',
      details: { provider: 'microsoft', tenant: 'tenant-1' },
    });
    const exchanged = await f.t.api('/discovery/intermediate_sessions/exchange', {
      body: { intermediate_session_token: res.body.intermediate_session_token, organization_id: orgId },
    });
    expect(exchanged.status, JSON.stringify(exchanged.body)).toBe(200);
    expect(exchanged.body.member.email_address).toBe('ada@other.example');
    expect(exchanged.body.member_session.authentication_factors[0].delivery_method).toBe('oauth_microsoft');
  });

  it('provider_tenant_id names the one tenant, and is empty for several (GitHub organizations)', async () => {
    await setUp(TENANT_JIT);
    const discover = async () => {
      const q = redirected(await f.signIn('github', {}, true));
      const res = await f.t.api('/oauth/discovery/authenticate', { body: { discovery_oauth_token: q.get('token') } });
      return [res.body.provider_tenant_id, res.body.provider_tenant_ids];
    };
    f.fake.person = { ...f.fake.person, orgs: [{ id: 1001, login: 'acme-gh' }] };
    expect(await discover()).toEqual(['1001', ['1001']]);
    f.fake.person = { ...f.fake.person, orgs: [...(f.fake.person.orgs ?? []), { id: 1002, login: 'globex-gh' }] };
    expect(await discover()).toEqual(['', ['1001', '1002']]);
  });

  it('another tenant is not eligible, and the exchange refuses it', async () => {
    const orgId = await setUp(TENANT_JIT);
    f.fake.person = { ...f.fake.person, tid: 'tenant-2' };
    const q = redirected(await f.signIn('microsoft', {}, true));
    const res = await f.t.api('/oauth/discovery/authenticate', { body: { discovery_oauth_token: q.get('token') } });
    expect(res.body.discovered_organizations).toEqual([]);
    const exchanged = await f.t.api('/discovery/intermediate_sessions/exchange', {
      body: { intermediate_session_token: res.body.intermediate_session_token, organization_id: orgId },
    });
    expect(exchanged.body.error_type).toBe('invalid_email_for_jit_provisioning');
  });

  it('the SDK redeems a discovery token only with its verifier', async () => {
    await setUp(TENANT_JIT);
    const q = redirected(await f.signIn('microsoft', {}, true));
    const res = await f.t.sdk('/b2b/oauth/discovery/authenticate', { body: { discovery_oauth_token: q.get('token') } });
    expect(res.body.error_type).toBe('pkce_required');
  });
});

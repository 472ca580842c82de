import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createTestServer, latestMagicLinkToken, type TestServer } from '../testing/test-server.js';

let t: TestServer;
let orgId: string;
beforeEach(async () => {
  t = await createTestServer({ dev: true });
  const org = await t.api('/organizations', {
    body: { organization_name: 'Acme', organization_slug: 'acme', email_allowed_domains: ['acme.test'] },
  });
  orgId = org.body.organization.organization_id;
  await t.api(`/organizations/${orgId}/members`, { body: { email_address: 'ada@acme.test' } });
});
afterEach(async () => {
  await t.close();
});

const AUTH_KEYS = [
  'intermediate_session_token',
  'member',
  'member_authenticated',
  'member_id',
  'member_session',
  'method_id',
  'mfa_required',
  'organization',
  'organization_id',
  'primary_required',
  'request_id',
  'reset_sessions',
  'session_jwt',
  'session_token',
  'status_code',
];

describe('backend magic links', () => {
  test('send: the member must exist (documented exception), and the link logs it in', async () => {
    const unknown = await t.api('/magic_links/email/send', {
      body: { organization_id: orgId, email_address: 'who@acme.test' },
    });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error_type).toBe('member_not_found');
    expect(await t.server.mailbox.list()).toEqual([]);
    const sent = await t.api('/magic_links/email/send', {
      body: { organization_id: 'acme', email_address: 'ADA@acme.test' },
    });
    expect(sent.status).toBe(200);
    expect(sent.body.data).toBeUndefined();
    expect(sent.body.member.email_address).toBe('ada@acme.test');
    const { token } = await latestMagicLinkToken(t.server, 'ada@acme.test');
    const auth = await t.api('/magic_links/authenticate', {
      body: { magic_links_token: token, session_duration_minutes: 30 },
    });
    expect(auth.status).toBe(200);
    expect(Object.keys(auth.body).sort()).toEqual(AUTH_KEYS);
    expect(auth.body).toMatchObject({
      organization_id: orgId,
      member_authenticated: true,
      intermediate_session_token: '',
      mfa_required: null,
      primary_required: null,
    });
    const session = await t.sdk('/b2b/sessions/authenticate', { session: auth.body.session_token, body: {} });
    expect(session.status).toBe(200);
  });

  test('login_or_signup: login, JIT signup (member_created), refusal of other domains and webmail', async () => {
    const login = await t.api('/magic_links/email/login_or_signup', {
      body: { organization_id: orgId, email_address: 'ada@acme.test' },
    });
    expect(login.status).toBe(200);
    expect(Object.keys(login.body).sort()).toEqual([
      'member',
      'member_created',
      'member_id',
      'organization',
      'request_id',
      'status_code',
    ]);
    expect(login.body.member_created).toBe(false);
    const signup = await t.api('/magic_links/email/login_or_signup', {
      body: { organization_id: orgId, email_address: 'new@acme.test' },
    });
    expect(signup.body).toMatchObject({
      member_created: true,
      member: { status: 'pending', email_address: 'new@acme.test' },
    });
    const refused = await t.api('/magic_links/email/login_or_signup', {
      body: { organization_id: orgId, email_address: 'eve@else.test' },
    });
    expect(refused.status).toBe(403);
    expect(refused.body.error_type).toBe('invalid_email_for_jit_provisioning');
    expect((await t.server.mailbox.list()).map((m) => m.to).sort()).toEqual(['ada@acme.test', 'new@acme.test']);
  });

  test('JIT only with email_jit_provisioning RESTRICTED', async () => {
    await t.server.db
      .updateTable('organizations')
      .set({ email_jit_provisioning: 'NOT_ALLOWED' })
      .where('id', '=', orgId)
      .execute();
    const res = await t.api('/magic_links/email/login_or_signup', {
      body: { organization_id: orgId, email_address: 'new@acme.test' },
    });
    expect(res.body.error_type).toBe('invalid_email_for_jit_provisioning');
    // A webmail domain smuggled into an old row never enables JIT.
    await t.server.db
      .updateTable('organizations')
      .set({ email_jit_provisioning: 'RESTRICTED', email_allowed_domains: '["gmail.com"]' })
      .where('id', '=', orgId)
      .execute();
    const webmail = await t.api('/magic_links/email/login_or_signup', {
      body: { organization_id: orgId, email_address: 'x@gmail.com' },
    });
    expect(webmail.body.error_type).toBe('invalid_email_for_jit_provisioning');
  });

  test('common webmail domains are refused as allowed domains', async () => {
    for (const domain of ['gmail.com', 'Outlook.com', 'proton.me', 'yahoo.com']) {
      const res = await t.api('/organizations', {
        body: { organization_name: 'Web', organization_slug: 'web', email_allowed_domains: [domain] },
      });
      expect(res.status, domain).toBe(400);
      expect(res.body.error_type).toBe('common_email_domain_not_allowed');
    }
    const ok = await t.api('/organizations', {
      body: { organization_name: 'Web', organization_slug: 'web', email_allowed_domains: ['web.example'] },
    });
    expect(ok.status).toBe(200);
  });

  test('magic links are refused when the org restricts auth methods to others', async () => {
    await t.server.db
      .updateTable('organizations')
      .set({ auth_methods: 'RESTRICTED', allowed_auth_methods: '["sso"]' })
      .where('id', '=', orgId)
      .execute();
    const res = await t.api('/magic_links/email/send', {
      body: { organization_id: orgId, email_address: 'ada@acme.test' },
    });
    expect(res.status).toBe(403);
    expect(res.body.error_type).toBe('magic_link_not_allowed');
  });

  test('backend paths need the project secret', async () => {
    for (const path of [
      '/magic_links/email/send',
      '/magic_links/email/login_or_signup',
      '/magic_links/email/invite',
      '/magic_links/authenticate',
      '/discovery/organizations',
    ]) {
      const res = await t.api(path, {
        body: {},
        auth: { user: t.server.project.project_id, password: 'secret-test-wrong' },
      });
      expect(res.status, path).toBe(401);
      expect(res.body.error_type).toBe('unauthorized_credentials');
    }
  });

  test('bad input is a 4xx envelope, never a 500', async () => {
    const bodies: unknown[] = [
      {},
      { organization_id: 5 },
      { organization_id: orgId },
      { organization_id: orgId, email_address: ['a'] },
      { organization_id: orgId, email_address: 'ada@acme.test', login_expiration_minutes: 1e9 },
    ];
    for (const path of [
      '/magic_links/email/send',
      '/magic_links/email/login_or_signup',
      '/magic_links/email/invite',
      '/magic_links/authenticate',
    ]) {
      for (const body of bodies) {
        const res = await t.api(path, { body });
        expect(res.status, `${path} ${JSON.stringify(body)}`).toBeGreaterThanOrEqual(400);
        expect(res.status).toBeLessThan(500);
        expect(typeof res.body.error_type).toBe('string');
      }
    }
  });
});

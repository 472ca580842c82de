import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { TEST_PKCE } from '../testing/journey.js';
import { createTestServer, latestMagicLinkToken, type TestResponse, type TestServer } from '../testing/test-server.js';

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

// SDK sends require a PKCE challenge (CSRF-02): TEST_PKCE's by default, and its verifier on authenticate.
const pkce = { pkce_code_challenge: TEST_PKCE.challenge };
const loginOrSignup = (email: string, extra: Record<string, unknown> = {}) =>
  t.sdk('/b2b/magic_links/email/login_or_signup', {
    body: { organization_id: orgId, email_address: email, ...pkce, ...extra },
  });
const authenticate = (token: string, extra: Record<string, unknown> = {}) =>
  t.sdk('/b2b/magic_links/authenticate', {
    body: { magic_links_token: token, session_duration_minutes: 60, pkce_code_verifier: TEST_PKCE.verifier, ...extra },
  });

/** Soft-deletes a member the way member deletion does (status `deleted`). */
async function markDeleted(email: string): Promise<void> {
  await t.server.db
    .updateTable('members')
    .set({ status: 'deleted' })
    .where('organization_id', '=', orgId)
    .where('email', '=', email)
    .execute();
}

/** The parts of an answer an attacker can see, with the per-request id blanked. */
function observable(res: TestResponse) {
  const headers = [...res.headers.entries()].filter(([k]) => !['date', 'content-length', 'x-request-id'].includes(k));
  return { status: res.status, body: { data: { ...res.body.data, request_id: 'x' } }, headers };
}

describe('SDK login_or_signup', () => {
  test('AUTH-03: existing, JIT-eligible, unknown and deleted emails get byte-identical answers', async () => {
    const deleted = await t.api(`/organizations/${orgId}/members`, { body: { email_address: 'gone@acme.test' } });
    await markDeleted('gone@acme.test');
    const answers = await Promise.all(
      ['ada@acme.test', 'new@acme.test', 'stranger@else.test', 'gone@acme.test'].map((e) => loginOrSignup(e)),
    );
    expect(deleted.status).toBe(200);
    const [first, ...rest] = answers.map(observable);
    for (const other of rest) expect(other).toEqual(first);
    expect(first?.status).toBe(200);
    expect(Object.keys(answers[0]!.body.data).sort()).toEqual(['request_id', 'status_code']);
    // Mail only to people the organization lets in.
    const recipients = (await t.server.mailbox.list()).map((m) => m.to).sort();
    expect(recipients).toEqual(['ada@acme.test', 'new@acme.test']);
  });

  test('AUTH-03: a bad signup redirect URL is refused for known and unknown emails alike', async () => {
    for (const email of ['ada@acme.test', 'stranger@else.test']) {
      const res = await loginOrSignup(email, { signup_redirect_url: 'https://evil.test/' });
      expect(res.status, email).toBe(400);
      expect(res.body.error_type).toBe('invalid_redirect_url');
      const login = await loginOrSignup(email, { login_redirect_url: 'https://evil.test/' });
      expect(login.body.error_type).toBe('invalid_redirect_url');
    }
    expect(await t.server.mailbox.list()).toEqual([]);
  });

  test('login link: multi_tenant_magic_links token authenticates once into the org', async () => {
    await loginOrSignup('ada@acme.test');
    const { link, token } = await latestMagicLinkToken(t.server, 'ada@acme.test');
    expect(new URL(link).searchParams.get('stytch_token_type')).toBe('multi_tenant_magic_links');
    expect(new URL(link).origin).toBe('http://localhost:3000');
    const res = await authenticate(token);
    expect(res.status).toBe(200);
    const data = res.body.data;
    expect(data).toMatchObject({
      organization_id: orgId,
      member_authenticated: true,
      intermediate_session_token: '',
      mfa_required: null,
      primary_required: null,
      reset_sessions: false,
    });
    expect(data.member.email_address).toBe('ada@acme.test');
    expect(data.member.email_address_verified).toBe(true);
    expect(data.method_id).toBe(data.member_session.authentication_factors[0].email_factor.email_id);
    expect(data.member_session.authentication_factors[0]).toMatchObject({
      type: 'magic_link',
      delivery_method: 'email',
    });
    expect(typeof data.session_jwt).toBe('string');
    expect((await authenticate(token)).body.error_type).toBe('magic_link_not_found');
  });

  test('signup by JIT: the pending member becomes active on authenticate', async () => {
    await loginOrSignup('new@acme.test');
    const { token } = await latestMagicLinkToken(t.server, 'new@acme.test');
    const member = await t.api(`/organizations/${orgId}/member?email_address=new@acme.test`);
    expect(member.body.member.status).toBe('pending');
    const res = await authenticate(token);
    expect(res.status).toBe(200);
    expect(res.body.data.member.status).toBe('active');
  });

  test('tokens: single-use under 20 concurrent calls, expiring, and never a discovery token', async () => {
    await loginOrSignup('ada@acme.test');
    const { token } = await latestMagicLinkToken(t.server, 'ada@acme.test');
    const results = await Promise.all(Array.from({ length: 20 }, () => authenticate(token)));
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status === 404 && r.body.error_type === 'magic_link_not_found')).toHaveLength(19);

    await loginOrSignup('ada@acme.test', { login_expiration_minutes: 5 });
    const expiring = await latestMagicLinkToken(t.server, 'ada@acme.test');
    t.clock.advance(5 * 60_000);
    expect((await authenticate(expiring.token)).body.error_type).toBe('magic_link_not_found');

    await t.sdk('/b2b/magic_links/email/discovery/send', { body: { email_address: 'ada@acme.test', ...pkce } });
    const discovery = await latestMagicLinkToken(t.server, 'ada@acme.test');
    expect((await authenticate(discovery.token)).body.error_type).toBe('magic_link_not_found');
    // …and the org link is not a discovery token either.
    await loginOrSignup('ada@acme.test');
    const org = await latestMagicLinkToken(t.server, 'ada@acme.test');
    const asDiscovery = await t.sdk('/b2b/magic_links/discovery/authenticate', {
      body: { discovery_magic_links_token: org.token, pkce_code_verifier: TEST_PKCE.verifier },
    });
    expect(asDiscovery.body.error_type).toBe('magic_link_not_found');
  });

  test('tokens are bound to their organization and email', async () => {
    const other = await t.api('/organizations', { body: { organization_name: 'Other', organization_slug: 'other' } });
    const otherId = other.body.organization.organization_id;
    await t.api(`/organizations/${otherId}/members`, { body: { email_address: 'ada@acme.test' } });
    await loginOrSignup('ada@acme.test');
    const { token } = await latestMagicLinkToken(t.server, 'ada@acme.test');
    const res = await authenticate(token, { organization_id: otherId });
    expect(res.body.data.organization_id).toBe(orgId);
    expect(res.body.data.member.organization_id).toBe(orgId);
  });

  test('PKCE: a challenge binds the link to the verifier; a wrong one does not burn it', async () => {
    const verifier = 'a'.repeat(64);
    const challenge = createHash('sha256').update(verifier).digest('base64url');
    await loginOrSignup('ada@acme.test', { pkce_code_challenge: challenge });
    const { token } = await latestMagicLinkToken(t.server, 'ada@acme.test');
    expect((await authenticate(token, { pkce_code_verifier: undefined })).body.error_type).toBe('pkce_mismatch');
    expect((await authenticate(token, { pkce_code_verifier: 'b'.repeat(64) })).body.error_type).toBe('pkce_mismatch');
    expect((await authenticate(token, { pkce_code_verifier: verifier })).status).toBe(200);
  });

  test('redirect URL per type: login and signup links use their own allowlist entries', async () => {
    await t.server.projects.addRedirectUrl('http://app.test/login', ['login']);
    await t.server.projects.addRedirectUrl('http://app.test/signup', ['signup']);
    const extra = { login_redirect_url: 'http://app.test/login', signup_redirect_url: 'http://app.test/signup' };
    await loginOrSignup('ada@acme.test', extra);
    await loginOrSignup('new@acme.test', extra);
    expect(new URL((await latestMagicLinkToken(t.server, 'ada@acme.test')).link).pathname).toBe('/login');
    expect(new URL((await latestMagicLinkToken(t.server, 'new@acme.test')).link).pathname).toBe('/signup');
    // A login-only URL is not a signup URL.
    const swapped = await loginOrSignup('ada@acme.test', { signup_redirect_url: 'http://app.test/login' });
    expect(swapped.body.error_type).toBe('invalid_redirect_url');
  });

  test('tokens are stored as SHA-256 only; a refused signup writes nothing', async () => {
    await loginOrSignup('ada@acme.test');
    const { token } = await latestMagicLinkToken(t.server, 'ada@acme.test');
    const rows = await t.server.db.selectFrom('one_time_tokens').selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(token);
    expect(rows[0]!.hash).toBe(createHash('sha256').update(token).digest('hex'));
    await loginOrSignup('stranger@else.test');
    expect(
      await t.server.db.selectFrom('members').select('id').where('email', '=', 'stranger@else.test').execute(),
    ).toEqual([]);
    expect(await t.server.db.selectFrom('one_time_tokens').select('hash').execute()).toHaveLength(1);
  });

  test('input validation and session duration bounds', async () => {
    expect(
      (await t.sdk('/b2b/magic_links/email/login_or_signup', { body: { email_address: 'ada@acme.test', ...pkce } }))
        .body.error_type,
    ).toBe('bad_request');
    expect((await loginOrSignup('nope')).body.error_type).toBe('invalid_email');
    expect((await loginOrSignup('ada@acme.test', { login_expiration_minutes: 4 })).body.error_type).toBe('bad_request');
    const missing = await t.sdk('/b2b/magic_links/email/login_or_signup', {
      body: { organization_id: 'organization-test-nope', email_address: 'a@b.test', ...pkce },
    });
    expect(missing.status).toBe(404);
    await loginOrSignup('ada@acme.test');
    const { token } = await latestMagicLinkToken(t.server, 'ada@acme.test');
    for (const minutes of [4, 527041, 'x']) {
      const res = await authenticate(token, { session_duration_minutes: minutes });
      expect(res.body.error_type, String(minutes)).toBe('invalid_session_duration');
    }
    const ok = await authenticate(token, { session_duration_minutes: 527040 });
    expect(Date.parse(ok.body.data.member_session.expires_at) - t.clock.now()).toBe(527040 * 60_000);
  });
});

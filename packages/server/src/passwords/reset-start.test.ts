import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { snapshot } from '../testing/db-snapshot.js';
import { TEST_PKCE } from '../testing/journey.js';
import { createTestServer, type TestResponse, type TestServer } from '../testing/test-server.js';
import { mailedReset, organizationWith, sdkDiscoveryResetStart, sdkResetStart } from './testing/reset-journey.js';

// The reset starts (docs/wire-protocol.md §2.8): no enumeration (docs/security.md AUTH-03), the
// allowlist (REDIR-01), links from the configured URL only (REDIR-05), PKCE for the SDK (CSRF-02),
// Stytch's lifetime bounds, and the send limit.

let t: TestServer;
let org: string;
beforeEach(async () => {
  t = await createTestServer({ dev: true });
  org = await organizationWith(t, 'acme', ['ada@acme.test']);
});
afterEach(async () => {
  await t.close();
});

/** What an answer shows a browser, less what differs per request anyway. */
function visible(res: TestResponse) {
  const headers = [...res.headers].filter(([name]) => name !== 'date' && name !== 'content-length');
  const { request_id: _id, ...data } = (res.body.data ?? {}) as Record<string, unknown>;
  return { status: res.status, headers, body: { ...res.body, data } };
}

const tokenRows = () => t.server.db.selectFrom('password_resets').selectAll().execute();
async function dataState() {
  const { rate_limits: _counted, events: _logged, ...rest } = await snapshot(t.server.db);
  return rest;
}

describe('organization reset start (SDK)', () => {
  test('a member, a stranger and an unknown domain get the same answer; only the member gets mail', async () => {
    const member = visible(await sdkResetStart(t, org, 'ada@acme.test'));
    const stranger = visible(await sdkResetStart(t, org, 'eve@acme.test'));
    const elsewhere = visible(await sdkResetStart(t, org, 'eve@else.test'));
    expect(member).toEqual(stranger);
    expect(member).toEqual(elsewhere);
    expect(member.body).toEqual({ data: { status_code: 200 } });
    expect((await t.server.mailbox.list()).map((m) => m.to)).toEqual(['ada@acme.test']);
    expect(await tokenRows()).toHaveLength(1);
  });

  test('the link: the allowlisted URL, Stytch query, token stored only as its hash', async () => {
    await sdkResetStart(t, org, 'ADA@acme.test', { locale: 'de-DE' });
    const { link, token, subject } = await mailedReset(t, 'ada@acme.test');
    expect(`${link.origin}${link.pathname}`).toBe('http://localhost:3000/');
    expect(Object.fromEntries(link.searchParams)).toEqual({
      stytch_token_type: 'multi_tenant_passwords',
      token,
      stytch_redirect_type: 'reset_password',
    });
    // No password yet: the mail says "set", in the start call's language.
    expect(subject).toBe('Passwort für Org acme festlegen');
    const [row] = await tokenRows();
    expect(row).toMatchObject({ email: 'ada@acme.test', organization_id: org, code_challenge: TEST_PKCE.challenge });
    // AUTH-07: no column holds the token (but the dev mailbox, which holds the mail itself).
    const { mails: _mailbox, ...stored } = await snapshot(t.server.db);
    expect(JSON.stringify(stored)).not.toContain(token);
    expect(Number(row?.expires_at) - Number(row?.created_at)).toBe(30 * 60_000);
  });

  test('REDIR-05: the link ignores Host and X-Forwarded-Host', async () => {
    const production = await createTestServer();
    try {
      const id = await organizationWith(production, 'acme', ['ada@acme.test']);
      const res = await production.server.app.fetch(
        new Request('http://evil.test/sdk/v1/b2b/passwords/email/reset/start', {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'x-forwarded-host': 'evil.test',
            authorization: `Basic ${Buffer.from(`${production.server.project.public_token}:${production.server.project.public_token}`).toString('base64')}`,
          },
          body: JSON.stringify({
            organization_id: id,
            email_address: 'ada@acme.test',
            code_challenge: TEST_PKCE.challenge,
          }),
        }),
      );
      expect(res.status).toBe(200);
      expect((await mailedReset(production, 'ada@acme.test')).link.host).toBe('localhost:3000');
    } finally {
      await production.close();
    }
  });

  test('CSRF-02: the SDK start requires a challenge; a refusal writes and mails nothing', async () => {
    const before = await dataState();
    for (const extra of [{ code_challenge: undefined }, { code_challenge: '' }, { code_challenge: null }]) {
      for (const email of ['ada@acme.test', 'eve@acme.test']) {
        const res = await sdkResetStart(t, org, email, extra);
        expect([res.status, res.body.error_type]).toEqual([400, 'pkce_required']);
      }
    }
    const malformed = await sdkResetStart(t, org, 'ada@acme.test', { code_challenge: 'short' });
    expect([malformed.status, malformed.body.error_type]).toEqual([400, 'bad_request']);
    expect(await dataState()).toEqual(before);
    expect(await t.server.mailbox.list()).toEqual([]);
    const boot = await t.sdk(`/projects/bootstrap/${t.server.project.public_token}`);
    expect(boot.body.data.pkce_required_for_password_resets).toBe(true);
  });

  test('REDIR-01: redirect URLs off the reset_password allowlist are refused for members and strangers alike', async () => {
    await t.server.projects.addRedirectUrl('https://app.acme.test/login', ['login']);
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ reset_password_redirect_url: 'https://evil.test/reset' }, 'invalid_redirect_url'],
      [{ reset_password_redirect_url: 'https://app.acme.test/login' }, 'invalid_redirect_url'],
      [{ login_redirect_url: 'https://evil.test/' }, 'invalid_redirect_url'],
      [{ reset_password_expiration_minutes: 4 }, 'bad_request'],
      [{ reset_password_expiration_minutes: 10_081 }, 'bad_request'],
      [{ reset_password_expiration_minutes: '30' }, 'bad_request'],
      [{ email_address: 'not-an-email' }, 'invalid_email'],
    ];
    for (const [extra, type] of cases) {
      for (const email of ['ada@acme.test', 'eve@acme.test']) {
        const res = await sdkResetStart(t, org, email, extra);
        expect([res.status, res.body.error_type], JSON.stringify(extra)).toEqual([400, type]);
      }
    }
    expect(await t.server.mailbox.list()).toEqual([]);
    const allowed = await sdkResetStart(t, org, 'ada@acme.test', { login_redirect_url: 'https://app.acme.test/login' });
    expect(allowed.status).toBe(200);
  });

  test('an organization that does not allow passwords refuses, whoever asks', async () => {
    await t.api(`/organizations/${org}`, {
      method: 'PUT',
      body: { auth_methods: 'RESTRICTED', allowed_auth_methods: ['magic_link'] },
    });
    for (const email of ['ada@acme.test', 'eve@acme.test']) {
      const res = await sdkResetStart(t, org, email);
      expect([res.status, res.body.error_type]).toEqual([403, 'unauthorized_action']);
    }
  });

  test('sends are limited per recipient, SDK and backend alike', async () => {
    await t.close();
    t = await createTestServer({ dev: true, rateLimits: { sendPerEmail: { max: 2, windowMinutes: 10 } } });
    org = await organizationWith(t, 'acme', ['ada@acme.test']);
    expect((await sdkResetStart(t, org, 'ada@acme.test')).status).toBe(200);
    expect((await sdkDiscoveryResetStart(t, 'ada@acme.test')).status).toBe(200);
    const refused = await t.api('/passwords/email/reset/start', {
      body: { organization_id: org, email_address: 'ada@acme.test' },
    });
    expect([refused.status, refused.body.error_type]).toEqual([429, 'too_many_requests']);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});

describe('organization reset start (backend)', () => {
  test('tells the trusted backend about the member, and refuses an unknown email without writing', async () => {
    const res = await t.api('/passwords/email/reset/start', {
      body: { organization_id: 'acme', email_address: 'ada@acme.test', reset_password_expiration_minutes: 5 },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      status_code: 200,
      member_id: expect.stringMatching(/^member-test-/),
      member_email_id: expect.stringMatching(/^member-email-test-/),
      member: { email_address: 'ada@acme.test' },
    });
    const [row] = await tokenRows();
    expect(row?.code_challenge).toBeNull();
    expect(Number(row?.expires_at) - Number(row?.created_at)).toBe(5 * 60_000);
    const unknown = await t.api('/passwords/email/reset/start', {
      body: { organization_id: org, email_address: 'eve@acme.test' },
    });
    expect([unknown.status, unknown.body.error_type]).toEqual([404, 'member_not_found']);
    expect(await tokenRows()).toHaveLength(1);
  });
});

describe('discovery reset start', () => {
  test('mails anyone, the same answer; the set-password mail for an email without one', async () => {
    const known = visible(await sdkDiscoveryResetStart(t, 'ada@acme.test'));
    const unknown = visible(await sdkDiscoveryResetStart(t, 'new@else.test'));
    expect(known).toEqual(unknown);
    expect(known.body).toEqual({ data: { status_code: 200 } });
    const { link, token, subject } = await mailedReset(t, 'new@else.test');
    expect(subject).toBe('Set your password');
    expect(Object.fromEntries(link.searchParams)).toEqual({
      stytch_token_type: 'discovery',
      token,
      stytch_redirect_type: 'reset_password',
    });
    expect((await tokenRows()).map((r) => r.organization_id)).toEqual([null, null]);
    const refused = await t.sdk('/b2b/passwords/discovery/reset/start', { body: { email_address: 'new@else.test' } });
    expect([refused.status, refused.body.error_type]).toEqual([400, 'pkce_required']);
    const backend = await t.api('/passwords/discovery/email/reset/start', {
      body: { email_address: 'new@else.test', discovery_redirect_url: 'https://evil.test/' },
    });
    expect([backend.status, backend.body.error_type]).toEqual([400, 'invalid_redirect_url']);
    expect(
      (await t.api('/passwords/discovery/email/reset/start', { body: { email_address: 'x@y.test' } })).body,
    ).toEqual({ status_code: 200, request_id: expect.any(String) });
  });
});

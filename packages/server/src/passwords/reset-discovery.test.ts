import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { TEST_PKCE } from '../testing/journey.js';
import { createTestServer, latestMagicLinkToken, type TestServer } from '../testing/test-server.js';
import {
  mailedReset,
  organizationWith,
  sdkDiscoveryReset,
  sdkDiscoveryResetStart,
  sdkReset,
  sdkResetStart,
  STRONG,
  WEAK,
  WEAK_OR_BREACHED,
} from './testing/reset-journey.js';

// `passwords/discovery/reset` (docs/wire-protocol.md §2.8): the email proven by the link gets its
// password and an intermediate session, as every discovery proof does; for an email without a
// password this is the sign-up with a password.

let t: TestServer;
let acme: string;
beforeEach(async () => {
  t = await createTestServer({ dev: true });
  acme = await organizationWith(t, 'acme', ['ada@acme.test']);
});
afterEach(async () => {
  await t.close();
});

async function discoveryToken(email: string): Promise<string> {
  expect((await sdkDiscoveryResetStart(t, email)).status).toBe(200);
  return (await mailedReset(t, email)).token;
}

describe('discovery reset', () => {
  test('a new email signs up: password set, IST, then a new organization with a password factor', async () => {
    const res = await sdkDiscoveryReset(t, await discoveryToken('new@else.test'), STRONG);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.body.data).toEqual({
      status_code: 200,
      request_id: expect.any(String),
      intermediate_session_token: expect.any(String),
      email_address: 'new@else.test',
      discovered_organizations: [],
      organization_id_hint: null,
    });
    const created = await t.sdk('/b2b/discovery/organizations/create', {
      body: {
        intermediate_session_token: res.body.data.intermediate_session_token,
        session_duration_minutes: 60,
        organization_name: 'New Co',
        organization_slug: 'new-co',
      },
    });
    expect(created.status).toBe(200);
    expect(created.body.data.member_session.authentication_factors).toEqual([
      expect.objectContaining({ type: 'password', delivery_method: 'knowledge' }),
    ]);
    expect(await t.server.db.selectFrom('member_passwords').select('email').execute()).toEqual([
      { email: 'new@else.test' },
    ]);
  });

  test('a member finds their organizations, enters one, and their old sessions are gone', async () => {
    await t.api('/magic_links/email/send', { body: { organization_id: acme, email_address: 'ada@acme.test' } });
    const old = await t.sdk('/b2b/magic_links/authenticate', {
      body: { magic_links_token: (await latestMagicLinkToken(t.server, 'ada@acme.test')).token },
    });
    const res = await sdkDiscoveryReset(t, await discoveryToken('ada@acme.test'), STRONG);
    expect(res.status).toBe(200);
    expect(res.body.data.discovered_organizations).toEqual([
      expect.objectContaining({ organization: expect.objectContaining({ organization_id: acme }) }),
    ]);
    const gone = await t.sdk('/b2b/sessions/authenticate', { body: {}, session: old.body.data.session_token });
    expect(gone.status).toBe(404);
    const exchanged = await t.sdk('/b2b/discovery/intermediate_sessions/exchange', {
      body: {
        intermediate_session_token: res.body.data.intermediate_session_token,
        organization_id: acme,
        session_duration_minutes: 60,
      },
    });
    expect(exchanged.status).toBe(200);
    expect(exchanged.body.data.member.email_address_verified).toBe(true);
  });

  test('single use, PKCE, strength before anything is spent, and no organization links', async () => {
    const token = await discoveryToken('new@else.test');
    for (const pkce_code_verifier of [undefined, 'e'.repeat(64)]) {
      const res = await sdkDiscoveryReset(t, token, STRONG, { pkce_code_verifier });
      expect([res.status, res.body.error_type]).toEqual([400, 'pkce_mismatch']);
    }
    const weak = await sdkDiscoveryReset(t, token, WEAK);
    expect(weak.status).toBe(400);
    expect(WEAK_OR_BREACHED).toContain(weak.body.error_type);
    expect(await t.server.db.selectFrom('intermediate_sessions').select('hash').execute()).toEqual([]);
    expect((await sdkDiscoveryReset(t, token, STRONG, { pkce_code_verifier: TEST_PKCE.verifier })).status).toBe(200);
    const again = await sdkDiscoveryReset(t, token, STRONG);
    expect([again.status, again.body.error_type]).toEqual([401, 'unable_to_auth_magic_link']);

    await sdkResetStart(t, acme, 'ada@acme.test');
    const organizationLink = (await mailedReset(t, 'ada@acme.test')).token;
    expect((await sdkDiscoveryReset(t, organizationLink, STRONG)).body.error_type).toBe('unable_to_auth_magic_link');
    expect((await sdkReset(t, organizationLink, STRONG)).status).toBe(200);
  });

  test('the backend paths answer the same shapes without the envelope', async () => {
    await t.api('/passwords/discovery/email/reset/start', { body: { email_address: 'new@else.test' } });
    const { token } = await mailedReset(t, 'new@else.test');
    const res = await t.api('/passwords/discovery/email/reset', {
      body: { password_reset_token: token, password: STRONG },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ email_address: 'new@else.test', discovered_organizations: [] });
  });
});

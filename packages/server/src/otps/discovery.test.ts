import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { signUp } from '../testing/journey.js';
import { createTestServer, latestOtpCode, type TestServer } from '../testing/test-server.js';

// Discovery by code ends where the discovery magic link ends: an IST and the organizations found,
// so listing, creating and exchanging work unchanged, judged against `email_otp`.

let t: TestServer;
beforeEach(async () => {
  t = await createTestServer({ dev: true, rateLimits: false });
});
afterEach(async () => {
  await t.close();
});

async function discoverByCode(email: string, api: 'sdk' | 'backend' = 'sdk') {
  const call =
    api === 'sdk'
      ? (p: string, body: unknown) => t.sdk(`/b2b${p}`, { body })
      : (p: string, body: unknown) => t.api(p, { body });
  const sent = await call('/otps/email/discovery/send', { email_address: email });
  expect(sent.status).toBe(200);
  const code = await latestOtpCode(t.server, email);
  const res = await call('/otps/email/discovery/authenticate', { email_address: email, code });
  expect(res.status).toBe(200);
  return api === 'sdk' ? res.body.data : res.body;
}

describe('discovery by code', () => {
  test('anyone gets a code; it becomes an IST that creates an organization', async () => {
    const sent = await t.sdk('/b2b/otps/email/discovery/send', { body: { email_address: 'new@example.com' } });
    expect(sent.body).toEqual({ data: { status_code: 200, request_id: expect.any(String) } });
    const [mail] = await t.server.mailbox.list();
    expect(mail?.subject).toMatch(/^\d{6} is your code to sign in to your organizations$/);
    const found = await discoverByCode('new@example.com');
    expect(found).toMatchObject({ email_address: 'new@example.com', discovered_organizations: [] });
    const created = await t.sdk('/b2b/discovery/organizations/create', {
      body: {
        intermediate_session_token: found.intermediate_session_token,
        organization_name: 'New Co',
        organization_slug: 'new-co',
        session_duration_minutes: 60,
      },
    });
    expect(created.status).toBe(200);
    expect(created.body.data.member_session.authentication_factors).toEqual([
      expect.objectContaining({ type: 'otp', delivery_method: 'email' }),
    ]);
    // The code was spent by the authenticate; the IST by the create.
    expect(await t.server.db.selectFrom('email_otps').selectAll().execute()).toEqual([]);
  });

  test('lists memberships, judged against email_otp: an organization refusing codes asks for another method', async () => {
    const acme = (await signUp(t, 'ada@acme.test', 'acme')).organization_id;
    const beta = (await signUp(t, 'ada@acme.test', 'beta')).organization_id;
    await t.api(`/organizations/${beta}`, {
      method: 'PUT',
      body: { auth_methods: 'RESTRICTED', allowed_auth_methods: ['magic_link'] },
    });
    await t.api(`/organizations/${acme}`, {
      method: 'PUT',
      body: { auth_methods: 'RESTRICTED', allowed_auth_methods: ['email_otp'] },
    });
    const found = await discoverByCode('ada@acme.test');
    const byId = Object.fromEntries(
      found.discovered_organizations.map((d: { organization: { organization_id: string } }) => [
        d.organization.organization_id,
        d,
      ]),
    );
    expect(byId[acme]).toMatchObject({ member_authenticated: true, primary_required: null });
    expect(byId[beta]).toMatchObject({
      member_authenticated: false,
      primary_required: { allowed_auth_methods: ['magic_link'] },
    });
    const listed = await t.sdk('/b2b/discovery/organizations', {
      body: { intermediate_session_token: found.intermediate_session_token },
    });
    expect(listed.body.data.discovered_organizations).toEqual(found.discovered_organizations);
    const exchange = (organization_id: string) =>
      t.sdk('/b2b/discovery/intermediate_sessions/exchange', {
        body: {
          intermediate_session_token: found.intermediate_session_token,
          organization_id,
          session_duration_minutes: 60,
        },
      });
    expect((await exchange(beta)).body.error_type).toBe('unauthorized_action');
    const into = await exchange(acme);
    expect(into.status).toBe(200);
    expect(into.body.data.organization_id).toBe(acme);
  });

  test('the backend API answers the same shape; a code of one email never proves another', async () => {
    const found = await discoverByCode('bob@example.com', 'backend');
    expect(found).toMatchObject({
      email_address: 'bob@example.com',
      intermediate_session_token: expect.any(String),
      discovered_organizations: [],
    });
    await t.api('/otps/email/discovery/send', { body: { email_address: 'bob@example.com' } });
    const code = await latestOtpCode(t.server, 'bob@example.com');
    const other = await t.api('/otps/email/discovery/authenticate', {
      body: { email_address: 'eve@example.com', code },
    });
    expect(other.body.error_type).toBe('otp_code_not_found');
  });
});

import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { signUp } from '../testing/journey.js';
import { createTestServer, type TestServer } from '../testing/test-server.js';

let t: TestServer;
beforeEach(async () => {
  t = await createTestServer({ dev: true });
});
afterEach(async () => {
  await t.close();
});

const exchange = (session: string, body: Record<string, unknown>) => t.sdk('/b2b/sessions/exchange', { body, session });
const authenticate = (session: string) => t.sdk('/b2b/sessions/authenticate', { body: {}, session });

describe('session exchange (switch organization)', () => {
  test('SDK: a session in org A becomes one in org B of the same email; the old one is revoked', async () => {
    const a = await signUp(t, 'ada@example.com', 'acme');
    const b = await signUp(t, 'ada@example.com', 'beta');
    const res = await exchange(a.session_token, { organization_id: 'beta', session_duration_minutes: 30 });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const data = res.body.data;
    expect(data).toMatchObject({
      member_authenticated: true,
      intermediate_session_token: '',
      mfa_required: null,
      primary_required: null,
    });
    expect(data.member.member_id).toBe(b.member.member_id);
    expect(data.member_session.organization_id).toBe(b.organization.organization_id);
    expect(Date.parse(data.member_session.expires_at)).toBe(t.clock.now() + 30 * 60_000);
    expect(data.member_session.authentication_factors[0].email_factor.email_id).toBe(
      b.member_session.authentication_factors[0].email_factor.email_id,
    );
    expect((await authenticate(data.session_token)).status).toBe(200);
    expect((await authenticate(a.session_token)).body.error_type).toBe('session_not_found');
  });

  test('backend: by JWT, accepting an invitation; refused for orgs the email is not in', async () => {
    const a = await signUp(t, 'ada@example.com', 'acme');
    const other = await signUp(t, 'bob@example.com', 'bobco');
    const orgId = other.organization.organization_id;
    await t.server.db
      .insertInto('members')
      .values({
        ...(await t.server.db
          .selectFrom('members')
          .selectAll()
          .where('id', '=', other.member.member_id)
          .executeTakeFirstOrThrow()),
        id: 'member-test-invited',
        email: 'ada@example.com',
        email_id: 'member-email-test-x',
        status: 'invited',
      })
      .execute();
    const res = await t.api('/sessions/exchange', { body: { session_jwt: a.session_jwt, organization_id: orgId } });
    expect(res.status).toBe(200);
    expect(res.body.member).toMatchObject({ member_id: 'member-test-invited', status: 'active' });
    const stranger = await signUp(t, 'cy@example.com', 'cyco');
    const refused = await t.api('/sessions/exchange', {
      body: { session_token: stranger.session_token, organization_id: 'acme' },
    });
    expect(refused.status).toBe(404);
    expect(refused.body.error_type).toBe('member_not_found');
    expect((await authenticate(stranger.session_token)).status).toBe(200);
  });

  test('JIT by email domain: a verified email joins an org that admits its domain, as discovery lists it', async () => {
    const a = await signUp(t, 'ada@example.com', 'acme');
    const jit = await t.api('/organizations', {
      body: {
        organization_name: 'Jit',
        organization_slug: 'jit',
        email_allowed_domains: ['example.com'],
        email_jit_provisioning: 'RESTRICTED',
      },
    });
    const listed = await t.sdk('/b2b/discovery/organizations', { body: {}, session: a.session_token });
    expect(
      listed.body.data.discovered_organizations.find(
        (d: { organization: { organization_slug: string } }) => d.organization.organization_slug === 'jit',
      )?.membership.type,
    ).toBe('eligible_to_join_by_email_domain');
    const res = await exchange(a.session_token, { organization_id: 'jit', session_duration_minutes: 60 });
    expect(res.status).toBe(200);
    expect(res.body.data.member).toMatchObject({
      email_address: 'ada@example.com',
      status: 'active',
      organization_id: jit.body.organization.organization_id,
      roles: [],
    });
    expect(res.body.data.member_session.roles).toEqual(['stytch_member']);
    // An email the session never proved (a backend-created member) joins nothing by its domain.
    const b = await signUp(t, 'bob@example.com', 'bobco');
    await t.server.db.updateTable('members').set({ email_verified: 0 }).where('id', '=', b.member_id).execute();
    const unproven = await exchange(b.session_token, { organization_id: 'jit', session_duration_minutes: 60 });
    expect(unproven.body.error_type).toBe('member_not_found');
  });

  test('an org that does not accept the session’s factor answers with an IST and primary_required', async () => {
    const a = await signUp(t, 'ada@example.com', 'acme');
    const b = await signUp(t, 'ada@example.com', 'beta');
    await t.server.db
      .updateTable('organizations')
      .set({ auth_methods: 'RESTRICTED', allowed_auth_methods: JSON.stringify(['sso']) })
      .where('id', '=', b.organization.organization_id)
      .execute();
    const res = await exchange(a.session_token, { organization_id: 'beta', session_duration_minutes: 60 });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({
      member_authenticated: false,
      member_session: null,
      session_token: '',
      session_jwt: '',
      primary_required: { allowed_auth_methods: ['sso'] },
    });
    expect(res.body.data.intermediate_session_token).toMatch(/^[A-Za-z0-9_-]{44}$/);
    expect((await authenticate(a.session_token)).status).toBe(200);
  });

  test('bad input: missing organization, bad duration, no session, unknown org', async () => {
    const a = await signUp(t, 'ada@example.com', 'acme');
    expect((await exchange(a.session_token, { session_duration_minutes: 60 })).status).toBe(400);
    expect(
      (await exchange(a.session_token, { organization_id: 'acme', session_duration_minutes: 1 })).body.error_type,
    ).toBe('invalid_session_duration');
    expect((await t.sdk('/b2b/sessions/exchange', { body: { organization_id: 'acme' } })).body.error_type).toBe(
      'session_not_found',
    );
    expect(
      (await exchange(a.session_token, { organization_id: 'nope', session_duration_minutes: 60 })).body.error_type,
    ).toBe('organization_not_found');
    expect((await authenticate(a.session_token)).status).toBe(200);
  });
});

describe('SDK POST /b2b/sessions/revoke/{member_id}', () => {
  test('a member signs out all their sessions; another organization’s member id is not found', async () => {
    const a = await signUp(t, 'ada@example.com', 'acme');
    const second = await t.api('/sessions/exchange', {
      body: { session_token: a.session_token, organization_id: 'acme' },
    });
    const bob = await signUp(t, 'bob@example.com', 'bobco');
    const refused = await t.sdk(`/b2b/sessions/revoke/${bob.member.member_id}`, {
      method: 'POST',
      session: second.body.session_token,
    });
    expect(refused.status).toBe(404);
    expect(refused.body.error_type).toBe('member_not_found');
    expect((await authenticate(bob.session_token)).status).toBe(200);
    const res = await t.sdk(`/b2b/sessions/revoke/${a.member.member_id}`, {
      method: 'POST',
      session: second.body.session_token,
    });
    expect(res.status).toBe(200);
    expect((await authenticate(second.body.session_token)).body.error_type).toBe('session_not_found');
  });
});

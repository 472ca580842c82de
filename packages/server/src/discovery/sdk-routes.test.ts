import { createLocalJWKSet, jwtVerify } from 'jose';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { discover, mailDiscoveryToken, signUp, TEST_PKCE } from '../testing/journey.js';
import { createTestServer, latestMagicLinkToken, type TestResponse, type TestServer } from '../testing/test-server.js';

let t: TestServer;
beforeEach(async () => {
  t = await createTestServer({ dev: true });
});
afterEach(async () => {
  await t.close();
});

describe('discovery sign-up journey', () => {
  test('email → magic link → IST → create organization → session → JWT verifies via JWKS', async () => {
    const boot = await t.sdk(`/projects/bootstrap/${t.server.project.public_token}`);
    expect(boot.status).toBe(200);
    expect(boot.body.data).toMatchObject({
      vertical: 'B2B',
      password_config: null,
      create_organization_enabled: true,
      captcha_settings: { enabled: false },
    });

    const sent = await t.sdk('/b2b/magic_links/email/discovery/send', {
      body: { email_address: 'Ada@Example.COM', pkce_code_challenge: TEST_PKCE.challenge },
    });
    expect(sent.status).toBe(200);
    expect(sent.body.data).toEqual({ request_id: expect.stringMatching(/^request-id-test-/), status_code: 200 });

    const [mail] = await t.server.mailbox.list();
    expect(mail).toMatchObject({ to: 'ada@example.com', subject: 'Your sign-in link' });
    const { link, token } = await latestMagicLinkToken(t.server, 'ada@example.com');
    const url = new URL(link);
    expect(url.origin + url.pathname).toBe('http://localhost:3000/');
    expect(url.searchParams.get('stytch_token_type')).toBe('discovery');
    expect(mail?.html).toContain(link.replace(/&/g, '&amp;'));

    const auth = await t.sdk('/b2b/magic_links/discovery/authenticate', {
      body: { discovery_magic_links_token: token, pkce_code_verifier: TEST_PKCE.verifier },
    });
    expect(auth.status).toBe(200);
    expect(auth.headers.get('cache-control')).toBe('no-store');
    expect(auth.body.data).toMatchObject({ email_address: 'ada@example.com', discovered_organizations: [] });
    const ist = auth.body.data.intermediate_session_token as string;
    expect(ist.length).toBeGreaterThanOrEqual(43);

    const listed = await t.sdk('/b2b/discovery/organizations', { body: { intermediate_session_token: ist } });
    expect(listed.body.data).toMatchObject({
      email_address: 'ada@example.com',
      discovered_organizations: [],
      organization_id_hint: null,
    });

    const created = await t.sdk('/b2b/discovery/organizations/create', {
      body: {
        intermediate_session_token: ist,
        session_duration_minutes: 30,
        organization_name: 'Acme',
        organization_slug: 'acme',
      },
    });
    expect(created.status).toBe(200);
    const data = created.body.data;
    expect(data).toMatchObject({
      member_authenticated: true,
      intermediate_session_token: '',
      mfa_required: null,
      organization: {
        organization_name: 'Acme',
        organization_slug: 'acme',
        organization_id: expect.stringMatching(/^organization-test-/),
      },
      member: {
        email_address: 'ada@example.com',
        status: 'active',
        email_address_verified: true,
        member_id: expect.stringMatching(/^member-test-/),
        roles: ['stytch_admin'],
      },
      member_session: {
        member_session_id: expect.stringMatching(/^member-session-test-/),
        organization_slug: 'acme',
        // The creator of an organization administers it.
        roles: ['stytch_member', 'stytch_admin'],
      },
    });
    expect(data.member_session.authentication_factors[0]).toMatchObject({
      type: 'magic_link',
      delivery_method: 'email',
      email_factor: { email_address: 'ada@example.com', email_id: expect.stringMatching(/^member-email-test-/) },
    });
    expect(Date.parse(data.member_session.expires_at) - t.clock.now()).toBe(30 * 60_000);

    const projectId = t.server.project.project_id;
    const jwks = await t.api(`/sessions/jwks/${projectId}`, { auth: null });
    expect(jwks.status).toBe(200);
    expect(jwks.body.keys[0]).toMatchObject({ alg: 'ES256', use: 'sig', key_ops: ['verify'], kty: 'EC' });
    expect(jwks.body.keys[0].d).toBeUndefined();
    const { payload, protectedHeader } = await jwtVerify(data.session_jwt, createLocalJWKSet(jwks.body), {
      issuer: `stytch.com/${projectId}`,
      audience: projectId,
      currentDate: new Date(t.clock.now()),
    });
    expect(protectedHeader).toMatchObject({ alg: 'ES256', typ: 'JWT', kid: jwks.body.keys[0].kid });
    expect(payload.sub).toBe(data.member_id);
    expect(payload.exp! - payload.iat!).toBe(300);
    expect(payload['https://stytch.com/organization']).toEqual({ organization_id: data.organization_id, slug: 'acme' });
    expect(payload['https://stytch.com/session']).toMatchObject({
      id: data.member_session.member_session_id,
      attributes: {},
      roles: ['stytch_member', 'stytch_admin'],
    });

    const again = await t.sdk('/b2b/sessions/authenticate', { body: {}, session: data.session_token });
    expect(again.status).toBe(200);
    expect(again.body.data.member_session.member_session_id).toBe(data.member_session.member_session_id);

    // The IST was consumed by the create call.
    const reuse = await t.sdk('/b2b/discovery/organizations/create', {
      body: { intermediate_session_token: ist, organization_name: 'Other', organization_slug: 'other' },
    });
    expect(reuse.status).toBe(404);
    expect(reuse.body.error_type).toBe('intermediate_session_not_found');
  });

  test('a returning member discovers the organization and exchanges the IST for a session', async () => {
    const first = await signUp(t, 'ada@example.com', 'acme');
    const { ist, data } = await discover(t, 'ada@example.com');
    expect(data.discovered_organizations).toHaveLength(1);
    expect(data.discovered_organizations[0]).toMatchObject({
      organization: { organization_id: first.organization_id },
      membership: { type: 'active_member', member: { member_id: first.member_id } },
      member_authenticated: true,
    });
    const exchanged = await t.sdk('/b2b/discovery/intermediate_sessions/exchange', {
      body: { intermediate_session_token: ist, organization_id: first.organization_id, session_duration_minutes: 60 },
    });
    expect(exchanged.status).toBe(200);
    expect(exchanged.body.data).toMatchObject({ member_id: first.member_id, organization_id: first.organization_id });
    expect(exchanged.body.data.session_token).not.toBe(first.session_token);

    const twice = await t.sdk('/b2b/discovery/intermediate_sessions/exchange', {
      body: { intermediate_session_token: ist, organization_id: first.organization_id, session_duration_minutes: 60 },
    });
    expect(twice.body.error_type).toBe('intermediate_session_not_found');
  });

  test('discovery lists organizations by session when no IST is sent', async () => {
    const first = await signUp(t, 'ada@example.com', 'acme');
    const listed = await t.sdk('/b2b/discovery/organizations', { body: {}, session: first.session_token });
    expect(listed.status).toBe(200);
    expect(
      listed.body.data.discovered_organizations.map((o: TestResponse['body']) => o.organization.organization_slug),
    ).toEqual(['acme']);
  });

  test('JIT by email domain: eligible org is discovered and joining creates an active member', async () => {
    const org = await t.api('/organizations', {
      body: {
        organization_name: 'Globex',
        organization_slug: 'globex',
        email_allowed_domains: ['globex.test'],
        email_jit_provisioning: 'RESTRICTED',
      },
    });
    expect(org.status).toBe(200);
    const { ist, data } = await discover(t, 'hank@globex.test');
    expect(data.discovered_organizations).toEqual([
      expect.objectContaining({
        membership: { type: 'eligible_to_join_by_email_domain', details: { domain: 'globex.test' }, member: null },
      }),
    ]);
    const joined = await t.sdk('/b2b/discovery/intermediate_sessions/exchange', {
      body: {
        intermediate_session_token: ist,
        organization_id: org.body.organization.organization_id,
        session_duration_minutes: 60,
      },
    });
    expect(joined.status).toBe(200);
    expect(joined.body.data.member).toMatchObject({ email_address: 'hank@globex.test', status: 'active' });
  });

  test('exchange into an organization the email cannot join is refused and keeps the IST', async () => {
    const other = await t.api('/organizations', { body: { organization_name: 'Closed', organization_slug: 'closed' } });
    const { ist } = await discover(t, 'eve@example.com');
    const refused = await t.sdk('/b2b/discovery/intermediate_sessions/exchange', {
      body: {
        intermediate_session_token: ist,
        organization_id: other.body.organization.organization_id,
        session_duration_minutes: 60,
      },
    });
    expect(refused.status).toBe(403);
    expect(refused.body.error_type).toBe('invalid_email_for_jit_provisioning');
    const stillValid = await t.sdk('/b2b/discovery/organizations', { body: { intermediate_session_token: ist } });
    expect(stillValid.status).toBe(200);
  });

  test('invited member becomes active on exchange', async () => {
    const org = await t.api('/organizations', { body: { organization_name: 'Initech', organization_slug: 'initech' } });
    const orgId = org.body.organization.organization_id;
    await t.api(`/organizations/${orgId}/members`, {
      body: { email_address: 'peter@initech.test', create_member_as_pending: true },
    });
    const { ist, data } = await discover(t, 'peter@initech.test');
    expect(data.discovered_organizations[0].membership.type).toBe('pending_member');
    const res = await t.sdk('/b2b/discovery/intermediate_sessions/exchange', {
      body: { intermediate_session_token: ist, organization_id: orgId, session_duration_minutes: 60 },
    });
    expect(res.body.data.member).toMatchObject({ status: 'active', email_address_verified: true });
  });

  test('organization create validates name and slug, and a taken slug keeps the IST', async () => {
    await signUp(t, 'ada@example.com', 'acme');
    const { ist } = await discover(t, 'bob@example.com');
    const cases: [Record<string, unknown>, string][] = [
      [{ organization_name: '', organization_slug: 'ok-slug' }, 'invalid_organization_name'],
      [{ organization_name: 'x'.repeat(129), organization_slug: 'ok-slug' }, 'invalid_organization_name'],
      [{ organization_name: 'Bad', organization_slug: 'Bad Slug!' }, 'invalid_organization_slug'],
      [{ organization_name: 'Taken', organization_slug: 'acme' }, 'organization_slug_already_used'],
      [{ organization_name: 'Dur', organization_slug: 'dur', session_duration_minutes: 1 }, 'invalid_session_duration'],
    ];
    for (const [fields, errorType] of cases) {
      const res = await t.sdk('/b2b/discovery/organizations/create', {
        body: { intermediate_session_token: ist, ...fields },
      });
      expect(res.status, errorType).toBe(400);
      expect(res.body.error_type).toBe(errorType);
    }
    const ok = await t.sdk('/b2b/discovery/organizations/create', {
      body: { intermediate_session_token: ist, organization_name: 'Bob Co', session_duration_minutes: 60 },
    });
    expect(ok.status).toBe(200);
    expect(ok.body.data.organization.organization_slug).toBe('bob-co');
  });

  test('the send answer does not depend on whether the email is known', async () => {
    await signUp(t, 'ada@example.com', 'acme');
    const send = (email: string) =>
      t.sdk('/b2b/magic_links/email/discovery/send', {
        body: { email_address: email, pkce_code_challenge: TEST_PKCE.challenge },
      });
    const known = await send('ada@example.com');
    const unknown = await send('nobody@example.com');
    expect(known.status).toBe(unknown.status);
    expect(Object.keys(known.body.data).sort()).toEqual(Object.keys(unknown.body.data).sort());
    expect(await mailDiscoveryToken(t, 'nobody@example.com')).toBeTruthy();
  });

  test('an IST is single-use under concurrency and expires after 10 minutes', async () => {
    const first = await signUp(t, 'ada@example.com', 'acme');
    const { ist } = await discover(t, 'ada@example.com');
    const body = {
      intermediate_session_token: ist,
      organization_id: first.organization_id,
      session_duration_minutes: 60,
    };
    const results = await Promise.all(
      Array.from({ length: 10 }, () => t.sdk('/b2b/discovery/intermediate_sessions/exchange', { body })),
    );
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.body.error_type === 'intermediate_session_not_found')).toHaveLength(9);

    const late = await discover(t, 'ada@example.com');
    t.clock.advance(10 * 60_000);
    const expired = await t.sdk('/b2b/discovery/intermediate_sessions/exchange', {
      body: { ...body, intermediate_session_token: late.ist },
    });
    expect(expired.status).toBe(404);
    expect(expired.body.error_type).toBe('intermediate_session_not_found');
  });
});

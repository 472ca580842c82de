import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { TEST_PKCE } from '../testing/journey.js';
import { createTestServer, latestMagicLinkToken, type TestResponse, type TestServer } from '../testing/test-server.js';

let t: TestServer;
beforeEach(async () => {
  t = await createTestServer({ dev: true });
});
afterEach(async () => {
  await t.close();
});

async function createOrg(slug: string, extra: Record<string, unknown> = {}): Promise<string> {
  const res = await t.api('/organizations', {
    body: { organization_name: `Org ${slug}`, organization_slug: slug, ...extra },
  });
  if (res.status !== 200) throw new Error(JSON.stringify(res.body));
  return res.body.organization.organization_id;
}

/** Proves `email` through the BACKEND discovery paths; returns the IST and the answer. */
async function backendDiscover(email: string): Promise<{ ist: string; body: TestResponse['body'] }> {
  const sent = await t.api('/magic_links/email/discovery/send', { body: { email_address: email } });
  expect(sent.status).toBe(200);
  expect(sent.body.data).toBeUndefined();
  const { token } = await latestMagicLinkToken(t.server, email);
  const res = await t.api('/magic_links/discovery/authenticate', { body: { discovery_magic_links_token: token } });
  expect(res.status).toBe(200);
  return { ist: res.body.intermediate_session_token, body: res.body };
}

describe('backend discovery', () => {
  test('lists active, pending, invited and JIT-eligible orgs with their membership type; deleted sees nothing', async () => {
    const active = await createOrg('active');
    const pending = await createOrg('pending');
    const invited = await createOrg('invited');
    const eligible = await createOrg('eligible', { email_allowed_domains: ['acme.test'] });
    const deleted = await createOrg('deleted', { email_allowed_domains: ['acme.test'] });
    await createOrg('unrelated');
    await t.api(`/organizations/${active}/members`, { body: { email_address: 'ada@acme.test' } });
    await t.api(`/organizations/${pending}/members`, {
      body: { email_address: 'ada@acme.test', create_member_as_pending: true },
    });
    await t.api('/magic_links/email/invite', { body: { organization_id: invited, email_address: 'ada@acme.test' } });
    await t.api(`/organizations/${deleted}/members`, { body: { email_address: 'ada@acme.test' } });
    await t.server.db
      .updateTable('members')
      .set({ status: 'deleted' })
      .where('organization_id', '=', deleted)
      .execute();
    const { ist, body } = await backendDiscover('ada@acme.test');
    expect(Object.keys(body).sort()).toEqual([
      'discovered_organizations',
      'email_address',
      'intermediate_session_token',
      'request_id',
      'status_code',
    ]);
    const types = Object.fromEntries(
      body.discovered_organizations.map((d: TestResponse['body']) => [d.organization.organization_id, d.membership]),
    );
    expect(types).toEqual({
      [active]: expect.objectContaining({ type: 'active_member', details: null }),
      [pending]: expect.objectContaining({ type: 'pending_member', details: null }),
      [invited]: expect.objectContaining({ type: 'invited_member', details: null }),
      [eligible]: { type: 'eligible_to_join_by_email_domain', details: { domain: 'acme.test' }, member: null },
    });
    const listed = await t.api('/discovery/organizations', { body: { intermediate_session_token: ist } });
    expect(listed.status).toBe(200);
    expect(listed.body.discovered_organizations).toHaveLength(4);
    expect(listed.body.organization_id_hint).toBeNull();

    // Exchanging into the invited org accepts the invite.
    const exchanged = await t.api('/discovery/intermediate_sessions/exchange', {
      body: { intermediate_session_token: ist, organization_id: invited, session_duration_minutes: 60 },
    });
    expect(exchanged.status).toBe(200);
    expect(exchanged.body.member.status).toBe('active');
    expect(exchanged.body.intermediate_session_token).toBe('');

    // The deleted member cannot get back in by exchange either, even though the domain is eligible.
    const again = await backendDiscover('ada@acme.test');
    const refused = await t.api('/discovery/intermediate_sessions/exchange', {
      body: { intermediate_session_token: again.ist, organization_id: deleted },
    });
    expect([refused.status, refused.body.error_type]).toEqual([404, 'member_not_found']);
  });

  test('discovery/organizations by session_token or session_jwt; a revoked session discovers nothing', async () => {
    const { ist } = await backendDiscover('ada@acme.test');
    const created = await t.api('/discovery/organizations/create', {
      body: {
        intermediate_session_token: ist,
        organization_name: 'Made',
        organization_slug: 'made',
        trusted_metadata: { tier: 'gold' },
      },
    });
    expect(created.status).toBe(200);
    expect(created.body.organization.trusted_metadata).toEqual({ tier: 'gold' });
    const { session_token, session_jwt } = created.body;
    for (const body of [{ session_token }, { session_jwt }]) {
      const res = await t.api('/discovery/organizations', { body });
      expect(res.status, Object.keys(body)[0]).toBe(200);
      expect(res.body.email_address).toBe('ada@acme.test');
      expect(res.body.discovered_organizations[0].membership.type).toBe('active_member');
    }
    const none = await t.api('/discovery/organizations', { body: {} });
    expect(none.status).toBe(400);
    const both = await t.api('/discovery/organizations', { body: { session_token, session_jwt } });
    expect(both.status).toBe(400);
    await t.server.db.updateTable('sessions').set({ revoked_at: t.clock.now() }).execute();
    for (const body of [{ session_token }, { session_jwt }]) {
      const res = await t.api('/discovery/organizations', { body });
      expect(res.status, Object.keys(body)[0]).toBe(404);
      expect(res.body.error_type).toBe('session_not_found');
    }
    const forged = await t.api('/discovery/organizations', {
      body: { session_jwt: `${session_jwt.slice(0, -4)}AAAA` },
    });
    expect(forged.status).toBe(401);
  });

  test('backend and SDK share one IST: single use across both surfaces', async () => {
    const { ist } = await backendDiscover('ada@acme.test');
    const first = await t.sdk('/b2b/discovery/organizations/create', {
      body: { intermediate_session_token: ist, organization_name: 'One', organization_slug: 'one' },
    });
    expect(first.status).toBe(200);
    const second = await t.api('/discovery/organizations/create', {
      body: { intermediate_session_token: ist, organization_name: 'Two', organization_slug: 'two' },
    });
    expect(second.status).toBe(404);
    expect(second.body.error_type).toBe('intermediate_session_not_found');
    expect(await t.server.db.selectFrom('organizations').select('slug').where('slug', '=', 'two').execute()).toEqual(
      [],
    );
  });

  test('AUTH-03: SDK discovery send answers identically for members and strangers', async () => {
    const org = await createOrg('acme');
    await t.api(`/organizations/${org}/members`, { body: { email_address: 'ada@acme.test' } });
    const send = (email: string) =>
      t.sdk('/b2b/magic_links/email/discovery/send', {
        body: { email_address: email, pkce_code_challenge: TEST_PKCE.challenge },
      });
    const answers = await Promise.all(['ada@acme.test', 'nobody@nowhere.test'].map(send));
    const view = (r: (typeof answers)[number]) => ({
      status: r.status,
      body: { ...r.body, data: { ...r.body.data, request_id: 'x' } },
      headers: [...r.headers.entries()].filter(([k]) => !['date', 'content-length', 'x-request-id'].includes(k)),
    });
    expect(view(answers[0]!)).toEqual(view(answers[1]!));
  });
});

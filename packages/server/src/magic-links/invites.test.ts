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
});
afterEach(async () => {
  await t.close();
});

const backendInvite = (email: string, extra: Record<string, unknown> = {}) =>
  t.api('/magic_links/email/invite', { body: { organization_id: orgId, email_address: email, ...extra } });
const authenticate = (token: string) =>
  t.sdk('/b2b/magic_links/authenticate', { body: { magic_links_token: token, session_duration_minutes: 60 } });

/** Signs `email` in as an active member of the org and returns its session token. */
async function signedIn(email: string, roles?: string[]): Promise<string> {
  await t.api(`/organizations/${orgId}/members`, { body: { email_address: email, ...(roles ? { roles } : {}) } });
  await t.api('/magic_links/email/send', { body: { organization_id: orgId, email_address: email } });
  const res = await authenticate((await latestMagicLinkToken(t.server, email)).token);
  return res.body.data.session_token;
}

describe('invites', () => {
  test('backend invite: member is invited until the link is authenticated, then active; second accept fails', async () => {
    const res = await backendInvite('bob@partner.test', {
      name: 'Bob',
      trusted_metadata: { plan: 'pro' },
      roles: ['editor'],
    });
    expect(res.status).toBe(200);
    expect(Object.keys(res.body).sort()).toEqual(['member', 'member_id', 'organization', 'request_id', 'status_code']);
    expect(res.body.member).toMatchObject({
      status: 'invited',
      name: 'Bob',
      trusted_metadata: { plan: 'pro' },
      roles: ['editor'],
      email_address_verified: false,
    });
    const mail = (await t.server.mailbox.list())[0]!;
    expect(mail.subject).toBe('You are invited to Acme');
    const { link, token } = await latestMagicLinkToken(t.server, 'bob@partner.test');
    expect(new URL(link).searchParams.get('stytch_token_type')).toBe('multi_tenant_magic_links');
    const accepted = await authenticate(token);
    expect(accepted.status).toBe(200);
    expect(accepted.body.data.member).toMatchObject({
      member_id: res.body.member_id,
      status: 'active',
      email_address_verified: true,
    });
    const again = await authenticate(token);
    expect(again.status).toBe(404);
    expect(again.body.error_type).toBe('magic_link_not_found');
  });

  test('inviting an active member is refused; re-inviting an invited one resends', async () => {
    await signedIn('ada@acme.test');
    const dup = await backendInvite('ada@acme.test');
    expect(dup.status).toBe(400);
    expect(dup.body.error_type).toBe('duplicate_member_email');
    const first = await backendInvite('bob@partner.test');
    const second = await backendInvite('bob@partner.test', { name: 'Robert' });
    expect(second.body.member_id).toBe(first.body.member_id);
    expect(second.body.member.name).toBe('Robert');
  });

  test('email_invites policy: NOT_ALLOWED refuses, RESTRICTED allows only allowed domains', async () => {
    await t.server.db
      .updateTable('organizations')
      .set({ email_invites: 'RESTRICTED' })
      .where('id', '=', orgId)
      .execute();
    expect((await backendInvite('bob@partner.test')).body.error_type).toBe('invites_not_allowed');
    expect((await backendInvite('bob@acme.test')).status).toBe(200);
    await t.server.db
      .updateTable('organizations')
      .set({ email_invites: 'NOT_ALLOWED' })
      .where('id', '=', orgId)
      .execute();
    const refused = await backendInvite('carol@acme.test');
    expect(refused.status).toBe(403);
    expect(refused.body.error_type).toBe('invites_not_allowed');
    expect(
      await t.server.db.selectFrom('members').select('id').where('email', '=', 'carol@acme.test').execute(),
    ).toEqual([]);
  });

  test('invited_by_member_id must be an active member of the organization', async () => {
    const missing = await backendInvite('bob@partner.test', { invited_by_member_id: 'member-test-nope' });
    expect(missing.body.error_type).toBe('member_not_found');
    const adaToken = await signedIn('ada@acme.test');
    expect(adaToken).toBeTruthy();
    const ada = await t.api(`/organizations/${orgId}/member?email_address=ada@acme.test`);
    expect((await backendInvite('bob@partner.test', { invited_by_member_id: ada.body.member_id })).status).toBe(200);
  });

  test('SDK invite: needs a session, invites into the session org, never sets trusted metadata or escalates roles', async () => {
    const anonymous = await t.sdk('/b2b/magic_links/email/invite', { body: { email_address: 'bob@partner.test' } });
    expect(anonymous.status).toBe(401);
    const session = await signedIn('ada@acme.test', ['stytch_admin']);
    const res = await t.sdk('/b2b/magic_links/email/invite', {
      session,
      body: { email_address: 'bob@partner.test', name: 'Bob', organization_id: 'ignored' },
    });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({
      organization: { organization_id: orgId },
      member: { status: 'invited', name: 'Bob' },
    });
    const trusted = await t.sdk('/b2b/magic_links/email/invite', {
      session,
      body: { email_address: 'eve@partner.test', trusted_metadata: { admin: true } },
    });
    expect(trusted.body.error_type).toBe('bad_request');
    // A plain member may not invite at all, let alone give roles (rbac/sdk-routes.test.ts has the rest).
    const escalate = await t.sdk('/b2b/magic_links/email/invite', {
      session: await signedIn('max@acme.test'),
      body: { email_address: 'eve@partner.test', roles: ['stytch_admin'] },
    });
    expect(escalate.status).toBe(403);
    expect(escalate.body.error_type).toBe('unauthorized_action');
    expect(
      await t.server.db.selectFrom('members').select('id').where('email', '=', 'eve@partner.test').execute(),
    ).toEqual([]);
  });

  test('a member deleted after the invite cannot accept it', async () => {
    await backendInvite('bob@partner.test');
    const { token } = await latestMagicLinkToken(t.server, 'bob@partner.test');
    await t.server.db
      .updateTable('members')
      .set({ status: 'deleted' })
      .where('email', '=', 'bob@partner.test')
      .execute();
    const res = await authenticate(token);
    expect(res.status).toBe(404);
    expect(res.body.error_type).toBe('member_not_found');
  });
});

import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createOidcFixture, type OidcFixture } from './testing/oidc-flow.js';

let f: OidcFixture;
beforeEach(async () => {
  f = await createOidcFixture();
});
afterEach(async () => {
  await f.close();
});

async function exchange(location: string) {
  const token = new URL(location).searchParams.get('token');
  return f.t.api('/sso/authenticate', { body: { sso_token: token, session_duration_minutes: 60 } });
}

describe('OIDC sign-in (authorization code + PKCE + state + nonce)', () => {
  test('happy path: redirect with an sso token that yields a session; the member is JIT-created', async () => {
    const start = await f.start();
    expect(start.searchParams.get('code_challenge_method')).toBe('S256');
    expect(start.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(start.searchParams.get('nonce')?.length).toBeGreaterThanOrEqual(22);
    expect(start.searchParams.get('redirect_uri')).toBe('http://localhost:3000/v1/public/sso/oidc/callback');
    const res = await f.callback(await f.authorize(start));
    expect(res.status, res.text).toBe(303);
    expect(res.location).toMatch(/^http:\/\/localhost:3000\/?\?.*stytch_token_type=sso/);
    const session = await exchange(res.location as string);
    expect(session.status, JSON.stringify(session.body)).toBe(200);
    expect(session.body.member.email_address).toBe('ada@oidc.example');
    expect(session.body.member.name).toBe('Ada Lovelace');
    expect(session.body.organization.organization_id).toBe(f.organizationId);
  });

  test('JIT reuse: the same (connection, sub) finds the same member, even after its email changed', async () => {
    const first = await exchange((await f.signIn()).location as string);
    f.op.user = { ...f.op.user, email: 'ada.renamed@oidc.example' };
    const second = await exchange((await f.signIn()).location as string);
    expect(second.status).toBe(200);
    expect(second.body.member.member_id).toBe(first.body.member.member_id);
    const members = await f.t.server.db
      .selectFrom('members')
      .select('id')
      .where('organization_id', '=', f.organizationId)
      .execute();
    expect(members).toHaveLength(1);
  });

  test('the state is single use: replaying the callback is refused', async () => {
    const url = await f.authorize(await f.start());
    expect((await f.callback(url)).status).toBe(303);
    const replay = await f.callback(url);
    expect(replay.status).toBe(400);
    expect(replay.errorType).toBe('sso_request_not_found');
  });

  test('an unknown state is refused with the HTML error page', async () => {
    const url = await f.authorize(await f.start());
    url.searchParams.set('state', 'forged-state-value');
    const res = await f.callback(url);
    expect(res.status).toBe(400);
    expect(res.errorType).toBe('sso_request_not_found');
    expect(res.text).toContain('<!doctype html>');
    expect(res.location).toBeNull();
  });

  test('PKCE: a code from one attempt injected into another fails at the OP and yields an error page, no session', async () => {
    const victim = await f.authorize(await f.start());
    const attacker = await f.authorize(await f.start());
    attacker.searchParams.set('code', victim.searchParams.get('code') as string);
    const res = await f.callback(attacker);
    expect(res.status).toBe(400);
    expect(res.errorType).toBe('oidc_response_invalid');
    expect(f.op.refusals).toEqual(['PKCE verifier mismatch']);
    expect(await f.t.server.db.selectFrom('sessions').select('id').execute()).toHaveLength(0);
  });

  test('an IdP error comes back as a page linking to the login URL with stytch_error', async () => {
    f.op.authResponse = { error: 'access_denied', error_description: 'User <b>cancelled</b>' };
    const res = await f.signIn();
    expect(res.status).toBe(401);
    expect(res.errorType).toBe('idp_error');
    expect(res.text).toContain('stytch_error=idp_error');
    expect(res.text).not.toContain('<b>');
  });

  test('RFC 9207: an authorization response whose iss is another issuer is refused', async () => {
    f.op.authResponse = { iss: 'https://evil.example' };
    const res = await f.signIn();
    expect(res.status).toBe(400);
    expect(res.errorType).toBe('oidc_response_invalid');
  });

  test('a connection deleted mid-flow: the callback is refused, no session', async () => {
    const url = await f.authorize(await f.start());
    const del = await f.t.api(`/sso/${f.organizationId}/connections/${f.connectionId}`, { method: 'DELETE' });
    expect(del.status).toBe(200);
    const res = await f.callback(url);
    // Whether the attempt went with the connection or the connection is missing, it is refused.
    expect([400, 404]).toContain(res.status);
    expect(['sso_request_not_found', 'connection_not_found']).toContain(res.errorType);
    expect(res.location).toBeNull();
    expect(await f.t.server.db.selectFrom('sessions').select('id').execute()).toHaveLength(0);
  });

  test('custom scopes are requested besides openid email profile', async () => {
    await f.t.api(`/sso/oidc/${f.organizationId}/connections/${f.connectionId}`, {
      method: 'PUT',
      body: { custom_scopes: 'groups email' },
    });
    expect((await f.start()).searchParams.get('scope')).toBe('openid email profile groups');
  });

  test('an unverified email neither links nor provisions a member (TEN-02)', async () => {
    f.op.user = { ...f.op.user, email_verified: false };
    const res = await f.signIn();
    expect(res.status).toBe(400);
    expect(res.errorType).toBe('sso_email_missing');
    expect(
      await f.t.server.db.selectFrom('members').select('id').where('organization_id', '=', f.organizationId).execute(),
    ).toHaveLength(0);
  });
});

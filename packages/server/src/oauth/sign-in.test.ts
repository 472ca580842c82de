import { createHash } from 'node:crypto';
import type { OAuthProviderType } from '@orgauth/core/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOAuthFixture, type OAuthFixture, redirected } from './testing/oauth-flow.js';

const VERIFIER = 'v'.repeat(50);
const CHALLENGE = createHash('sha256').update(VERIFIER).digest('base64url');

let f: OAuthFixture;
let orgId: string;

beforeEach(async () => {
  f = await createOAuthFixture();
  const org = await f.t.api('/organizations', {
    body: {
      organization_name: 'Acme',
      organization_slug: 'acme',
      email_jit_provisioning: 'RESTRICTED',
      email_allowed_domains: ['example.com'],
    },
  });
  orgId = org.body.organization.organization_id;
});
afterEach(() => f.close());

/** Signs in to the organization with `provider` and redeems the token on the SDK. */
async function signInAndRedeem(provider: OAuthProviderType) {
  await f.configure(provider);
  const result = await f.signIn(provider, { organization_id: orgId, pkce_code_challenge: CHALLENGE });
  const q = redirected(result);
  expect(q.get('stytch_token_type'), result.location ?? '').toBe('oauth');
  return f.t.sdk('/b2b/oauth/authenticate', {
    body: { oauth_token: q.get('token'), pkce_code_verifier: VERIFIER, session_duration_minutes: 60 },
  });
}

describe('OAuth sign-in into an organization, per provider', () => {
  it.each([
    ['google', 'person-1'],
    ['microsoft', 'person-1'],
    ['github', '1'],
    ['slack', 'person-1'],
    ['hubspot', '1'],
  ] as const)('%s: provider → callback → oauth token → session with the OAuth factor', async (provider, subject) => {
    const res = await signInAndRedeem(provider);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const data = res.body.data;
    expect(data.member.email_address).toBe('ada@example.com');
    expect(data.organization.organization_id).toBe(orgId);
    expect(data.provider_type).toBe(provider);
    expect(data.provider_subject).toBe(subject);
    expect(data.provider_values.access_token).toMatch(/^at-/);
    expect(data.reset_sessions).toBe(false);
    const factor = data.member_session.authentication_factors[0];
    expect(factor.type).toBe('oauth');
    expect(factor.delivery_method).toBe(`oauth_${provider}`);
    expect(factor[`${provider}_oauth_factor`].provider_subject).toBe(subject);
    expect(factor[`${provider}_oauth_factor`].email_id).toMatch(/^member-email-/);
    // The provider's tokens are stored sealed, never in clear (docs/security.md O21).
    const reg = await f.t.server.db.selectFrom('oauth_registrations').selectAll().executeTakeFirstOrThrow();
    expect(reg.provider_subject).toBe(subject);
    expect(reg.access_token).not.toBe(data.provider_values.access_token);
    expect(reg.access_token).not.toContain('at-');
  });

  it('a returning identity finds its member by (provider, subject), even after its email changed', async () => {
    expect((await signInAndRedeem('google')).status).toBe(200);
    f.fake.person = { ...f.fake.person, email: 'renamed@example.com' };
    const again = await signInAndRedeem('google');
    expect(again.status).toBe(200);
    expect(again.body.data.member.email_address).toBe('ada@example.com');
  });

  it('the start redirects to the provider with state, nonce, PKCE S256 and the binding cookie', async () => {
    await f.configure('google');
    const res = await f.start('google', {
      slug: 'acme',
      custom_scopes: 'https://x.example/s',
      provider_prompt: 'select_account',
    });
    expect(res.status).toBe(302);
    const to = new URL(res.headers.get('location') ?? '');
    expect(to.origin + to.pathname).toBe(`${f.fake.origin}/google/authorize`);
    const q = to.searchParams;
    expect(q.get('redirect_uri')).toMatch(/\/v1\/b2b\/public\/oauth\/callback$/);
    expect(q.get('state')).toMatch(/^[\w-]{43}$/);
    expect(q.get('nonce')).toBeTruthy();
    expect(q.get('code_challenge_method')).toBe('S256');
    expect(q.get('scope')).toBe('openid email profile https://x.example/s');
    expect(q.get('prompt')).toBe('select_account');
    expect(res.headers.getSetCookie().join()).toMatch(/orgauth_oidc_\w+=.+HttpOnly.+SameSite=Lax/i);
  });

  it('a provider_* parameter cannot replace our own (state, redirect_uri, …)', async () => {
    await f.configure('google');
    const res = await f.start('google', { organization_id: orgId, provider_state: 'x' });
    expect(res.status).toBe(400);
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import type { OAuthProviderType } from '@orgauth/core/protocol';
import type { JWTPayload } from 'jose';
import { createOAuthFixture, type OAuthFixture, redirected } from './testing/oauth-flow.js';

let f: OAuthFixture;
afterEach(() => f.close());

async function setUp() {
  f = await createOAuthFixture();
  await f.t.api('/organizations', {
    body: {
      organization_name: 'Acme',
      organization_slug: 'acme',
      email_jit_provisioning: 'RESTRICTED',
      email_allowed_domains: ['example.com'],
    },
  });
}

/** Signs in with `provider` after `forge` rewrote the ID token; the error type and its words. */
async function signInForged(provider: OAuthProviderType, forge?: (c: JWTPayload) => JWTPayload) {
  await f.configure(provider);
  f.fake.claims = forge;
  const res = await f.signIn(provider, { slug: 'acme' });
  const q = redirected(res);
  return { error: q.get('stytch_error'), words: q.get('stytch_error_description') ?? '', token: q.get('token') };
}

const members = () => f.t.server.db.selectFrom('members').select(['email', 'status']).execute();

describe('ID tokens of Google and Microsoft (docs/security.md O4, O5, O6, O8, O17)', () => {
  it('O4: a nonce other than this attempt’s is refused', async () => {
    await setUp();
    const r = await signInForged('google', (c) => ({ ...c, nonce: 'another-attempt' }));
    expect(r.error).toBe('oidc_response_invalid');
    expect(r.words).toMatch(/nonce/);
    expect(await members()).toEqual([]);
  });

  it('O5: an issuer other than the provider’s is refused', async () => {
    await setUp();
    const r = await signInForged('google', (c) => ({ ...c, iss: 'https://evil.example' }));
    expect(r.error).toBe('oidc_response_invalid');
    expect(r.words).toMatch(/iss/);
  });

  it('O8: an audience other than our client id is refused', async () => {
    await setUp();
    const r = await signInForged('google', (c) => ({ ...c, aud: 'someone-elses-client' }));
    expect(r.error).toBe('oidc_response_invalid');
    expect(r.words).toMatch(/aud/);
  });

  it('O6: a discovery document naming another issuer is refused', async () => {
    await setUp();
    f.fake.discoveryIssuer = 'https://login.evil.example/{tenantid}/v2.0';
    const r = await signInForged('microsoft');
    expect(r.error).toBe('oauth_response_invalid');
    expect(r.words).toMatch(/discovery document names issuer/);
  });

  it('O17: Microsoft — a token of one tenant carrying another tenant’s issuer is refused', async () => {
    await setUp();
    const r = await signInForged('microsoft', (c) => ({
      ...c,
      tid: 'tenant-victim',
      iss: `${f.fake.origin}/microsoft/tenant-attacker/v2.0`,
    }));
    expect(r.error).toBe('oidc_response_invalid');
    expect(r.token).toBeNull();
  });

  it('O17: Microsoft — the issuer template matched with the token’s own tid signs in', async () => {
    await setUp();
    f.fake.person = { ...f.fake.person, tid: 'tenant-7' };
    const r = await signInForged('microsoft');
    expect(r.error).toBeNull();
    expect(r.token).toBeTruthy();
  });
});

describe('an unverified email never signs in, links or provisions (docs/security.md TEN-02, O17)', () => {
  it.each([
    ['google', { verified: false }, /Google did not confirm your email/],
    ['github', { verified: false }, /GitHub did not confirm your email/],
    ['slack', { verified: false }, /Slack did not confirm your email/],
    ['microsoft', { xmsEdov: false }, /Microsoft did not confirm that your organization verified/],
  ] as const)('%s: refused in words, no member created or linked', async (provider, change, words) => {
    await setUp();
    // An invited member with that address exists: an unverified claim of it must not take it over.
    const org = await f.t.api('/organizations/acme');
    const orgId = org.body.organization.organization_id;
    await f.t.api(`/organizations/${orgId}/members`, { body: { email_address: 'ada@example.com' } });
    f.fake.person = { ...f.fake.person, ...change };
    const r = await signInForged(provider);
    expect(r.error).toBe('oauth_email_unverified');
    expect(r.words).toMatch(words);
    expect(await f.t.server.db.selectFrom('oauth_registrations').selectAll().execute()).toEqual([]);
    const discovery = await f.signIn(provider, {}, true);
    expect(redirected(discovery).get('stytch_error')).toBe('oauth_email_unverified');
  });
});

import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { createOAuthFixture, type OAuthFixture, redirected } from './testing/oauth-flow.js';

const VERIFIER = 'v'.repeat(50);
const CHALLENGE = createHash('sha256').update(VERIFIER).digest('base64url');
const LOGIN = 'https://app.example/auth';

let f: OAuthFixture;
afterEach(() => f.close());

async function setUp(server = {}) {
  f = await createOAuthFixture(server);
  await f.t.api('/organizations', {
    body: {
      organization_name: 'Acme',
      organization_slug: 'acme',
      email_jit_provisioning: 'RESTRICTED',
      email_allowed_domains: ['example.com'],
    },
  });
  await f.configure('google');
}
const query = (extra: Record<string, string> = {}) => ({ slug: 'acme', login_redirect_url: LOGIN, ...extra });

describe('the attempt is bound to the browser that started it (docs/security.md O1, O2)', () => {
  it('a callback without the binding cookie is refused, and the attempt is spent', async () => {
    await setUp();
    const url = await f.authorize('google', query());
    const other = await f.callback(url, '');
    expect(other.errorType).toBe('oauth_request_not_found');
    expect(redirected(other).get('stytch_error')).toBe('oauth_request_not_found');
    expect(redirected(other).get('stytch_error_description')).toMatch(/not started in this browser/);
    // The rightful browser cannot finish it either: a leaked callback URL burns the attempt.
    expect((await f.callback(url)).errorType).toBe('oauth_request_not_found');
  });

  it("a callback with another browser's cookie is refused", async () => {
    await setUp();
    const url = await f.authorize('google', query());
    const [name] = [...f.cookies.keys()];
    expect((await f.callback(url, `${name}=someone-elses-secret`)).errorType).toBe('oauth_request_not_found');
  });

  it('the state is single use: replaying the callback URL is refused', async () => {
    await setUp();
    const url = await f.authorize('google', query());
    const jar = [...f.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    expect(redirected(await f.callback(url, jar)).get('stytch_token_type')).toBe('oauth');
    expect((await f.callback(url, jar)).errorType).toBe('oauth_request_not_found');
  });

  it('an unknown state gets a page in words (no redirect URL is known)', async () => {
    await setUp();
    const res = await f.t.http('/v1/b2b/public/oauth/callback?state=nope&code=x');
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(await res.text()).toMatch(/unknown, already used, or expired/);
  });

  it("a provider's error answer goes back to the app with stytch_error, in words", async () => {
    await setUp();
    const url = await f.authorize('google', query());
    const state = url.searchParams.get('state') ?? '';
    const denied = new URL(`${url.origin}${url.pathname}?error=access_denied&state=${state}`);
    const res = await f.callback(denied);
    expect(res.status).toBe(303);
    const q = redirected(res);
    expect(res.location?.startsWith(LOGIN)).toBe(true);
    expect(q.get('stytch_error')).toBe('oauth_provider_error');
    expect(q.get('stytch_error_description')).toMatch(/cancelled at Google/);
    expect(q.get('token')).toBeNull();
  });
});

describe('redirect URLs and configuration', () => {
  it('a redirect URL off the allowlist is refused at the start (docs/security.md REDIR-04)', async () => {
    await setUp();
    const res = await f.start('google', query({ login_redirect_url: 'https://evil.example/steal' }));
    expect(res.status).toBe(400);
    expect((await res.json()).error_type).toBe('invalid_redirect_url');
    const discovery = await f.start('google', { discovery_redirect_url: 'https://evil.example/' }, true);
    expect((await discovery.json()).error_type).toBe('invalid_redirect_url');
  });

  it('production without credentials refuses in words and never uses a stand-in', async () => {
    await setUp();
    const res = await f.start('microsoft', query());
    expect(res.status).toBe(404);
    const body = await res.json();
    expect(body.error_type).toBe('oauth_config_not_found');
    expect(body.error_message).toMatch(/Microsoft sign-in is not configured/);
  });

  it('--dev without credentials sends the browser to the built-in stand-in', async () => {
    await setUp({ dev: true, publicUrl: 'http://localhost:3000' });
    const res = await f.start('microsoft', query());
    expect(res.status).toBe(302);
    const to = new URL(res.headers.get('location') ?? '');
    expect(`${to.origin}${to.pathname}`).toBe(
      'http://localhost:3000/dev/oauth/microsoft/login.microsoftonline.com/organizations/oauth2/v2.0/authorize',
    );
    expect(to.searchParams.get('client_id')).toBe('orgauth-stand-in-microsoft');
  });

  it('every provider URL goes through the egress guard: a private address is refused without allowPrivate', async () => {
    await setUp({ allowPrivateIdpNetworks: false });
    const url = await f.authorize('google', query());
    f.fake.requests.length = 0;
    const res = await f.callback(url);
    expect(res.errorType).toBe('oauth_response_invalid');
    expect(redirected(res).get('stytch_error_description')).toMatch(/private or loopback/);
    expect(f.fake.requests).toEqual([]);
  });
});

describe('the oauth token (docs/security.md OIDC-06, CSRF-02)', () => {
  it('with a challenge: the SDK needs the verifier; a wrong one is refused and does not burn the token', async () => {
    await setUp();
    const token = redirected(await f.signIn('google', query({ pkce_code_challenge: CHALLENGE }))).get('token');
    const wrong = await f.t.sdk('/b2b/oauth/authenticate', {
      body: { oauth_token: token, pkce_code_verifier: 'w'.repeat(50) },
    });
    expect(wrong.body.error_type).toBe('pkce_mismatch');
    const none = await f.t.sdk('/b2b/oauth/authenticate', { body: { oauth_token: token } });
    expect(none.body.error_type).toBe('pkce_mismatch');
    const right = await f.t.sdk('/b2b/oauth/authenticate', {
      body: { oauth_token: token, pkce_code_verifier: VERIFIER },
    });
    expect(right.status).toBe(200);
    const again = await f.t.sdk('/b2b/oauth/authenticate', {
      body: { oauth_token: token, pkce_code_verifier: VERIFIER },
    });
    expect(again.body.error_type).toBe('oauth_token_not_found');
  });

  it('without a challenge: only the backend redeems it, never the SDK', async () => {
    await setUp();
    const token = redirected(await f.signIn('google', query())).get('token');
    const sdk = await f.t.sdk('/b2b/oauth/authenticate', { body: { oauth_token: token } });
    expect(sdk.status).toBe(400);
    expect(sdk.body.error_type).toBe('pkce_required');
    const api = await f.t.api('/oauth/authenticate', { body: { oauth_token: token } });
    expect(api.status).toBe(200);
    expect(api.body.member.email_address).toBe('ada@example.com');
  });

  it('expires after 10 minutes', async () => {
    await setUp();
    const token = redirected(await f.signIn('google', query())).get('token');
    f.t.clock.advance(10 * 60_000 + 1);
    expect((await f.t.api('/oauth/authenticate', { body: { oauth_token: token } })).body.error_type).toBe(
      'oauth_token_not_found',
    );
  });

  it('is single use under concurrency: of 20 redeems one succeeds', async () => {
    await setUp();
    const token = redirected(await f.signIn('google', query())).get('token');
    const results = await Promise.all(
      Array.from({ length: 20 }, () => f.t.api('/oauth/authenticate', { body: { oauth_token: token } })),
    );
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.body.error_type === 'oauth_token_not_found')).toHaveLength(19);
  });

  it('bootstrap says PKCE is required for OAuth', async () => {
    await setUp();
    const res = await f.t.sdk(`/projects/bootstrap/${f.t.server.project.public_token}`);
    expect(res.body.data.pkce_required_for_oauth).toBe(true);
  });
});

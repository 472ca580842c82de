import { OAUTH_PROVIDERS } from '@orgauth/core/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { standInClient, standInEndpoints } from '../../oauth/index.js';
import { createTestServer, type TestServer } from '../../testing/test-server.js';
import { STAND_IN_PEOPLE } from './people.js';
import { authorizeAs, pathOf } from './stand-in-flow.js';

// The stand-ins' pickers over the real listener: strict CSP, Cancel, refusals shown (never
// redirected to an unchecked address), and nothing under /dev/oauth without --dev.

const PUBLIC = 'http://localhost:3000';
const CALLBACK = `${PUBLIC}/v1/public/oauth/callback`;
let t: TestServer;

beforeAll(async () => {
  t = await createTestServer({ dev: true, publicUrl: PUBLIC });
});
afterAll(() => t.close());

function authorizeUrl(provider: (typeof OAUTH_PROVIDERS)[number], params: Record<string, string> = {}): string {
  const url = new URL(standInEndpoints(PUBLIC, provider).authorizationUrl);
  const all = {
    client_id: standInClient(provider).clientId,
    response_type: 'code',
    redirect_uri: CALLBACK,
    scope: 'openid email',
    state: 'st',
    ...params,
  };
  for (const [k, v] of Object.entries(all)) url.searchParams.set(k, v);
  return pathOf(url.href);
}

describe('stand-in pickers', () => {
  for (const provider of OAUTH_PROVIDERS) {
    it(`${provider}: lists its people in a script-free page`, async () => {
      const res = await t.http(authorizeUrl(provider));
      const html = await res.text();
      expect(res.status).toBe(200);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("default-src 'none'");
      expect(csp).not.toContain('script-src');
      expect(csp).toContain("frame-ancestors 'none'");
      expect(html).not.toContain('<script');
      for (const p of STAND_IN_PEOPLE[provider]) expect(html).toContain(`value="${p.subject}"`);
      expect(html).toContain('name="cancel"');
    });
  }

  it('Cancel returns error=access_denied with the state to the redirect_uri', async () => {
    const back = await authorizeAs(t, 'github', 'cancel', { publicUrl: PUBLIC, redirectUri: CALLBACK, state: 'xyz' });
    expect(`${back.origin}${back.pathname}`).toBe(CALLBACK);
    expect(Object.fromEntries(back.searchParams)).toEqual({ error: 'access_denied', state: 'xyz' });
  });

  it('answers a picker form once', async () => {
    const html = await (await t.http(authorizeUrl('google'))).text();
    const request = /name="request" value="([^"]+)"/.exec(html)?.[1] ?? '';
    const post = () =>
      t.http(pathOf(standInEndpoints(PUBLIC, 'google').authorizationUrl), {
        method: 'POST',
        body: new URLSearchParams({ request, person: '100000000000000000001' }),
      });
    expect((await post()).status).toBe(303);
    expect((await post()).status).toBe(400);
  });

  it('shows an error page, never a redirect, for an unknown client or a redirect_uri off this server', async () => {
    for (const params of [
      { client_id: 'someone-else' },
      { redirect_uri: 'https://evil.example/cb' },
      { redirect_uri: 'not a url' },
    ]) {
      const res = await t.http(authorizeUrl('google', params));
      expect([res.status, res.headers.get('location')]).toEqual([400, null]);
    }
  });

  it('sends protocol errors back: plain PKCE, no openid scope', async () => {
    const plain = await t.http(authorizeUrl('google', { code_challenge: 'abc', code_challenge_method: 'plain' }));
    expect(new URL(plain.headers.get('location') ?? '').searchParams.get('error')).toBe('invalid_request');
    const noOpenid = await t.http(authorizeUrl('microsoft', { scope: 'email' }));
    expect(new URL(noOpenid.headers.get('location') ?? '').searchParams.get('error')).toBe('invalid_scope');
  });
});

describe('without --dev', () => {
  it('serves none of /dev/oauth', async () => {
    const prod = await createTestServer({ publicUrl: PUBLIC });
    try {
      for (const provider of OAUTH_PROVIDERS) {
        const e = standInEndpoints(PUBLIC, provider);
        for (const url of [e.authorizationUrl, e.tokenUrl, e.discoveryUrl, ...Object.values(e.apis)]) {
          if (url === undefined) continue;
          const res = await prod.http(pathOf(url.replace('{token}', 'x')), {
            method: url === e.tokenUrl ? 'POST' : 'GET',
          });
          expect([url, res.status]).toEqual([url, 404]);
        }
      }
      expect((await prod.http('/dev/oauth/google/avatars/100000000000000000001')).status).toBe(404);
    } finally {
      await prod.close();
    }
  });
});

import { createHash, randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../testing/test-server.js';
import { createDevIdpStore } from './idp-store.js';
import { withDevOidc } from './node-listener.js';
import { createDevOidcProvider, type DevOidcProvider } from './oidc-provider.js';

let t: TestServer;
let http: Server;
let base = '';
let oidc: DevOidcProvider;
let client: { client_id: string; client_secret: string };
const REDIRECT = () => `${base}/v1/public/sso/oidc/callback`;

beforeAll(async () => {
  t = await createTestServer();
  // Listen first: the issuer must be the address the test talks to.
  let listener: Parameters<typeof createServer>[1] = (_req, res) => res.end();
  http = createServer((req, res) => listener?.(req, res));
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  oidc = await createDevOidcProvider({
    store: createDevIdpStore(t.server.db, Date.now, t.server.secretBox),
    publicUrl: base,
  });
  listener = withDevOidc(oidc, (_req, res) => {
    res.writeHead(404);
    res.end('not the provider');
  });
  client = await oidc.createClient(REDIRECT(), { orgName: 'Demo SSO Co', domain: 'demo-sso.test' });
});
afterAll(async () => {
  await new Promise((resolve) => http.close(resolve));
  await t.close();
});

/** A tiny cookie jar over fetch (redirects followed by hand so each hop is visible). */
function browser() {
  const jar = new Map<string, string>();
  return async (url: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    if (jar.size > 0) headers.set('cookie', [...jar].map(([k, v]) => `${k}=${v}`).join('; '));
    const res = await fetch(new URL(url, base), { ...init, headers, redirect: 'manual' });
    for (const line of res.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const i = pair.indexOf('=');
      jar.set(pair.slice(0, i), pair.slice(i + 1));
    }
    return res;
  };
}

async function authorize(params: Record<string, string>) {
  const go = browser();
  const url = new URL(`${oidc.issuer}/auth`);
  for (const [k, v] of Object.entries({
    client_id: client.client_id,
    redirect_uri: REDIRECT(),
    response_type: 'code',
    scope: 'openid email profile',
    ...params,
  }))
    url.searchParams.set(k, v);
  return { go, res: await go(url.href) };
}

describe('dev OIDC provider', () => {
  it('publishes discovery at <issuer>/.well-known/openid-configuration', async () => {
    const res = await fetch(`${base}/dev/idp/oidc/.well-known/openid-configuration`);
    expect(res.status).toBe(200);
    const doc = (await res.json()) as Record<string, unknown>;
    expect(doc.issuer).toBe(`${base}/dev/idp/oidc`);
    expect(doc.authorization_endpoint).toBe(`${base}/dev/idp/oidc/auth`);
    expect(doc.token_endpoint).toBe(`${base}/dev/idp/oidc/token`);
    expect(doc.code_challenge_methods_supported).toEqual(['S256']);
    // Endpoints follow the issuer, not the Host header the request came with.
    const spoofed = await fetch(`${base}/dev/idp/oidc/.well-known/openid-configuration`, {
      headers: { host: 'evil.example' },
    });
    expect(((await spoofed.json()) as Record<string, unknown>).token_endpoint).toBe(`${base}/dev/idp/oidc/token`);
  });

  it('completes a code flow with PKCE: chooser page, code, token, id_token with email_verified and nonce', async () => {
    const verifier = randomBytes(32).toString('base64url');
    const challenge = createHash('sha256').update(verifier).digest('base64url');
    const { go, res } = await authorize({
      state: 'st-1',
      nonce: 'n-1',
      code_challenge: challenge,
      code_challenge_method: 'S256',
    });
    expect(res.status).toBe(303);
    const interaction = res.headers.get('location') ?? '';
    expect(interaction).toContain('/dev/idp/oidc/interaction/');
    const page = await go(interaction);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Sign in to Demo SSO Co');
    expect(html).toContain('ada@demo-sso.test');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    const submitted = await go(interaction, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'person=ada%40demo-sso.test%7CAda%7CLovelace',
    });
    expect(submitted.status).toBe(303);
    let next = submitted.headers.get('location') ?? '';
    for (let hop = 0; hop < 5 && !next.startsWith(REDIRECT()); hop++)
      next = (await go(next)).headers.get('location') ?? '';
    const back = new URL(next);
    expect(back.searchParams.get('state')).toBe('st-1');
    expect(back.searchParams.get('iss')).toBe(oidc.issuer);
    const code = back.searchParams.get('code') ?? '';

    const token = (body: Record<string, string>) =>
      fetch(`${oidc.issuer}/token`, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          authorization: `Basic ${Buffer.from(`${encodeURIComponent(client.client_id)}:${encodeURIComponent(client.client_secret)}`).toString('base64')}`,
        },
        body: new URLSearchParams({ grant_type: 'authorization_code', redirect_uri: REDIRECT(), ...body }),
      });
    const wrong = await token({ code, code_verifier: randomBytes(32).toString('base64url') });
    expect(wrong.status).toBe(400);
    expect(((await wrong.json()) as { error: string }).error).toBe('invalid_grant');

    // The wrong verifier consumed nothing usable: a fresh flow gets a fresh code.
    const again = await authorize({
      state: 'st-2',
      nonce: 'n-2',
      code_challenge: challenge,
      code_challenge_method: 'S256',
    });
    let hop = again.res.headers.get('location') ?? '';
    for (let i = 0; i < 5 && !hop.startsWith(REDIRECT()); i++) {
      const r = hop.includes('/interaction/')
        ? await again.go(hop, {
            method: 'POST',
            headers: { 'content-type': 'application/x-www-form-urlencoded' },
            body: 'person=ada%40demo-sso.test%7CAda%7CLovelace',
          })
        : await again.go(hop);
      hop = r.headers.get('location') ?? '';
    }
    const code2 = new URL(hop).searchParams.get('code') ?? '';
    const ok = await token({ code: code2, code_verifier: verifier });
    expect(ok.status).toBe(200);
    const { id_token } = (await ok.json()) as { id_token: string };
    const { payload, protectedHeader } = await jwtVerify(id_token, createRemoteJWKSet(new URL(`${oidc.issuer}/jwks`)), {
      issuer: oidc.issuer,
      audience: client.client_id,
    });
    expect(protectedHeader.alg).toBe('RS256');
    expect(payload.nonce).toBe('n-2');
    expect(payload.email).toBe('ada@demo-sso.test');
    expect(payload.email_verified).toBe(true);
    expect(payload.given_name).toBe('Ada');
    expect(payload.sub).toMatch(/^dev-[0-9a-f]{32}$/);
  });

  it('asks who signs in every time, even with a live provider session in the browser', async () => {
    const verifier = randomBytes(32).toString('base64url');
    const challenge = createHash('sha256').update(verifier).digest('base64url');
    const url = (state: string) =>
      `${oidc.issuer}/auth?${new URLSearchParams({ client_id: client.client_id, redirect_uri: REDIRECT(), response_type: 'code', scope: 'openid email', state, nonce: state, code_challenge: challenge, code_challenge_method: 'S256' })}`;
    const go = browser();
    for (const [state, email] of [
      ['a', 'ada@demo-sso.test'],
      ['b', 'grace@demo-sso.test'],
    ] as const) {
      const interaction = (await go(url(state))).headers.get('location') ?? '';
      expect(interaction).toContain('/interaction/');
      let next =
        (
          await go(interaction, {
            method: 'POST',
            headers: { 'content-type': 'application/x-www-form-urlencoded' },
            body: new URLSearchParams({ email }).toString(),
          })
        ).headers.get('location') ?? '';
      for (let hop = 0; hop < 5 && !next.startsWith(REDIRECT()); hop++)
        next = (await go(next)).headers.get('location') ?? '';
      const code = new URL(next).searchParams.get('code') ?? '';
      const res = await fetch(`${oidc.issuer}/token`, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          authorization: `Basic ${Buffer.from(`${client.client_id}:${client.client_secret}`).toString('base64')}`,
        },
        body: new URLSearchParams({
          grant_type: 'authorization_code',
          redirect_uri: REDIRECT(),
          code,
          code_verifier: verifier,
        }),
      });
      const { id_token } = (await res.json()) as { id_token: string };
      expect(JSON.parse(Buffer.from(id_token.split('.')[1] ?? '', 'base64url').toString()).email).toBe(email);
    }
  });

  it('requires PKCE: an authorization request without code_challenge is refused', async () => {
    const { res } = await authorize({ state: 's', nonce: 'n' });
    const location = new URL(res.headers.get('location') ?? '', base);
    expect(location.href.startsWith(REDIRECT())).toBe(true);
    expect(location.searchParams.get('error')).toBe('invalid_request');
    expect(location.searchParams.get('error_description')).toMatch(/PKCE/);
  });

  it('refuses an unknown client and a redirect_uri it was not registered with', async () => {
    const unknown = await authorize({
      client_id: 'nobody',
      code_challenge: 'x'.repeat(43),
      code_challenge_method: 'S256',
    });
    expect(unknown.res.status).toBe(400);
    const other = await authorize({
      redirect_uri: 'https://evil.example/cb',
      code_challenge: 'x'.repeat(43),
      code_challenge_method: 'S256',
    });
    expect(other.res.status).toBe(400);
  });

  it('stores the client secret and the signing key sealed, never in plaintext', async () => {
    const rows = await (
      t.server.db as never as {
        selectFrom(t: string): { selectAll(): { execute(): Promise<Record<string, unknown>[]> } };
      }
    )
      .selectFrom('dev_idp_clients')
      .selectAll()
      .execute();
    const dump = JSON.stringify(rows);
    expect(dump).not.toContain(client.client_secret);
    const keys = await (
      t.server.db as never as {
        selectFrom(t: string): { selectAll(): { execute(): Promise<Record<string, unknown>[]> } };
      }
    )
      .selectFrom('dev_idp_keys')
      .selectAll()
      .execute();
    expect(JSON.stringify(keys)).not.toContain('PRIVATE KEY');
  });
});

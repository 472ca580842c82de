import { afterEach, describe, expect, test } from 'vitest';
import { sha256Hex } from '../../lib/crypto.js';
import { snapshot } from '../../testing/db-snapshot.js';
import { CookieJar, createOidcFixture, type OidcFixture } from './testing/oidc-flow.js';

// docs/security.md O2: the OIDC `state` is bound to the browser that started the flow by a cookie. The
// Set-Cookie lines are read over a real socket (TestServer.http, the CLI's listener).

let f: OidcFixture;
afterEach(async () => {
  await f.close();
});

const cookieName = (url: URL) => `orgauth_oidc_${sha256Hex(url.searchParams.get('state') ?? '').slice(0, 12)}`;

/** Database state apart from `sso_requests.used_at` (a refused callback still spends its attempt). */
async function stateOf(f: OidcFixture) {
  const all = await snapshot(f.t.server.db);
  const requests = await f.t.server.db.selectFrom('sso_requests').selectAll().orderBy('id_hash').execute();
  return { ...all, sso_requests: requests.map((r) => JSON.stringify({ ...r, used_at: null })) };
}

/** Runs a callback that must be refused: 400 `sso_request_not_found` page, no session/member/token written. */
async function expectRefused(url: URL, cookie: string) {
  const before = await stateOf(f);
  const res = await f.callback(url, cookie);
  expect(res.status, res.text).toBe(400);
  expect(res.errorType).toBe('sso_request_not_found');
  expect(res.location).toBeNull();
  expect(res.text).toContain('not started in this browser');
  expect(await stateOf(f)).toEqual(before);
  for (const table of ['sessions', 'members', 'sso_identities'] as const)
    expect(await f.t.server.db.selectFrom(table).selectAll().execute()).toHaveLength(0);
  expect(
    await f.t.server.db.selectFrom('one_time_tokens').select('hash').where('kind', '=', 'sso').execute(),
  ).toHaveLength(0);
  return res;
}

describe('OIDC state bound to the starting browser (http public URL)', () => {
  test('the start sets a per-flow HttpOnly Lax cookie whose secret is stored only as SHA-256', async () => {
    f = await createOidcFixture();
    const res = await f.t.http(
      `/v1/public/sso/start?connection_id=${f.connectionId}&public_token=${f.t.server.project.public_token}`,
    );
    expect(res.status).toBe(302);
    const url = new URL(res.headers.get('location') ?? '');
    const [line, ...more] = res.headers.getSetCookie();
    expect(more).toEqual([]);
    const [pair = '', ...attributes] = (line ?? '').split('; ');
    const [name, value = ''] = pair.split('=');
    expect(name).toBe(cookieName(url));
    expect(value).toMatch(/^[A-Za-z0-9_-]{43,}$/); // ≥ 256 bits of base64url
    // http (local dev, tests): no __Host- prefix and no Secure, which non-Chrome browsers refuse on http.
    expect(attributes.sort()).toEqual(['HttpOnly', 'Max-Age=600', 'Path=/', 'SameSite=Lax']);
    const row = await f.t.server.db.selectFrom('sso_requests').selectAll().executeTakeFirstOrThrow();
    expect(row.browser_binding_hash).toBe(sha256Hex(value));
    expect(JSON.stringify(row)).not.toContain(value);
  });

  test('happy path: the cookie comes back, the sign-in succeeds and the callback clears the cookie', async () => {
    f = await createOidcFixture();
    const url = await f.authorize(await f.start());
    expect([...f.jar.cookies.keys()]).toEqual([cookieName(url)]);
    const res = await f.callback(url);
    expect(res.status, res.text).toBe(303);
    expect(res.location).toContain('stytch_token_type=sso');
    expect(res.setCookies).toEqual([`${cookieName(url)}=; Max-Age=0; Path=/; HttpOnly; SameSite=Lax`]);
    expect(f.jar.cookies.size).toBe(0);
  });

  test('a callback without the cookie (another browser) is refused, clears the cookie, and spends the attempt', async () => {
    f = await createOidcFixture();
    const url = await f.authorize(await f.start());
    const res = await expectRefused(url, '');
    expect(res.setCookies).toEqual([`${cookieName(url)}=; Max-Age=0; Path=/; HttpOnly; SameSite=Lax`]);
    // Decision: a callback URL seen in a foreign browser has leaked, so the attempt is burnt; the
    // starting browser must start again.
    const own = await f.callback(url);
    expect(own.status).toBe(400);
    expect(own.errorType).toBe('sso_request_not_found');
  });

  test("another flow's cookie, or a wrong value under the right name, is refused", async () => {
    f = await createOidcFixture();
    const victim = await f.authorize(await f.start());
    const other = new CookieJar();
    const attackerStart = await f.t.http(
      `/v1/public/sso/start?connection_id=${f.connectionId}&public_token=${f.t.server.project.public_token}`,
    );
    other.take(attackerStart);
    // The attacker's own (valid) cookie, as set for their flow.
    await expectRefused(victim, other.header());
    const victim2 = await f.authorize(await f.start());
    // Their secret renamed to the victim flow's cookie name.
    await expectRefused(victim2, `${cookieName(victim2)}=${[...other.cookies.values()][0]}`);
    const victim3 = await f.authorize(await f.start());
    await expectRefused(victim3, `${cookieName(victim3)}=${'A'.repeat(44)}`);
    await expectRefused(await f.authorize(await f.start()), `${cookieName(victim3)}=`);
  });

  test('a request stored without a binding (started before the upgrade) is refused even with a cookie', async () => {
    f = await createOidcFixture();
    const url = await f.authorize(await f.start());
    await f.t.server.db.updateTable('sso_requests').set({ browser_binding_hash: null }).execute();
    await expectRefused(url, f.jar.header());
  });

  test('two tabs: each flow has its own cookie, both finish', async () => {
    f = await createOidcFixture();
    const first = await f.authorize(await f.start());
    const second = await f.authorize(await f.start());
    expect(f.jar.cookies.size).toBe(2);
    expect((await f.callback(second)).status).toBe(303);
    expect((await f.callback(first)).status).toBe(303);
    expect(f.jar.cookies.size).toBe(0);
  });
});

describe('OIDC browser binding on an https public URL', () => {
  test('the cookie is __Host- prefixed and Secure, and the flow finishes with it', async () => {
    f = await createOidcFixture('ALL_ALLOWED', { server: { publicUrl: 'https://auth.example.test' } });
    const start = await f.start();
    expect(start.searchParams.get('redirect_uri')).toBe('https://auth.example.test/v1/public/sso/oidc/callback');
    const url = await f.authorize(start);
    const row = await f.t.server.db.selectFrom('sso_requests').select('browser_binding_hash').executeTakeFirstOrThrow();
    const [[name, value]] = [...f.jar.cookies] as [[string, string]];
    expect(name).toBe(`__Host-${cookieName(url)}`);
    expect(sha256Hex(value)).toBe(row.browser_binding_hash);
    const res = await f.callback(url);
    expect(res.status, res.text).toBe(303);
    expect(res.setCookies).toEqual([`__Host-${cookieName(url)}=; Max-Age=0; Path=/; HttpOnly; Secure; SameSite=Lax`]);
  });

  test('the set-cookie line carries Secure, HttpOnly, SameSite=Lax, Path=/ and no Domain', async () => {
    f = await createOidcFixture('ALL_ALLOWED', { server: { publicUrl: 'https://auth.example.test' } });
    const res = await f.t.http(
      `/v1/public/sso/start?connection_id=${f.connectionId}&public_token=${f.t.server.project.public_token}`,
    );
    const url = new URL(res.headers.get('location') ?? '');
    const [line = ''] = res.headers.getSetCookie();
    const [pair = '', ...attributes] = line.split('; ');
    expect(pair.startsWith(`__Host-${cookieName(url)}=`)).toBe(true);
    expect(attributes.sort()).toEqual(['HttpOnly', 'Max-Age=600', 'Path=/', 'SameSite=Lax', 'Secure']);
    // The plain (unprefixed) name is not accepted in its place: a sibling subdomain could set that one.
    const back = await f.authorize(url);
    await expectRefused(back, `${cookieName(url)}=${pair.slice(pair.indexOf('=') + 1)}`);
  });
});

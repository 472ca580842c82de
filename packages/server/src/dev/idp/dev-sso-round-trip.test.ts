import { createServer, type RequestListener } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listen, type FetchHandler, type Listener } from '../../http/listen.js';
import { TEST_PKCE } from '../../testing/journey.js';
import { createTestServer, type TestServer } from '../../testing/test-server.js';
import { setUpDevSso, type DevSso } from './dev-sso-setup.js';
import { withDevOidc } from './node-listener.js';
import { seedDemoSso } from './demo-sso.js';

// The whole `npm start` path over real HTTP: the CLI's seeding and routing (its listener,
// http/listen.ts, with the dev OIDC provider in front), SSO start / ACS / authenticate, the OIDC RP,
// and this IdP — a browser simulated with fetch.
let t: TestServer;
let http: Listener;
let base = '';
let ids: { saml: string; oidc: string; locked: string };

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"' };
const unescapeXml = (s: string) =>
  s.replace(/&(?:#(\d+)|(amp|lt|gt|quot));/g, (_m, n: string | undefined, name: string | undefined) =>
    n ? String.fromCharCode(Number(n)) : (ENTITIES[name ?? ''] ?? ''),
  );
function formOf(html: string): { action: string; fields: Record<string, string> } {
  const action = unescapeXml(/<form method="post" action="([^"]*)"/.exec(html)?.[1] ?? '');
  const fields: Record<string, string> = {};
  for (const m of html.matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)">/g))
    fields[unescapeXml(m[1] ?? '')] = unescapeXml(m[2] ?? '');
  return { action, fields };
}

function browser() {
  const jar = new Map<string, string>();
  return async (url: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    if (jar.size > 0) headers.set('cookie', [...jar].map(([k, v]) => `${k}=${v}`).join('; '));
    const res = await fetch(new URL(url, base), { ...init, headers, redirect: 'manual' });
    for (const line of res.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      jar.set(pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1));
    }
    return res;
  };
}
const post = (fields: Record<string, string>): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(fields).toString(),
});

beforeAll(async () => {
  // The public URL (issuer, ACS URLs) must name the port, which is known only once listening: the
  // server and the dev IdP are plugged into the listener after it is up, as the CLI would have them.
  let app: FetchHandler = () => new Response(null, { status: 503 });
  let dev: DevSso | undefined;
  // dev.createServer (node-listener.ts devOidcCreateServer), with the provider looked up per request.
  const createLate = ((options: object, listener: RequestListener) =>
    createServer(options, (req, res) => withDevOidc(dev?.oidc, listener)(req, res))) as unknown as typeof createServer;
  http = await listen({
    fetch: (request, env) => app(request, env),
    port: 0,
    hostname: '127.0.0.1',
    createServer: createLate,
  });
  base = http.origin;
  t = await createTestServer({ dev: true, publicUrl: base });
  // oidc-provider stamps id_tokens with the real time; the RP checks them against the server clock.
  t.clock.advance(Date.now() - t.clock.now());
  dev = await setUpDevSso(t.server, base);
  ids = {
    saml: dev.seeded.demo.saml_connection_id,
    oidc: dev.seeded.demo.oidc_connection_id ?? '',
    locked: dev.seeded.locked.saml_connection_id,
  };
  app = (request, env) => t.server.app.fetch(request, env);
});
afterAll(async () => {
  await http.close();
  await t.close();
});

async function samlSignIn(connectionId: string, person: string) {
  const go = browser();
  const start = await go(
    `/v1/public/sso/start?connection_id=${connectionId}&public_token=${t.server.project.public_token}&pkce_code_challenge=${TEST_PKCE.challenge}`,
  );
  expect(start.status).toBe(302);
  const idpUrl = start.headers.get('location') ?? '';
  expect(idpUrl.startsWith(`${base}/dev/idp/saml/${connectionId}/sso?SAMLRequest=`)).toBe(true);
  const chooser = await go(idpUrl);
  expect(chooser.status).toBe(200);
  const { action, fields } = formOf(await chooser.text());
  const auto = await go(action, post({ ...fields, person }));
  expect(auto.status).toBe(200);
  const html = await auto.text();
  expect(auto.headers.get('content-security-policy')).toMatch(/script-src 'nonce-[^']+'/);
  const acs = formOf(html);
  expect(acs.action).toBe(`${base}/v1/public/sso/saml/${connectionId}/acs`);
  return go(acs.action, post(acs.fields));
}

async function authenticate(location: string) {
  const url = new URL(location);
  expect(url.searchParams.get('stytch_token_type')).toBe('sso');
  return t.sdk('/b2b/sso/authenticate', {
    method: 'POST',
    body: {
      sso_token: url.searchParams.get('token'),
      session_duration_minutes: 60,
      pkce_code_verifier: TEST_PKCE.verifier,
    },
  });
}

describe('demo SSO through the built-in test IdP', () => {
  it('SAML: first sign-in JIT-creates the member, the second reuses it', async () => {
    const first = await samlSignIn(ids.saml, 'ada@demo-sso.test|Ada|Lovelace');
    expect(first.status).toBe(303);
    const a = await authenticate(first.headers.get('location') ?? '');
    expect(a.status).toBe(200);
    expect(a.body.data.member.email_address).toBe('ada@demo-sso.test');
    expect(a.body.data.member.name).toBe('Ada Lovelace');
    const second = await authenticate(
      (await samlSignIn(ids.saml, 'ada@demo-sso.test|Ada|Lovelace')).headers.get('location') ?? '',
    );
    expect(second.body.data.member.member_id).toBe(a.body.data.member.member_id);
  });

  it('SAML: a NOT_ALLOWED organization refuses an unknown member with a page, not a token', async () => {
    const res = await samlSignIn(ids.locked, 'grace@locked-co.test|Grace|Hopper');
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.headers.get('location')).toBeNull();
    const html = await res.text();
    expect(html).toContain('sso_jit_provisioning_not_allowed');
    expect(html).toContain('stytch_error=sso_jit_provisioning_not_allowed');
  });

  it('OIDC: code + PKCE through the dev provider signs grace in', async () => {
    const go = browser();
    const start = await go(
      `/v1/public/sso/start?connection_id=${ids.oidc}&public_token=${t.server.project.public_token}&pkce_code_challenge=${TEST_PKCE.challenge}`,
    );
    expect(start.status).toBe(302);
    let next = start.headers.get('location') ?? '';
    expect(next.startsWith(`${base}/dev/idp/oidc/auth?`)).toBe(true);
    // auth → interaction (chooser page) → POST the person → auth resume → our callback → app URL.
    for (let hop = 0; hop < 8 && !next.includes('stytch_token_type'); hop++) {
      const res = await go(next);
      const onChooser = res.status === 200 && next.includes('/dev/idp/oidc/interaction/');
      const moved = onChooser ? await go(next, post({ person: 'grace@demo-sso.test|Grace|Hopper' })) : res;
      next = new URL(moved.headers.get('location') ?? '', base).href;
    }
    const auth = await authenticate(next);
    expect(auth.status).toBe(200);
    expect(auth.body.data.member.email_address).toBe('grace@demo-sso.test');
  });

  it('seeding is idempotent: a second run keeps the organizations and connections', async () => {
    const again = await seedDemoSso({
      db: t.server.db,
      secretBox: t.server.secretBox,
      projectId: t.server.project.project_id,
      publicUrl: base,
    });
    expect(again.demo.saml_connection_id).toBe(ids.saml);
    expect(again.demo.oidc_connection_id).toBe(ids.oidc);
    expect(again.locked.saml_connection_id).toBe(ids.locked);
    const conns = await t.api(`/sso/${again.demo.organization_id}`);
    expect(conns.body.saml_connections).toHaveLength(1);
    expect(conns.body.saml_connections[0].status).toBe('active');
    expect(conns.body.saml_connections[0].verification_certificates).toHaveLength(1);
    expect(conns.body.oidc_connections[0].status).toBe('active');
  });
});

describe('without --dev', () => {
  it('mounts no test IdP', async () => {
    const plain = await createTestServer();
    try {
      for (const path of ['/dev/idp/saml/metadata', '/dev/idp/saml/x/sso?SAMLRequest=a']) {
        const res = await plain.http(path);
        expect(res.status).toBe(404);
      }
    } finally {
      await plain.close();
    }
  });
});

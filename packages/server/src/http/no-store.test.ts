import { afterEach, describe, expect, test } from 'vitest';
import {
  postAcs,
  samlSignIn,
  SDK_SSO_START,
  sdkSsoAuthenticate,
  setupSamlConnection,
  ssoStartRaw,
  ssoTokenOf,
  startSamlSso,
} from '../sso/saml/testing/saml-flow.js';
import { createOidcFixture } from '../sso/oidc/testing/oidc-flow.js';
import { mailDiscoveryToken, TEST_PKCE } from '../testing/journey.js';
import { createTestServer, latestMagicLinkToken, type TestResponse, type TestServer } from '../testing/test-server.js';

// SES-12: every answer that carries a session, an IST or a one-time token is `Cache-Control:
// no-store`, so no browser, proxy or CDN keeps a copy. The backend and SDK APIs get it from one
// middleware (app.ts); the browser-facing SSO redirects set it themselves (sso/public-routes.ts, sso/oidc/callback-routes.ts).
// Every answer is read over a real socket through the CLI's listener (TestServer `sdk`, `api`,
// `http` and the SSO flow helpers built on them).

let t: TestServer | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

/** One token-bearing answer: what it is, and the credential it must carry (proves it is one). */
type Row = [name: string, res: TestResponse | Response, credential: string | null | undefined];

const data = (res: TestResponse) => res.body?.data ?? res.body;

/** Asserts every row carried its credential and forbade caching. */
function expectNoStore(rows: Row[]): void {
  const seen = rows.map(([name, res, credential]) => [
    name,
    res.status < 400 && typeof credential === 'string' && credential !== '',
    res.headers.get('cache-control'),
  ]);
  expect(seen).toEqual(rows.map(([name]) => [name, true, 'no-store']));
}

describe('Cache-Control: no-store on token-bearing answers', () => {
  test('SDK and backend: magic links, discovery, sessions, SSO authenticate', async () => {
    const s = (t = await createTestServer({ dev: true }));
    const rows: Row[] = [];
    const discoverVia = async (api: 'sdk' | 'api', email: string) => {
      const token = await mailDiscoveryToken(s, email);
      const path = api === 'sdk' ? '/b2b/magic_links/discovery/authenticate' : '/magic_links/discovery/authenticate';
      const body = { discovery_magic_links_token: token, pkce_code_verifier: TEST_PKCE.verifier };
      const res = api === 'sdk' ? await s.sdk(path, { body }) : await s.api(path, { body });
      rows.push([`${api} ${path}`, res, data(res).intermediate_session_token]);
      return data(res).intermediate_session_token as string;
    };
    const create = (ist: string, slug: string) => ({
      intermediate_session_token: ist,
      organization_name: slug,
      organization_slug: slug,
    });
    const sdkCreate = await s.sdk('/b2b/discovery/organizations/create', {
      body: create(await discoverVia('sdk', 'ada@acme.test'), 'acme'),
    });
    rows.push(['sdk discovery/organizations/create', sdkCreate, data(sdkCreate).session_token]);
    const apiCreate = await s.api('/discovery/organizations/create', {
      body: create(await discoverVia('api', 'ada@acme.test'), 'beta'),
    });
    rows.push(['api discovery/organizations/create', apiCreate, apiCreate.body.session_token]);
    const exchange = (ist: string, org: string) => ({ intermediate_session_token: ist, organization_id: org });
    const sdkIst = await s.sdk('/b2b/discovery/intermediate_sessions/exchange', {
      body: exchange(await discoverVia('sdk', 'ada@acme.test'), 'acme'),
    });
    rows.push(['sdk discovery/intermediate_sessions/exchange', sdkIst, data(sdkIst).session_token]);
    const apiIst = await s.api('/discovery/intermediate_sessions/exchange', {
      body: exchange(await discoverVia('api', 'ada@acme.test'), 'beta'),
    });
    rows.push(['api discovery/intermediate_sessions/exchange', apiIst, apiIst.body.session_token]);

    const link = async () => {
      await s.api('/magic_links/email/send', { body: { organization_id: 'acme', email_address: 'ada@acme.test' } });
      return { magic_links_token: (await latestMagicLinkToken(s.server, 'ada@acme.test')).token };
    };
    const sdkLink = await s.sdk('/b2b/magic_links/authenticate', { body: await link() });
    rows.push(['sdk magic_links/authenticate', sdkLink, data(sdkLink).session_token]);
    const apiLink = await s.api('/magic_links/authenticate', { body: await link() });
    rows.push(['api magic_links/authenticate', apiLink, apiLink.body.session_token]);
    const session = apiLink.body.session_token as string;

    const sdkAuth = await s.sdk('/b2b/sessions/authenticate', { session, body: {} });
    rows.push(['sdk sessions/authenticate', sdkAuth, data(sdkAuth).session_jwt]);
    const apiAuth = await s.api('/sessions/authenticate', { body: { session_token: session } });
    rows.push(['api sessions/authenticate', apiAuth, apiAuth.body.session_jwt]);
    const sdkSwitch = await s.sdk('/b2b/sessions/exchange', { session, body: { organization_id: 'beta' } });
    rows.push(['sdk sessions/exchange', sdkSwitch, data(sdkSwitch).session_token]);
    const apiSwitch = await s.api('/sessions/exchange', {
      body: { session_token: data(sdkSwitch).session_token, organization_id: 'acme' },
    });
    rows.push(['api sessions/exchange', apiSwitch, apiSwitch.body.session_token]);

    const setup = await setupSamlConnection(s, { slug: 'sso-co' });
    const sdkSso = await sdkSsoAuthenticate(
      s,
      await ssoTokenOf(await samlSignIn(s, setup, 'ada@sso-co.test', {}, SDK_SSO_START)),
    );
    rows.push(['sdk sso/authenticate', sdkSso, data(sdkSso).session_token]);
    const apiSso = await s.api('/sso/authenticate', {
      body: { sso_token: await ssoTokenOf(await samlSignIn(s, setup, 'ada@sso-co.test')) },
    });
    rows.push(['api sso/authenticate', apiSso, apiSso.body.session_token]);
    expectNoStore(rows);
    // Refusals on those paths too (the middleware covers every /sdk and /v1/b2b answer).
    expect(
      (await s.api('/sessions/authenticate', { body: { session_token: 'nope' } })).headers.get('cache-control'),
    ).toBe('no-store');
  }, 60_000);

  test('browser-facing SSO: start redirect, SAML ACS redirect and error page, OIDC callback redirect', async () => {
    const s = (t = await createTestServer({ dev: true }));
    const setup = await setupSamlConnection(s, { slug: 'sso-co' });
    const start = await ssoStartRaw(s, { connection_id: setup.connectionId });
    const acs = await samlSignIn(s, setup, 'ada@sso-co.test');
    const { relayState } = await startSamlSso(s, setup.connectionId);
    const refused = await postAcs(s, setup.connectionId, Buffer.from('<nope/>').toString('base64'), relayState);
    expect(refused.status).toBeGreaterThanOrEqual(400);
    expectNoStore([
      ['SSO start 302', start, new URL(start.headers.get('location') ?? '').searchParams.get('RelayState')],
      ['SAML ACS 303', acs, new URL(acs.headers.get('location') ?? '').searchParams.get('token')],
    ]);
    expect(refused.headers.get('cache-control')).toBe('no-store');

    const f = await createOidcFixture();
    try {
      const callbackUrl = await f.authorize(await f.start());
      const res = await f.t.http(`${callbackUrl.pathname}${callbackUrl.search}`, {
        headers: { cookie: f.jar.header() },
      });
      expectNoStore([['OIDC callback 303', res, new URL(res.headers.get('location') ?? '').searchParams.get('token')]]);
    } finally {
      await f.close();
    }
  });
});

test('JWKS stays cacheable: public keys, and verifiers fetch them often', async () => {
  t = await createTestServer();
  const res = await t.http(`/v1/b2b/sessions/jwks/${t.server.project.project_id}`);
  expect(res.status).toBe(200);
  expect(res.headers.get('cache-control')).toBe('public, max-age=300');
  expect(((await res.json()) as { keys: unknown[] }).keys.length).toBeGreaterThan(0);
});

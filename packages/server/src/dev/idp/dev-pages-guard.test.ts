import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createProjectStore } from '../../projects/store.js';
import { listen, type Listener } from '../../http/listen.js';
import { createTestServer, type TestServer } from '../../testing/test-server.js';
import { setUpDevSso } from './dev-sso-setup.js';

// The `--dev` pages over the real listener (http/listen.ts): no framing anywhere, and a test IdP whose
// CSP `form-action` lets the browser return to an application on another origin. Chromium applies
// `form-action` to the redirects that follow a form post (SAML: auto-post → ACS → 303 to the app;
// OIDC: chooser POST → provider → our callback → the app), so without the apps' origins there the
// SSO sign-in of a cross-origin app stops at the IdP. The e2e cross-origin SSO journeys prove it in
// Chromium; these tests pin the headers.

const PUBLIC_URL = 'http://auth.dev.test:3000';
const TEST_APP = 'http://localhost:3100';
const LIVE_APP = 'https://app.live.example';
/** The test project's default origin (projects/bootstrap.ts), then the two added here, sorted. */
const APPS = ['http://localhost:3000', TEST_APP, LIVE_APP];

let t: TestServer;
let idp: Listener;
let ids: { saml: string; oidc: string };

/** Follows a Location on our listener (the public URL's host is not resolvable here). */
const onListener = (location: string) => {
  const url = new URL(location, idp.origin);
  return `${idp.origin}${url.pathname}${url.search}`;
};

function browser() {
  const jar = new Map<string, string>();
  return async (url: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    if (jar.size > 0) headers.set('cookie', [...jar].map(([k, v]) => `${k}=${v}`).join('; '));
    const res = await fetch(onListener(url), { ...init, headers, redirect: 'manual' });
    for (const line of res.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      jar.set(pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1));
    }
    return res;
  };
}

const formAction = (res: Response) =>
  /form-action ([^;]*)/.exec(res.headers.get('content-security-policy') ?? '')?.[1]?.split(' ') ?? [];
const expectNoFraming = (name: string, res: Response) => {
  expect([name, res.headers.get('x-frame-options')]).toEqual([name, 'DENY']);
  expect([name, res.headers.get('content-security-policy')]).toEqual([
    name,
    expect.stringContaining("frame-ancestors 'none'"),
  ]);
};

beforeAll(async () => {
  t = await createTestServer({ dev: true, publicUrl: PUBLIC_URL });
  t.clock.advance(Date.now() - t.clock.now());
  await t.server.projects.addAuthorizedOrigin(TEST_APP);
  await createProjectStore(t.server.db, Date.now).addAuthorizedOrigin(t.server.project.live.project_id, LIVE_APP);
  const dev = await setUpDevSso(t.server, PUBLIC_URL);
  ids = { saml: dev.seeded.demo.saml_connection_id, oidc: dev.seeded.demo.oidc_connection_id ?? '' };
  // The CLI's composition: Hono behind the dev OIDC provider's Node handler.
  idp = await listen({
    fetch: (req) => t.server.app.fetch(req),
    port: 0,
    hostname: '127.0.0.1',
    createServer: dev.createServer,
  });
});
afterAll(async () => {
  await idp.close();
  await t.close();
});

describe('--dev pages refuse to be framed', () => {
  test('mailbox, events and SAML IdP pages (X-Frame-Options and CSP frame-ancestors)', async () => {
    for (const path of [
      '/dev/mailbox',
      '/dev/mailbox.json',
      '/dev/events',
      '/dev/idp/saml/metadata',
      '/dev/idp/saml/sso?SAMLRequest=bm90',
    ]) {
      expectNoFraming(path, await t.http(path));
    }
  });

  test('the OIDC provider pages, its error page included', async () => {
    expectNoFraming('interaction error', await fetch(`${idp.origin}/dev/idp/oidc/interaction/unknown-uid`));
    expectNoFraming('provider error', await fetch(`${idp.origin}/dev/idp/oidc/auth?client_id=nope`));
  });
});

describe("the test IdP's form-action allows every project's authorized origins", () => {
  test('SAML: the chooser and the auto-post to the ACS', async () => {
    const go = browser();
    const start = await go(
      `/v1/public/sso/start?connection_id=${ids.saml}&public_token=${t.server.project.public_token}`,
    );
    const chooser = await go(start.headers.get('location') ?? '');
    expect(chooser.status).toBe(200);
    expect(formAction(chooser)).toEqual(["'self'", ...APPS]);
    const action = /<form method="post" action="([^"]*)"/.exec(await chooser.text())?.[1] ?? '';
    const samlRequest = new URL(start.headers.get('location') ?? '').searchParams.get('SAMLRequest') ?? '';
    const auto = await go(action, {
      method: 'POST',
      body: new URLSearchParams({ SAMLRequest: samlRequest, person: 'ada@demo-sso.test|Ada|Lovelace' }),
    });
    expect(auto.status).toBe(200);
    expect(formAction(auto)).toEqual([PUBLIC_URL, ...APPS]);
    expectNoFraming('auto-post', auto);
  });

  test('OIDC: the interaction chooser; the list is read live', async () => {
    const go = browser();
    const start = await go(
      `/v1/public/sso/start?connection_id=${ids.oidc}&public_token=${t.server.project.public_token}`,
    );
    const auth = await go(start.headers.get('location') ?? '');
    expect(auth.status).toBe(303);
    const interaction = auth.headers.get('location') ?? '';
    expect(interaction).toContain('/dev/idp/oidc/interaction/');
    const chooser = await go(interaction);
    expect(chooser.status).toBe(200);
    expect(formAction(chooser)).toEqual(["'self'", ...APPS]);
    expectNoFraming('OIDC chooser', chooser);

    await createProjectStore(t.server.db, Date.now).removeAuthorizedOrigin(t.server.project.project_id, TEST_APP);
    try {
      expect(formAction(await go(interaction))).toEqual(["'self'", ...APPS.filter((origin) => origin !== TEST_APP)]);
    } finally {
      await t.server.projects.addAuthorizedOrigin(TEST_APP);
    }
  });
});

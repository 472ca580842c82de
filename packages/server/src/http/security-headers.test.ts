import { afterEach, describe, expect, test } from 'vitest';
import { postAcs, samlSignIn, setupSamlConnection, ssoStartRaw, startSamlSso } from '../sso/saml/testing/saml-flow.js';
import { createOidcFixture } from '../sso/oidc/testing/oidc-flow.js';
import { createTestServer, type TestServer } from '../testing/test-server.js';

// docs/security.md WEB-05: HSTS (at least a year) on every answer when the server's public URL is
// https, never over http. docs/security.md O19 (token leakage): the SSO callback answers (redirects carrying the sso token, and
// the error page) say `Referrer-Policy: no-referrer`, so the token never leaves in a Referer.
// Every answer below comes over a real socket through the CLI's listener (TestServer.http and the
// helpers built on it): headers are checked as a browser receives them.

const HSTS = 'max-age=31536000; includeSubDomains';

let t: TestServer | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

/** One answer of every kind the server gives: JSON API success and error, HTML, XML, redirects, 404. */
async function everyKindOfAnswer(
  s: TestServer,
  publicUrl: string,
): Promise<[string, Response | { headers: Headers; status: number }][]> {
  const raw = (path: string) => s.http(path);
  const setup = await setupSamlConnection(s, { slug: 'sso-co', publicUrl });
  const { relayState } = await startSamlSso(s, setup.connectionId);
  return [
    ['SDK bootstrap 200', await s.sdk(`/projects/bootstrap/${s.server.project.public_token}`)],
    ['SDK 401', await s.sdk('/b2b/sessions/authenticate', { body: {}, publicToken: null })],
    ['backend 200', await s.api('/organizations/sso-co')],
    ['backend 401', await s.api('/organizations/sso-co', { auth: null })],
    ['backend 400', await s.api('/organizations', { body: { organization_name: '' } })],
    ['JWKS', await raw(`/v1/b2b/sessions/jwks/${s.server.project.project_id}`)],
    ['404', await raw('/nope')],
    ['SSO start 302', await ssoStartRaw(s, { connection_id: setup.connectionId })],
    ['SSO start error', await ssoStartRaw(s, { connection_id: 'nope' })],
    ['SAML ACS 303', await samlSignIn(s, setup, 'ada@sso-co.test')],
    [
      'SAML ACS error page',
      await postAcs(s, setup.connectionId, Buffer.from('<nope/>').toString('base64'), relayState),
    ],
    ['SP metadata', await raw(`/v1/public/sso/saml/${setup.connectionId}/metadata`)],
    ['dev mailbox page', await raw('/dev/mailbox')],
    ['dev events page', await raw('/dev/events')],
  ];
}

describe('Strict-Transport-Security (WEB-05)', () => {
  test('on every answer when the public URL is https', async () => {
    const publicUrl = 'https://auth.example.test';
    t = await createTestServer({ dev: true, publicUrl });
    const answers = await everyKindOfAnswer(t, publicUrl);
    expect(answers.map(([, res]) => res.status)).toEqual([
      200, 401, 200, 401, 400, 200, 404, 302, 404, 303, 400, 200, 200, 200,
    ]);
    expect(answers.map(([name, res]) => [name, res.headers.get('strict-transport-security')])).toEqual(
      answers.map(([name]) => [name, HSTS]),
    );
  });

  test('never when the public URL is http (the default, and local development)', async () => {
    t = await createTestServer({ dev: true });
    const answers = await everyKindOfAnswer(t, 'http://localhost:3000');
    expect(answers.map(([name, res]) => [name, res.headers.get('strict-transport-security')])).toEqual(
      answers.map(([name]) => [name, null]),
    );
  });
});

describe('Referrer-Policy: no-referrer on the SSO callback answers (O19)', () => {
  test('SAML: start, ACS redirect with the sso token, ACS error page', async () => {
    t = await createTestServer();
    const setup = await setupSamlConnection(t);
    const start = await ssoStartRaw(t, { connection_id: setup.connectionId });
    const acs = await samlSignIn(t, setup, 'ada@acme.test');
    expect(new URL(acs.headers.get('location') ?? '').searchParams.get('token')).toBeTruthy();
    const { relayState } = await startSamlSso(t, setup.connectionId);
    const refused = await postAcs(t, setup.connectionId, Buffer.from('<nope/>').toString('base64'), relayState);
    expect(await refused.text()).toContain('Single sign-on failed');
    const answers = { start: start.status, acs: acs.status, refused: refused.status };
    expect(answers).toEqual({ start: 302, acs: 303, refused: 400 });
    for (const res of [start, acs, refused]) expect(res.headers.get('referrer-policy')).toBe('no-referrer');
  });

  test('OIDC: callback redirect with the sso token, and the callback error page', async () => {
    const f = await createOidcFixture();
    try {
      const callback = await f.authorize(await f.start());
      const fetchCallback = (url: URL, cookie: string) =>
        f.t.http(`${url.pathname}${url.search}`, { headers: { cookie } });
      const ok = await fetchCallback(callback, f.jar.header());
      expect(ok.status).toBe(303);
      expect(new URL(ok.headers.get('location') ?? '').searchParams.get('token')).toBeTruthy();
      // Replayed: the request is spent, so the browser gets the error page.
      const replay = await fetchCallback(callback, f.jar.header());
      expect(replay.status).toBeGreaterThanOrEqual(400);
      expect(replay.headers.get('content-type')).toMatch(/^text\/html/);
      for (const res of [ok, replay]) expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    } finally {
      await f.close();
    }
  });
});

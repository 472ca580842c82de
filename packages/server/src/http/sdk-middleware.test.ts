import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { TEST_PKCE } from '../testing/journey.js';
import { createTestServer, type TestServer } from '../testing/test-server.js';

let t: TestServer;
beforeEach(async () => {
  t = await createTestServer();
});
afterEach(async () => {
  await t.close();
});

const ALLOWED = 'http://localhost:3000';
const FOREIGN = 'https://evil.test';

// CORS is about headers: every request below goes over a real socket through the CLI's listener
// (http/listen.ts), where headers set by middleware once went missing while app.fetch had them.
function preflight(origin: string) {
  return t.http('/sdk/v1/b2b/magic_links/email/discovery/send', {
    method: 'OPTIONS',
    headers: {
      origin,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'authorization, content-type',
    },
  });
}

/** An SDK call over the socket: Basic public token, JSON body, and the browser's Origin. */
async function call(
  path: string,
  {
    body,
    origin,
    publicToken = t.server.project.public_token,
  }: { body?: unknown; origin?: string; publicToken?: string } = {},
) {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    authorization: `Basic ${btoa(`${publicToken}:${publicToken}`)}`,
  };
  if (origin !== undefined) headers.origin = origin;
  const res = await t.http(`/sdk/v1${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, headers: res.headers, body: await res.json() };
}

describe('SDK authentication', () => {
  test('missing, unknown or malformed public tokens get the 401 envelope', async () => {
    for (const publicToken of [
      null,
      'public-token-test-00000000-0000-0000-0000-000000000000',
      t.server.project.project_id,
    ]) {
      const res = await t.sdk('/b2b/magic_links/email/discovery/send', {
        body: { email_address: 'a@b.test' },
        publicToken,
      });
      expect(res.status).toBe(401);
      expect(res.headers.get('content-type')).toContain('application/json');
      expect(res.body).toEqual({
        status_code: 401,
        request_id: expect.stringMatching(/^request-id-test-/),
        error_type: 'invalid_public_token',
        error_message: expect.any(String),
        error_url: expect.any(String),
      });
    }
    const bootstrap = await t.sdk('/projects/bootstrap/public-token-test-nope');
    expect(bootstrap.body.error_type).toBe('invalid_public_token');
  });

  test('the project secret is not a public token', async () => {
    const res = await t.sdk('/b2b/sessions/authenticate', { body: {}, publicToken: t.server.project.secret });
    expect(res.body.error_type).toBe('invalid_public_token');
  });
});

describe('CORS', () => {
  test('an authorized origin gets credentialed CORS on preflight and on the call', async () => {
    const pre = await preflight(ALLOWED);
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe(ALLOWED);
    expect(pre.headers.get('access-control-allow-credentials')).toBe('true');
    expect(pre.headers.get('access-control-allow-headers')?.split(/,\s*/)).toEqual([
      'Authorization',
      'Content-Type',
      'X-SDK-Client',
      'X-SDK-Parent-Host',
    ]);

    const body = { email_address: 'a@b.test', pkce_code_challenge: TEST_PKCE.challenge };
    const res = await call('/b2b/magic_links/email/discovery/send', { body, origin: ALLOWED });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe(ALLOWED);
    expect(res.headers.get('access-control-allow-credentials')).toBe('true');

    // Errors must be readable by the browser too.
    const err = await call('/b2b/magic_links/email/discovery/send', { body: {}, origin: ALLOWED });
    expect(err.status).toBe(400);
    expect(err.headers.get('access-control-allow-origin')).toBe(ALLOWED);
  });

  test('a foreign origin gets no CORS headers and its calls are refused', async () => {
    const pre = await preflight(FOREIGN);
    expect(pre.status).toBe(403);
    expect(pre.headers.get('access-control-allow-origin')).toBeNull();

    // A complete send (with its PKCE challenge), so only the origin check can stop the mail.
    const body = { email_address: 'a@b.test', pkce_code_challenge: TEST_PKCE.challenge };
    const res = await call('/b2b/magic_links/email/discovery/send', { body, origin: FOREIGN });
    expect(res.status).toBe(403);
    expect(res.body.error_type).toBe('origin_not_allowed');
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    expect(res.headers.get('access-control-allow-credentials')).toBeNull();
    expect(await t.server.mailbox.list()).toEqual([]);

    const boot = await call(`/projects/bootstrap/${t.server.project.public_token}`, { origin: FOREIGN });
    expect(boot.body.error_type).toBe('origin_not_allowed');
  });

  test('added origins are allowed; look-alikes are not', async () => {
    await t.server.projects.addAuthorizedOrigin('https://app.example.com');
    await t.server.projects.addAuthorizedOrigin('https://app.example.com');
    expect((await preflight('https://app.example.com')).status).toBe(204);
    for (const origin of [
      'https://app.example.com.evil.test',
      'http://app.example.com',
      'https://app.example.com:8443',
      'null',
    ]) {
      const res = await call(`/projects/bootstrap/${t.server.project.public_token}`, { origin });
      expect(res.status, origin).toBe(403);
    }
  });

  test('every kind of SDK answer carries it: success, refusal by the router, by auth, by the body, and a 404', async () => {
    const pt = t.server.project.public_token;
    const answers = [
      await call(`/projects/bootstrap/${pt}`, { origin: ALLOWED }),
      await call('/b2b/sessions/authenticate', { body: {}, origin: ALLOWED }),
      await call('/b2b/sessions/authenticate', { body: {}, origin: ALLOWED, publicToken: 'public-token-test-unknown' }),
      await call('/b2b/magic_links/email/discovery/send', { body: { email_address: 'not an email' }, origin: ALLOWED }),
      await call('/b2b/no/such/endpoint', { body: {}, origin: ALLOWED }),
    ];
    expect(answers.map((a) => a.status)).toEqual([200, 404, 401, 400, 404]);
    for (const a of answers) {
      expect(a.headers.get('access-control-allow-origin')).toBe(ALLOWED);
      expect(a.headers.get('access-control-allow-credentials')).toBe('true');
      expect(a.headers.get('vary')).toMatch(/Origin/);
    }
    // A refusal before routing (a NUL in the path) is readable too.
    const nul = await t.http('/sdk/v1/b2b/x%00', { headers: { origin: ALLOWED } });
    expect(nul.status).toBe(400);
    expect(nul.headers.get('access-control-allow-origin')).toBe(ALLOWED);
  });

  test('requests without Origin (server-to-server) are allowed', async () => {
    const res = await call(`/projects/bootstrap/${t.server.project.public_token}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });
});

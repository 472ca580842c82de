import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { discover, signUp, TEST_PKCE } from './testing/journey.js';
import { createTestServer, type TestServer } from './testing/test-server.js';

let t: TestServer;
let ist: string;
let sessionToken: string;
beforeAll(async () => {
  t = await createTestServer({ dev: true });
  sessionToken = (await signUp(t, 'ada@example.com', 'acme')).session_token;
  ist = (await discover(t, 'bob@example.com')).ist;
});
afterAll(async () => {
  await t.close();
});

const SDK_POSTS = [
  '/b2b/magic_links/email/discovery/send',
  '/b2b/magic_links/discovery/authenticate',
  '/b2b/discovery/organizations',
  '/b2b/discovery/organizations/create',
  '/b2b/discovery/intermediate_sessions/exchange',
  '/b2b/sessions/authenticate',
  '/b2b/sessions/revoke',
];

// Values of every JSON type, plus hostile strings, placed in every field the endpoints read.
const HOSTILE: unknown[] = [
  null,
  true,
  0,
  -1,
  1e308,
  'x'.repeat(5000),
  '',
  [],
  [1, 'a'],
  {},
  { $gt: '' },
  "' OR 1=1 --",
  '\u0000',
  '<script>',
];
const FIELDS = [
  'email_address',
  'discovery_redirect_url',
  'discovery_expiration_minutes',
  'pkce_code_challenge',
  'discovery_magic_links_token',
  'pkce_code_verifier',
  'intermediate_session_token',
  'session_duration_minutes',
  'organization_name',
  'organization_slug',
  'organization_id',
  'email_allowed_domains',
  'email_jit_provisioning',
  'allowed_auth_methods',
  'organization_logo_url',
  'trusted_metadata',
];

describe('bad input never yields 5xx', () => {
  test('malformed JSON → 400 invalid_json; non-object JSON → 400 bad_request', async () => {
    for (const path of SDK_POSTS) {
      const bad = await t.sdk(path, { rawBody: '{"email_address":', session: sessionToken });
      expect(bad.status, path).toBe(400);
      expect(bad.body.error_type).toBe('invalid_json');
      const arr = await t.sdk(path, { rawBody: '[1,2]', session: sessionToken });
      expect(arr.status, path).toBe(400);
      expect(arr.body.error_type).toBe('bad_request');
    }
  });

  test('every field × hostile value on every SDK endpoint → < 500 with the envelope', async () => {
    for (const path of SDK_POSTS.filter((p) => !p.endsWith('/revoke'))) {
      for (const field of FIELDS) {
        for (const value of HOSTILE) {
          // A valid PKCE challenge by default, so the send reaches its other fields (CSRF-02 refuses it without).
          const base = {
            email_address: 'a@b.test',
            pkce_code_challenge: TEST_PKCE.challenge,
            intermediate_session_token: ist,
            organization_name: 'N',
            organization_id: 'x',
          };
          const body = { ...base, [field]: value };
          const res = await t.sdk(path, { body });
          expect(res.status, `${path} ${field}=${JSON.stringify(value)?.slice(0, 40)}`).toBeLessThan(500);
          if (res.status >= 400)
            expect(res.body).toMatchObject({ status_code: res.status, error_type: expect.any(String) });
        }
      }
    }
    // Hundreds of sequential requests: ~10 s on PostgreSQL on 2 busy cores, so allow well beyond that.
  }, 120_000);

  test('oversized bodies are refused', async () => {
    const res = await t.sdk('/b2b/magic_links/email/discovery/send', {
      rawBody: JSON.stringify({ email_address: 'a@b.test', pad: 'x'.repeat(70_000) }),
    });
    expect([res.status, res.body.error_type, res.body.error_message]).toEqual([
      413,
      'request_too_large',
      'The request body is too large.',
    ]);
  });

  test('unknown routes get the 404 envelope', async () => {
    for (const path of ['/nope', '/sdk/v1/nope', '/v1/nope']) {
      const res = await t.server.app.fetch(new Request(`http://localhost${path}`));
      expect(res.status, path).toBe(404);
      expect(await res.json()).toMatchObject({ status_code: 404, error_type: 'not_found' });
    }
    const authed = await t.sdk('/b2b/nope', { body: {} });
    expect(authed.status).toBe(404);
    expect(authed.body.error_type).toBe('not_found');
    // Without credentials the SDK area answers 401 before revealing which paths exist.
    expect((await t.sdk('/b2b/nope', { body: {}, publicToken: null })).status).toBe(401);
  });

  test('API responses are not cacheable and not sniffable', async () => {
    const res = await t.sdk(`/projects/bootstrap/${t.server.project.public_token}`);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });
});

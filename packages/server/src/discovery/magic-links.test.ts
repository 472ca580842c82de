import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { mailDiscoveryToken, TEST_PKCE } from '../testing/journey.js';
import { createTestServer, latestMagicLinkToken, type TestServer } from '../testing/test-server.js';

let t: TestServer;
beforeEach(async () => {
  t = await createTestServer({ dev: true });
});
afterEach(async () => {
  await t.close();
});

// SDK links carry TEST_PKCE's challenge (mailDiscoveryToken's default), so its verifier is the
// default here; `null` sends none.
const authenticate = (token: string, verifier: string | null = TEST_PKCE.verifier) =>
  t.sdk('/b2b/magic_links/discovery/authenticate', {
    body: { discovery_magic_links_token: token, ...(verifier === null ? {} : { pkce_code_verifier: verifier }) },
  });

describe('discovery magic links', () => {
  test('a token works exactly once under 20 concurrent authenticate calls', async () => {
    const token = await mailDiscoveryToken(t, 'ada@example.com');
    const results = await Promise.all(Array.from({ length: 20 }, () => authenticate(token)));
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    for (const r of results.filter((r) => r.status !== 200)) {
      expect(r.status).toBe(404);
      expect(r.body.error_type).toBe('magic_link_not_found');
    }
  });

  test('an expired token is refused (default 60 minutes, or the requested lifetime)', async () => {
    const token = await mailDiscoveryToken(t, 'ada@example.com');
    t.clock.advance(60 * 60_000);
    expect((await authenticate(token)).body.error_type).toBe('magic_link_not_found');

    const short = await mailDiscoveryToken(t, 'ada@example.com', { discovery_expiration_minutes: 5 });
    t.clock.advance(5 * 60_000 - 1);
    expect((await authenticate(short)).status).toBe(200);

    const shorter = await mailDiscoveryToken(t, 'ada@example.com', { discovery_expiration_minutes: 5 });
    t.clock.advance(5 * 60_000);
    expect((await authenticate(shorter)).status).toBe(404);
  });

  test('an unknown token is refused', async () => {
    const res = await authenticate('A'.repeat(44));
    expect(res.status).toBe(404);
    expect(res.body.error_type).toBe('magic_link_not_found');
  });

  test('PKCE: the verifier must match a stored challenge; a wrong verifier does not burn the token', async () => {
    const verifier = 'f'.repeat(64);
    const challenge = createHash('sha256').update(verifier).digest('base64url');
    const token = await mailDiscoveryToken(t, 'ada@example.com', { pkce_code_challenge: challenge });
    expect((await authenticate(token, null)).body.error_type).toBe('pkce_mismatch');
    expect((await authenticate(token, 'e'.repeat(64))).body.error_type).toBe('pkce_mismatch');
    expect((await authenticate(token, verifier)).status).toBe(200);
    // A verifier sent for a token issued without a challenge is tolerated (docs/wire-protocol.md §2.9). Only the
    // backend API can still mint such a token (the SDK send requires a challenge, CSRF-02).
    expect(
      (await t.api('/magic_links/email/discovery/send', { body: { email_address: 'bob@example.com' } })).status,
    ).toBe(200);
    const plain = (await latestMagicLinkToken(t.server, 'bob@example.com')).token;
    expect((await authenticate(plain, verifier)).status).toBe(200);
  });

  test('PKCE test vector from the Stytch SDK', async () => {
    const token = await mailDiscoveryToken(t, 'ada@example.com', {
      pkce_code_challenge: 'hODA6vqpWjTCk_J4rFLkXOU3urXnUqAOaVmhOuEDtlo',
    });
    expect((await authenticate(token, '0'.repeat(32))).status).toBe(200);
  });

  test('redirect URLs: only allowlisted ones, existing query kept', async () => {
    const refused = await t.sdk('/b2b/magic_links/email/discovery/send', {
      body: {
        email_address: 'ada@example.com',
        pkce_code_challenge: TEST_PKCE.challenge,
        discovery_redirect_url: 'https://evil.test/',
      },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error_type).toBe('invalid_redirect_url');
    for (const url of [
      'http://localhost:3000@evil.test/',
      'javascript:alert(1)',
      '//evil.test',
      'http://localhost:3001/',
      'http://localhost:3000/x',
    ]) {
      const res = await t.sdk('/b2b/magic_links/email/discovery/send', {
        body: {
          email_address: 'ada@example.com',
          pkce_code_challenge: TEST_PKCE.challenge,
          discovery_redirect_url: url,
        },
      });
      expect(res.body.error_type, url).toBe('invalid_redirect_url');
    }
    expect(await t.server.mailbox.list()).toEqual([]);

    await t.server.projects.addRedirectUrl('http://app.test/auth?next=%2Fhome', ['discovery']);
    const ok = await t.sdk('/b2b/magic_links/email/discovery/send', {
      body: {
        email_address: 'ada@example.com',
        pkce_code_challenge: TEST_PKCE.challenge,
        discovery_redirect_url: 'http://app.test/auth?next=%2Fhome',
      },
    });
    expect(ok.status).toBe(200);
    const { link } = await latestMagicLinkToken(t.server, 'ada@example.com');
    const url = new URL(link);
    expect(url.host).toBe('app.test');
    expect(url.searchParams.get('next')).toBe('/home');
    expect(url.searchParams.get('stytch_token_type')).toBe('discovery');

    // The allowlist is per type: a login-only URL is not a discovery URL.
    await t.server.projects.addRedirectUrl('http://login.test/', ['login']);
    const wrongType = await t.sdk('/b2b/magic_links/email/discovery/send', {
      body: {
        email_address: 'ada@example.com',
        pkce_code_challenge: TEST_PKCE.challenge,
        discovery_redirect_url: 'http://login.test/',
      },
    });
    expect(wrongType.body.error_type).toBe('invalid_redirect_url');
  });

  test('the mail link ignores Host and X-Forwarded-Host', async () => {
    const send = (server: TestServer) =>
      server.server.app.fetch(
        new Request('http://evil.test/sdk/v1/b2b/magic_links/email/discovery/send', {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'x-forwarded-host': 'evil.test',
            authorization: `Basic ${Buffer.from(`${server.server.project.public_token}:${server.server.project.public_token}`).toString('base64')}`,
          },
          body: JSON.stringify({ email_address: 'ada@example.com', pkce_code_challenge: TEST_PKCE.challenge }),
        }),
      );
    // A --dev server does not answer a foreign Host at all (http/dev-guards.ts); a production one does.
    expect((await send(t)).status).toBe(421);
    const production = await createTestServer();
    try {
      expect((await send(production)).status).toBe(200);
      expect(new URL((await latestMagicLinkToken(production.server, 'ada@example.com')).link).host).toBe(
        'localhost:3000',
      );
    } finally {
      await production.close();
    }
  });

  test('send validates its input', async () => {
    const cases: [unknown, number, string][] = [
      [{}, 400, 'invalid_email'],
      [{ email_address: 'not-an-email' }, 400, 'invalid_email'],
      [{ email_address: 42 }, 400, 'bad_request'],
      [{ email_address: 'a@b.test', discovery_expiration_minutes: 'soon' }, 400, 'bad_request'],
      [{ email_address: 'a@b.test', discovery_expiration_minutes: 100_000 }, 400, 'bad_request'],
      [{ email_address: 'a@b.test', pkce_code_challenge: 'short' }, 400, 'bad_request'],
      [{ email_address: 'a@b.test', pkce_code_challenge: '' }, 400, 'pkce_required'],
    ];
    for (const [body, status, errorType] of cases) {
      // A valid challenge unless the case sets its own: the other checks are what is tested here.
      const res = await t.sdk('/b2b/magic_links/email/discovery/send', {
        body: { pkce_code_challenge: TEST_PKCE.challenge, ...(body as object) },
      });
      expect(res.status, JSON.stringify(body)).toBe(status);
      expect(res.body.error_type).toBe(errorType);
    }
  });
});

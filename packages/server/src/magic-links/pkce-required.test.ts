import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { pkceChallenge } from '../lib/crypto.js';
import { snapshot } from '../testing/db-snapshot.js';
import { signUp, TEST_PKCE } from '../testing/journey.js';
import { createTestServer, latestMagicLinkToken, type TestServer } from '../testing/test-server.js';

// docs/security.md CSRF-02 (login CSRF): a link minted through the public-token SDK API must be bound to
// the browser that asked for it, so an attacker cannot mail themselves a link and have a victim's
// browser redeem it into the attacker's account. The SDK email magic-link sends require a PKCE
// challenge; the backend API (it holds the secret) and invites (opened in another browser) do not.

let t: TestServer;
let orgId: string;
beforeEach(async () => {
  t = await createTestServer({ dev: true });
  const org = await t.api('/organizations', {
    body: { organization_name: 'Acme', organization_slug: 'acme', email_allowed_domains: ['acme.test'] },
  });
  orgId = org.body.organization.organization_id;
  await t.api(`/organizations/${orgId}/members`, { body: { email_address: 'ada@acme.test' } });
});
afterEach(async () => {
  await t.close();
});

type Send = 'discovery' | 'login';
const SENDS: Record<Send, { path: string; body: (email: string) => Record<string, unknown> }> = {
  discovery: { path: '/magic_links/email/discovery/send', body: (email) => ({ email_address: email }) },
  login: {
    path: '/magic_links/email/login_or_signup',
    body: (email) => ({ organization_id: orgId, email_address: email }),
  },
};
const sdkSend = (kind: Send, email: string, extra: Record<string, unknown> = {}) =>
  t.sdk(`/b2b${SENDS[kind].path}`, { body: { ...SENDS[kind].body(email), ...extra } });
const apiSend = (kind: Send, email: string) => t.api(SENDS[kind].path, { body: SENDS[kind].body(email) });

/** The SDK authenticate of a `kind` link; `verifier` undefined sends none (a browser that never asked). */
function sdkAuthenticate(kind: Send, token: string, verifier?: string) {
  const pkce = verifier === undefined ? {} : { pkce_code_verifier: verifier };
  return kind === 'discovery'
    ? t.sdk('/b2b/magic_links/discovery/authenticate', { body: { discovery_magic_links_token: token, ...pkce } })
    : t.sdk('/b2b/magic_links/authenticate', {
        body: { magic_links_token: token, session_duration_minutes: 60, ...pkce },
      });
}

/** Everything but the rate-limit counters: the limiter counts a send before the route refuses it. */
async function dataState() {
  const { rate_limits: _counted, ...rest } = await snapshot(t.server.db);
  return rest;
}

const tokenRows = () => t.server.db.selectFrom('one_time_tokens').select('hash').execute();
const sessionRows = () => t.server.db.selectFrom('sessions').select('id').execute();

describe('CSRF-02: SDK email magic-link sends require PKCE', () => {
  test('bootstrap advertises pkce_required_for_email_magic_links (so the Stytch SDK sends a challenge)', async () => {
    const boot = await t.sdk(`/projects/bootstrap/${t.server.project.public_token}`);
    expect(boot.status).toBe(200);
    expect(boot.body.data).toMatchObject({ pkce_required_for_email_magic_links: true, pkce_required_for_sso: true });
  });

  test.each(['discovery', 'login'] as const)(
    'SDK %s send without a challenge: 400 pkce_required, no mail, no token, nothing written',
    async (kind) => {
      const before = await dataState();
      // A member, a JIT-eligible address and a stranger: each would otherwise get (or be denied) a link.
      for (const email of ['ada@acme.test', 'new@acme.test', 'stranger@else.test']) {
        for (const extra of [{}, { pkce_code_challenge: '' }, { pkce_code_challenge: null }]) {
          const res = await sdkSend(kind, email, extra);
          expect([res.status, res.body.error_type], `${email} ${JSON.stringify(extra)}`).toEqual([
            400,
            'pkce_required',
          ]);
          expect(res.body.error_message).toMatch(/pkce_code_challenge/);
        }
      }
      expect(await t.server.mailbox.list()).toEqual([]);
      expect(await tokenRows()).toEqual([]);
      expect(await dataState()).toEqual(before);
    },
  );

  test.each(['discovery', 'login'] as const)(
    'SDK %s send with a challenge: the link authenticates only with the matching verifier',
    async (kind) => {
      const sent = await sdkSend(kind, 'ada@acme.test', { pkce_code_challenge: TEST_PKCE.challenge });
      expect(sent.status).toBe(200);
      const { token } = await latestMagicLinkToken(t.server, 'ada@acme.test');
      expect((await sdkAuthenticate(kind, token)).body.error_type).toBe('pkce_mismatch');
      expect((await sdkAuthenticate(kind, token, 'x'.repeat(64))).body.error_type).toBe('pkce_mismatch');
      expect((await sdkAuthenticate(kind, token, TEST_PKCE.verifier)).status).toBe(200);
    },
  );

  test.each(['discovery', 'login'] as const)(
    'backend %s send without a challenge still works (the secret holder may skip PKCE)',
    async (kind) => {
      const sent = await apiSend(kind, 'ada@acme.test');
      expect(sent.status).toBe(200);
      const { token } = await latestMagicLinkToken(t.server, 'ada@acme.test');
      const res =
        kind === 'discovery'
          ? await t.api('/magic_links/discovery/authenticate', { body: { discovery_magic_links_token: token } })
          : await t.api('/magic_links/authenticate', { body: { magic_links_token: token } });
      expect(res.status).toBe(200);
    },
  );

  test('SDK invite needs no challenge: the invitee opens the link in another browser by design', async () => {
    const owner = await signUp(t, 'owner@acme.test', 'owner-co');
    const res = await t.sdk('/b2b/magic_links/email/invite', {
      session: owner.session_token,
      body: { email_address: 'grace@acme.test' },
    });
    expect(res.status).toBe(200);
    const { token } = await latestMagicLinkToken(t.server, 'grace@acme.test');
    expect(
      (
        await t.sdk('/b2b/magic_links/authenticate', {
          body: { magic_links_token: token, session_duration_minutes: 60 },
        })
      ).status,
    ).toBe(200);
  });
});

describe('CSRF-02: the login-CSRF attack', () => {
  test.each(['discovery', 'login'] as const)(
    "an attacker-minted %s link does not sign the victim in to the attacker's account",
    async (kind) => {
      // The attacker is a member (or discovers) with their own address and their own challenge.
      const attacker = { email: 'mallory@acme.test', verifier: 'mallory-'.repeat(8) };
      await t.api(`/organizations/${orgId}/members`, { body: { email_address: attacker.email } });
      expect(
        (await sdkSend(kind, attacker.email, { pkce_code_challenge: pkceChallenge(attacker.verifier) })).status,
      ).toBe(200);
      const { token } = await latestMagicLinkToken(t.server, attacker.email);
      const sessionsBefore = await sessionRows();
      // The victim's browser opens the link: it holds no verifier, or its own from another sign-in.
      for (const victimVerifier of [undefined, TEST_PKCE.verifier]) {
        const res = await sdkAuthenticate(kind, token, victimVerifier);
        expect([res.status, res.body.error_type], String(victimVerifier)).toEqual([400, 'pkce_mismatch']);
        expect(res.body.data).toBeUndefined();
      }
      expect(await sessionRows()).toEqual(sessionsBefore);
      // And an attacker can no longer mint an unbound link through the SDK at all.
      expect((await sdkSend(kind, attacker.email)).body.error_type).toBe('pkce_required');
      // Only the attacker's own browser (with the verifier) can use the link.
      expect((await sdkAuthenticate(kind, token, attacker.verifier)).status).toBe(200);
    },
  );
});

import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { snapshot } from '../testing/db-snapshot.js';
import { signUp } from '../testing/journey.js';
import { createTestServer, latestMagicLinkToken, type TestResponse, type TestServer } from '../testing/test-server.js';

// AUTH-05: an invitation link expires. `invite_expiration_minutes` sets its lifetime (5 minutes to
// a week, as Stytch); without it the link lives one week (LINK_TTL.invite in
// magic-links/service.ts). The link works until just before that and never after.

const MINUTE = 60_000;
const DEFAULT_MINUTES = 7 * 24 * 60;

let t: TestServer;
let orgId: string;
let session: string;
beforeEach(async () => {
  t = await createTestServer({ dev: true });
  const ada = await signUp(t, 'ada@acme.test', 'acme');
  orgId = ada.organization.organization_id;
  session = ada.session_token;
});
afterEach(async () => {
  await t.close();
});

type Inviter = (email: string, extra: Record<string, unknown>) => Promise<TestResponse>;
const INVITERS: [string, Inviter][] = [
  [
    'backend',
    (email, extra) =>
      t.api('/magic_links/email/invite', { body: { organization_id: orgId, email_address: email, ...extra } }),
  ],
  [
    'SDK',
    (email, extra) => t.sdk('/b2b/magic_links/email/invite', { session, body: { email_address: email, ...extra } }),
  ],
];

/** Invites `email` and returns the mailed link's token. */
async function invite(via: Inviter, email: string, minutes: number | undefined): Promise<string> {
  const res = await via(email, minutes === undefined ? {} : { invite_expiration_minutes: minutes });
  if (res.status !== 200) throw new Error(JSON.stringify(res.body));
  return (await latestMagicLinkToken(t.server, email)).token;
}

/** A refused request writes nothing; only the (deliberate) rate-limit counter may move. */
async function dataState() {
  const { rate_limits: _counted, ...rest } = await snapshot(t.server.db);
  return rest;
}

const accept = (token: string) =>
  t.sdk('/b2b/magic_links/authenticate', { body: { magic_links_token: token, session_duration_minutes: 60 } });

const memberStatus = async (email: string) =>
  (
    await t.server.db
      .selectFrom('members')
      .select('status')
      .where('organization_id', '=', orgId)
      .where('email', '=', email)
      .executeTakeFirstOrThrow()
  ).status;

describe('invitation links expire', () => {
  const CASES: [string, number | undefined, number][] = [
    ['invite_expiration_minutes: 30', 30, 30],
    ['invite_expiration_minutes: 5 (the minimum)', 5, 5],
    ['default (one week)', undefined, DEFAULT_MINUTES],
  ];
  for (const [viaName, via] of INVITERS) {
    for (const [name, minutes, lifetime] of CASES) {
      test(`${viaName} ${name}: accepted just before expiry, refused at expiry (nothing written)`, async () => {
        const early = await invite(via, 'early@partner.test', minutes);
        const late = await invite(via, 'late@partner.test', minutes);
        t.clock.advance(lifetime * MINUTE - 1000);
        const accepted = await accept(early);
        expect(accepted.status).toBe(200);
        expect(accepted.body.data.member).toMatchObject({ email_address: 'early@partner.test', status: 'active' });

        t.clock.advance(1000);
        const before = await dataState();
        const refused = await accept(late);
        expect([refused.status, refused.body.error_type]).toEqual([404, 'magic_link_not_found']);
        expect(await dataState()).toEqual(before);
        expect(await memberStatus('late@partner.test')).toBe('invited');
      });
    }
  }

  test('an expired invitation cannot be revived later, and a re-invite sends a fresh link that works', async () => {
    const backend: Inviter = (email, extra) =>
      t.api('/magic_links/email/invite', { body: { organization_id: orgId, email_address: email, ...extra } });
    const stale = await invite(backend, 'bob@partner.test', 30);
    t.clock.advance(31 * MINUTE);
    expect((await accept(stale)).body.error_type).toBe('magic_link_not_found');
    const fresh = await invite(backend, 'bob@partner.test', 30);
    expect((await accept(fresh)).status).toBe(200);
    expect((await accept(stale)).body.error_type).toBe('magic_link_not_found');
  });

  test('invite_expiration_minutes outside 5…10080 is refused before anything is written', async () => {
    for (const [viaName, via] of INVITERS) {
      for (const [i, minutes] of [4, 10_081, 0, -1, 1.5, '30'].entries()) {
        const before = await dataState();
        // One address per attempt: repeated sends to one address meet the per-recipient rate limit.
        const res = await via(`bob${i}@partner.test`, { invite_expiration_minutes: minutes });
        expect([res.status, res.body.error_type], `${viaName} ${minutes}`).toEqual([400, 'bad_request']);
        expect(await dataState()).toEqual(before);
      }
    }
  });
});

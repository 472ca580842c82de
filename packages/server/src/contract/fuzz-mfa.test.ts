/**
 * Property-based fuzzing of the second-factor checks with a REAL pending sign-in: every route of
 * fuzz.test.ts stops at the caller's proof without an IST, so here the fuzzer holds a live IST of an
 * enrolled member and throws nasty codes, recovery codes and options at TOTP authenticate and
 * recovery-code recover (SDK and backend). Every answer is a 4xx envelope, no session is written
 * and the IST stays unspent (AUTH-15). Seeded: ORGAUTH_FUZZ_SEED replays.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createMfaOrg, type MfaOrg } from '../mfa/testing.js';
import { createTestServer, type TestServer } from '../testing/test-server.js';
import { nastyValue, snapshotDatabase } from './fuzz-support.js';

const SEED = Number(process.env.ORGAUTH_FUZZ_SEED ?? 20300101);
const RUNS = Number(process.env.ORGAUTH_FUZZ_RUNS ?? 30);

let t: TestServer;
let org: MfaOrg;
let ist: string;
beforeAll(async () => {
  // Limits off: this fuzzes validation, not the rate limiter (http/rate-limit.test.ts, AUTH-01).
  t = await createTestServer({ dev: true, rateLimits: false });
  org = await createMfaOrg(t);
  await org.enrol();
  ist = (await org.primarySignIn()).intermediate_session_token;
});
afterAll(async () => {
  await t?.close();
});

const ROUTES: [string, string][] = [
  ['sdk', '/b2b/totp/authenticate'],
  ['api', '/totp/authenticate'],
  ['sdk', '/b2b/recovery_codes/recover'],
  ['api', '/recovery_codes/recover'],
];

/** A wrong secret: anything but six digits, or six digits (a hit is one in 333,333 per run). */
const guess = fc.oneof(
  nastyValue,
  fc.stringMatching(/^[0-9]{6}$/),
  fc.stringMatching(/^[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}$/),
);
const extras = fc.dictionary(
  fc.constantFrom(
    'set_mfa_enrollment',
    'set_default_mfa',
    'session_duration_minutes',
    'session_custom_claims',
    'session_token',
  ),
  nastyValue,
  { maxKeys: 3 },
);

describe('fuzzing second-factor checks with a live IST', () => {
  test.each(ROUTES)('%s %s', async (api, path) => {
    const before = await snapshotDatabase(t.server.db);
    await fc.assert(
      fc.asyncProperty(guess, extras, async (code, extra) => {
        const body = { ...org.ids(), intermediate_session_token: ist, code, recovery_code: code, ...extra };
        const res = api === 'sdk' ? await t.sdk(path, { body }) : await t.api(path, { body });
        const where = `${path} ${JSON.stringify(body).slice(0, 200)} → ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`;
        expect(res.status, where).toBeGreaterThanOrEqual(400);
        expect(res.status, where).toBeLessThan(500);
        expect(res.body, where).toMatchObject({ status_code: res.status, error_type: expect.any(String) });
        expect(await snapshotDatabase(t.server.db), `${where}: a refused check changed the database`).toEqual(before);
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
  });
});

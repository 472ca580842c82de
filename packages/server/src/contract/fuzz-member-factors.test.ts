/**
 * Property-based fuzzing of the member-factor calls with REAL ids: fuzz.test.ts reaches every route
 * but rarely names a real member, so here the fuzzer holds one and throws nasty secrets and recovery
 * codes at `totps.migrate`, nasty values at the `member_password_exists` search filter, and nasty
 * bodies at the MFA phone-number and TOTP deletes. Every answer is JSON and never 5xx; a refused one
 * is the error envelope and changes nothing. Seeded: ORGAUTH_FUZZ_SEED replays.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { signUp } from '../testing/journey.js';
import { createTestServer, type TestResponse, type TestServer } from '../testing/test-server.js';
import { nastyObject, nastyString, nastyValue, snapshotDatabase } from './fuzz-support.js';

const SEED = Number(process.env.ORGAUTH_FUZZ_SEED ?? 20300101);
const RUNS = Number(process.env.ORGAUTH_FUZZ_RUNS ?? 30);

let t: TestServer;
const real: { org: string; member: string; session: string } = { org: '', member: '', session: '' };
beforeAll(async () => {
  t = await createTestServer({ dev: true, rateLimits: false });
  const data = await signUp(t, 'fuzz@example.com', 'fuzz-factors');
  Object.assign(real, { org: data.organization_id, member: data.member_id, session: data.session_token });
});
afterAll(async () => {
  await t?.close();
});

/** Checks one answer; returns whether it was a success (the database may then have changed). */
function check(res: TestResponse, where: string): boolean {
  const text = `${where} → ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`;
  expect(res.status, text).toBeLessThan(500);
  if (res.status < 400) return true;
  expect(res.body, text).toMatchObject({ status_code: res.status, error_type: expect.any(String) });
  return false;
}

/**
 * Runs `call` RUNS times; a refused call must leave the database as it was. Prints how the answers
 * spread (how many reached a success), as fuzz-sms.test.ts does.
 */
async function fuzz<T>(name: string, arbitrary: fc.Arbitrary<T>, call: (value: T) => Promise<[TestResponse, string]>) {
  let before = await snapshotDatabase(t.server.db);
  const answers = new Map<string, number>();
  await fc.assert(
    fc.asyncProperty(arbitrary, async (value) => {
      const [res, where] = await call(value);
      const answer = `${res.status} ${res.status < 400 ? 'ok' : res.body.error_type}`;
      answers.set(answer, (answers.get(answer) ?? 0) + 1);
      if (check(res, where)) {
        // A TOTP imported: take it away so later runs reach the import again.
        await t.api(`/organizations/${real.org}/members/${real.member}/totp`, { method: 'DELETE' });
        before = await snapshotDatabase(t.server.db);
      } else {
        expect(await snapshotDatabase(t.server.db), `${where}: a refused call changed the database`).toEqual(before);
      }
    }),
    { numRuns: RUNS, seed: SEED, endOnFailure: true },
  );
  console.log(`[fuzz-member-factors] ${name}: ${[...answers].map(([a, n]) => `${a} ×${n}`).join(', ')}`);
}

// Mostly near-valid values, so the cases get past validation (and sometimes succeed), else nasty ones.
const secrets = fc.oneof(
  { weight: 3, arbitrary: fc.stringMatching(/^[A-Za-z2-7][A-Za-z2-7= ]{10,140}$/) },
  { weight: 1, arbitrary: nastyValue },
);
const codes = fc.oneof(
  { weight: 3, arbitrary: fc.uniqueArray(fc.stringMatching(/^[a-z0-9]{4}-[a-z0-9]{4}$/), { maxLength: 12 }) },
  { weight: 1, arbitrary: fc.array(fc.oneof(nastyString, fc.stringMatching(/^[a-z0-9-]{1,20}$/)), { maxLength: 40 }) },
  { weight: 1, arbitrary: nastyValue },
);
const flags = fc.oneof({ weight: 2, arbitrary: fc.boolean() }, { weight: 1, arbitrary: nastyValue });

describe('fuzzing member factors with real ids', () => {
  test('POST /v1/b2b/totp/migrate', async () => {
    await fuzz('migrate', fc.record({ secret: secrets, recovery_codes: codes }), async (fields) => {
      const body = { organization_id: real.org, member_id: real.member, ...fields };
      return [await t.api('/totp/migrate', { body }), `migrate ${JSON.stringify(body).slice(0, 200)}`];
    });
  });

  test('member_password_exists on both searches', async () => {
    await fuzz('search', fc.tuple(fc.boolean(), flags), async ([sdk, value]) => {
      const query = { operator: 'AND', operands: [{ filter_name: 'member_password_exists', filter_value: value }] };
      const res = sdk
        ? await t.sdk('/b2b/organizations/me/members/search', { session: real.session, body: { query } })
        : await t.api('/organizations/members/search', { body: { organization_ids: [real.org], query } });
      if (typeof value !== 'boolean') expect(res.status).toBeGreaterThanOrEqual(400); // 400, or 413 for 100 KB
      return [res, `search ${JSON.stringify(value).slice(0, 200)}`];
    });
  });

  test('the MFA phone-number and TOTP deletes', async () => {
    const sdkPaths: Record<string, string> = {
      self: '/b2b/organizations/members/deletePhoneNumber',
      sdk: `/b2b/organizations/members/mfa_phone_numbers/${real.member}`,
      totp: `/b2b/organizations/members/totp/${real.member}`,
    };
    const which = fc.constantFrom('self', 'sdk', 'totp', 'api');
    await fuzz('factor deletes', fc.tuple(which, nastyObject), async ([api, body]) => {
      const res =
        api === 'api'
          ? await t.api(`/organizations/${real.org}/members/mfa_phone_numbers/${real.member}`, {
              method: 'DELETE',
              body,
            })
          : await t.sdk(sdkPaths[api] as string, { method: 'DELETE', session: real.session, body });
      return [res, `${api} delete ${JSON.stringify(body).slice(0, 200)}`];
    });
  });
});

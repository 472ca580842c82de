/**
 * Property-based fuzzing of the SMS second factor with REAL organization, member and intermediate
 * session, so the fuzzed fields (number, code, locale, enrolment, duration, proofs) reach the code
 * itself rather than stopping at "organization not found" as the generic route fuzz does
 * (contract/fuzz.test.ts). Every answer is JSON and never 5xx; a refusal changes no data (a code's
 * wrong tries and the counters aside, contract/fuzz-support.ts) and never writes a session; only a
 * right code (which the fuzzer cannot know) could. Seeded: set ORGAUTH_FUZZ_SEED to replay.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { signUp } from '../testing/journey.js';
import { createTestServer, latestOtpCode, type TestServer } from '../testing/test-server.js';
import { nastyValue, snapshotDatabase } from './fuzz-support.js';

const SEED = Number(process.env.ORGAUTH_FUZZ_SEED ?? 20300101);
const RUNS = Number(process.env.ORGAUTH_FUZZ_RUNS ?? 30);
const PHONE = '+14155550100';

let t: TestServer;
const real: { org: string; member: string; ist: string; session: string } = {
  org: '',
  member: '',
  ist: '',
  session: '',
};

beforeAll(async () => {
  t = await createTestServer({ dev: true, rateLimits: false });
  const ada = await signUp(t, 'ada@acme.test', 'acme');
  real.org = ada.organization_id;
  real.member = ada.member_id;
  real.session = ada.session_token;
  await t.api(`/organizations/${real.org}`, { method: 'PUT', body: { mfa_policy: 'REQUIRED_FOR_ALL' } });
  await t.api(`/organizations/${real.org}/members/${real.member}`, {
    method: 'PUT',
    body: { mfa_phone_number: PHONE },
  });
  await t.api('/otps/email/login_or_signup', { body: { organization_id: real.org, email_address: 'ada@acme.test' } });
  const code = await latestOtpCode(t.server, 'ada@acme.test');
  const res = await t.sdk('/b2b/otps/email/authenticate', {
    body: { organization_id: real.org, email_address: 'ada@acme.test', code, session_duration_minutes: 60 },
  });
  real.ist = res.body.data.intermediate_session_token;
  await t.sdk('/b2b/otps/sms/send', { body: { organization_id: real.org, member_id: real.member } });
});
afterAll(async () => {
  await t?.close();
});

/** Mostly a well-formed value, sometimes an adversarial one: deep enough to reach the code itself. */
const mostly = <T>(good: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 8, arbitrary: good as fc.Arbitrary<unknown> }, { weight: 1, arbitrary: nastyValue });

/** A body with the real ids and proofs most of the time, and adversarial values in every field. */
const smsBody = fc.record(
  {
    organization_id: mostly(fc.constant('REAL_ORG')),
    member_id: mostly(fc.constant('REAL_MEMBER')),
    intermediate_session_token: mostly(fc.constant('REAL_IST')),
    session_token: mostly(fc.constant('REAL_SESSION')),
    mfa_phone_number: mostly(fc.constantFrom(PHONE, '+4915123456789', '+1 415 555 0100', '+15555555555')),
    code: mostly(fc.stringMatching(/^[0-9]{6}$/)),
    locale: mostly(fc.constantFrom('en', 'de-DE', 'ja', 'xx')),
    set_mfa_enrollment: mostly(fc.constantFrom('enroll', 'unenroll')),
    set_default_mfa: mostly(fc.boolean()),
    session_duration_minutes: mostly(fc.constantFrom(5, 60)),
    enable_autofill: mostly(fc.boolean()),
  },
  { requiredKeys: ['organization_id', 'member_id'] },
);

// A Map, not an object: fuzzed strings such as "constructor" must not find a prototype's member.
const REAL = new Map<unknown, () => string>([
  ['REAL_ORG', () => real.org],
  ['REAL_MEMBER', () => real.member],
  ['REAL_IST', () => real.ist],
  ['REAL_SESSION', () => real.session],
]);
const concrete = (body: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(body).map(([k, v]) => [k, REAL.get(v)?.() ?? v]));
const sessionRows = async () => (await t.server.db.selectFrom('sessions').select('id').execute()).length;

describe.each([
  ['SDK', (path: string, body: unknown) => t.sdk(`/b2b${path}`, { body })],
  ['backend', (path: string, body: unknown) => t.api(path, { body })],
] as const)('fuzzing otps/sms on the %s API with real ids', (api, call) => {
  test.each(['/otps/sms/send', '/otps/sms/authenticate'])('%s', async (path) => {
    let before = await snapshotDatabase(t.server.db);
    const answers = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(smsBody, async (body) => {
        const sessions = await sessionRows();
        const res = await call(path, concrete(body));
        const where = `${path} → ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`;
        const answer = `${res.status} ${res.body.error_type ?? 'ok'}`;
        answers.set(answer, (answers.get(answer) ?? 0) + 1);
        expect(res.status, where).toBeLessThan(500);
        expect(typeof res.body, where).toBe('object');
        if (res.status >= 400) {
          expect(res.body, where).toMatchObject({ status_code: res.status, error_type: expect.any(String) });
          expect(await snapshotDatabase(t.server.db), `${where}: a refusal changed the database`).toEqual(before);
          expect(await sessionRows(), where).toBe(sessions);
        } else {
          before = await snapshotDatabase(t.server.db);
        }
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
    // How deep the cases got: how many reached the code, the number check, a success.
    console.log(`[fuzz-sms] ${api} ${path}: ${[...answers].map(([a, n]) => `${a} ×${n}`).join(', ')}`);
  });
});

import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createTestServer, type TestServer } from '../testing/test-server.js';
import { createMfaOrg, type MfaOrg } from './testing.js';
import { totpCode } from './totp.js';

// Second-factor attempts are counted against the member they name (AUTH-01), but only once the
// caller has shown that member's live IST or session (mfa/caller.ts checks it before any code):
// otherwise anyone who knows a member_id could lock that member out of signing in for an hour.

let t: TestServer;
let org: MfaOrg;
beforeEach(async () => {
  t = await createTestServer({ dev: true });
  org = await createMfaOrg(t);
});
afterEach(() => t.close());

/** One second-factor attempt with a made-up IST, on each of the three member-keyed routes in turn. */
function unproven(i: number) {
  const body = { ...org.ids(), intermediate_session_token: `made-up-${i}`, session_duration_minutes: 60 };
  if (i % 3 === 0) return t.sdk('/b2b/totp/authenticate', { body: { ...body, code: '000000' } });
  if (i % 3 === 1) return t.sdk('/b2b/otps/sms/authenticate', { body: { ...body, code: '000000' } });
  return t.sdk('/b2b/recovery_codes/recover', { body: { ...body, recovery_code: 'abcd-1234-efgh' } });
}

describe('member-keyed attempts without the member’s IST (AUTH-01, no malicious lockout)', () => {
  test('30 of them leave the member free to pass the second factor', async () => {
    const { secret } = await org.enrol();
    const answers: string[] = [];
    for (let i = 0; i < 30; i++) {
      const res = await unproven(i);
      answers.push(`${res.status} ${res.body.error_type}`);
    }
    expect(new Set(answers)).toEqual(new Set(['404 intermediate_session_not_found']));
    const ist = (await org.primarySignIn()).intermediate_session_token;
    const res = await t.sdk('/b2b/totp/authenticate', {
      body: { ...org.ids(), intermediate_session_token: ist, code: totpCode(secret, t.clock.now() + 30_000) },
    });
    expect([res.status, res.body.data?.member_authenticated]).toEqual([200, true]);
  });

  test('they still count against the client IP: refused once its 100 failures an hour are spent', async () => {
    let last = 0;
    for (let i = 0; i < 101; i++) last = (await unproven(i)).status;
    expect(last).toBe(429);
  });
});

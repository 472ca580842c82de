import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createTestServer, type TestServer } from '../testing/test-server.js';
import { MAX_ATTEMPTS } from './codes.js';
import { issueSmsOtp, redeemSmsOtp, SMS_OTP_TTL_MINUTES } from './sms-codes.js';

// The code store of SMS codes, on SQLite and (with ORGAUTH_TEST_DATABASE_URL) PostgreSQL: a keyed
// digest at rest, bound to the member and the number, five minutes, single use, latest only, five
// wrong tries (docs/security.md AUTH-06, AUTH-07, AUTH-09, AUTH-10, AUTH-11).

let t: TestServer;
beforeEach(async () => {
  t = await createTestServer({ rateLimits: false });
});
afterEach(async () => {
  await t.close();
});

const binding = { projectId: 'project-test-1', organizationId: 'organization-test-1', memberId: 'member-test-1' };
const PHONE = '+14155550100';
const issue = (phone = PHONE, b = binding) => issueSmsOtp(t.server.db, t.server.secretBox, b, phone, t.clock.now());
const redeem = (code: string, b = binding) =>
  redeemSmsOtp(t.server.db, t.server.secretBox, b, code, t.clock.now(), async (_trx, phone) => phone);
const wrong = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');
const rows = () => t.server.db.selectFrom('sms_otps').selectAll().execute();
const errorOf = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (e: { errorType?: string }) => e.errorType,
  );

describe('an SMS code', () => {
  test('is six digits, at rest only as a keyed digest with its own salt, beside the number it went to', async () => {
    const code = await issue();
    expect(code).toMatch(/^[0-9]{6}$/);
    const [row] = await rows();
    expect(row?.code_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(row?.phone_number).toBe(PHONE);
    expect(JSON.stringify(row)).not.toContain(code);
    await issue();
    expect((await rows())[0]?.salt).not.toBe(row?.salt);
  });

  test('redeems once, giving the number it was sent to; then it is gone', async () => {
    const code = await issue();
    expect(await redeem(code)).toBe(PHONE);
    expect(await errorOf(redeem(code))).toBe('otp_code_not_found');
    expect(await rows()).toEqual([]);
  });

  test('only the latest code works, and a new send restores the attempts', async () => {
    const first = await issue();
    expect(await errorOf(redeem(wrong(first)))).toBe('otp_code_not_found');
    const second = await issue('+4915123456789');
    expect((await rows())[0]?.attempts).toBe(0);
    if (first !== second) expect(await errorOf(redeem(first))).toBe('otp_code_not_found');
    expect(await redeem(second)).toBe('+4915123456789');
  });

  test('expires after 5 minutes', async () => {
    expect(SMS_OTP_TTL_MINUTES).toBe(5);
    const code = await issue();
    t.clock.advance(SMS_OTP_TTL_MINUTES * 60_000);
    expect(await errorOf(redeem(code))).toBe('unable_to_auth_otp_code');
  });

  test('dies after 5 wrong tries, even for the right code', async () => {
    expect(MAX_ATTEMPTS).toBe(5);
    const code = await issue();
    for (let i = 0; i < MAX_ATTEMPTS; i++) expect(await errorOf(redeem(wrong(code)))).toBe('otp_code_not_found');
    expect(await errorOf(redeem(code))).toBe('too_many_otp_attempts');
  });

  test("is bound to its member: another member's code is not this one's", async () => {
    const code = await issue();
    const other = { ...binding, memberId: 'member-test-2' };
    await issue(PHONE, other);
    expect(await errorOf(redeem(code, { ...binding, organizationId: 'organization-test-2' }))).toBe(
      'otp_code_not_found',
    );
    expect(await redeem(code)).toBe(PHONE);
  });

  test('a refusal inside the transaction gives the code back', async () => {
    const code = await issue();
    const refused = redeemSmsOtp(t.server.db, t.server.secretBox, binding, code, t.clock.now(), async () => {
      throw new Error('refused');
    });
    await expect(refused).rejects.toThrow('refused');
    expect(await redeem(code)).toBe(PHONE);
  });
});

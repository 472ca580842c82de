import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { signUp } from '../testing/journey.js';
import { issueEmailOtp, redeemEmailOtp } from './codes.js';
import { createTestServer, latestOtpCode, type TestServer } from '../testing/test-server.js';

// The rules of a code itself (docs/security.md AUTH-06, AUTH-07, AUTH-09, AUTH-10, AUTH-11):
// six CSPRNG digits, a keyed digest at rest, single use, five wrong tries, latest only, expiry.

let t: TestServer;
let org: string;
beforeEach(async () => {
  t = await createTestServer({ dev: true, rateLimits: false });
  org = (await signUp(t, 'ada@acme.test', 'acme')).organization_id;
});
afterEach(async () => {
  await t.close();
});

const send = async (email = 'ada@acme.test', extra: Record<string, unknown> = {}) => {
  const res = await t.sdk('/b2b/otps/email/login_or_signup', {
    body: { organization_id: org, email_address: email, ...extra },
  });
  expect(res.status).toBe(200);
  return latestOtpCode(t.server, email);
};
const authenticate = (code: string, email = 'ada@acme.test', organization = org) =>
  t.sdk('/b2b/otps/email/authenticate', {
    body: { organization_id: organization, email_address: email, code, session_duration_minutes: 60 },
  });
const wrong = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');
const rows = () => t.server.db.selectFrom('email_otps').selectAll().execute();

describe('a code at rest', () => {
  test('is six digits, stored only as a keyed digest with its own salt that a million SHA-256 guesses do not find', async () => {
    const code = await send();
    expect(code).toMatch(/^[0-9]{6}$/);
    const [row] = await rows();
    expect(row?.code_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(code);
    // Sending again gives another salt (and code), so equal codes never share a digest.
    await send();
    expect((await rows())[0]?.salt).not.toBe(row?.salt);
    // What an attacker with a copy of the database would try: every code under plain and salted SHA-256.
    const found: string[] = [];
    for (let n = 0; n < 1_000_000; n++) {
      const guess = String(n).padStart(6, '0');
      const plain = createHash('sha256').update(guess).digest('hex');
      const salted = createHash('sha256').update(`${row?.salt}${guess}`).digest('hex');
      if (plain === row?.code_hash || salted === row?.code_hash) found.push(guess);
    }
    expect(found).toEqual([]);
  });

  test('codes spread over all six digits (CSPRNG, leading zeros kept)', async () => {
    const codes = new Set<string>();
    for (let i = 0; i < 60; i++) {
      await t.sdk('/b2b/otps/email/discovery/send', { body: { email_address: `p${i}@example.com` } });
      codes.add(await latestOtpCode(t.server, `p${i}@example.com`));
    }
    for (const code of codes) expect(code).toMatch(/^[0-9]{6}$/);
    expect(codes.size).toBeGreaterThan(55);
  });
});

describe('redeeming a code', () => {
  test('works once: 20 concurrent right answers give exactly one session', async () => {
    const code = await send();
    const answers = await Promise.all(Array.from({ length: 20 }, () => authenticate(code)));
    expect(answers.filter((r) => r.status === 200)).toHaveLength(1);
    for (const r of answers.filter((a) => a.status !== 200)) expect(r.status).toBeGreaterThanOrEqual(400);
    expect((await authenticate(code)).body.error_type).toBe('otp_code_not_found');
    expect(await rows()).toEqual([]);
  });

  test('the consume is atomic: of concurrent redeemers that all pass the comparison, one gets through', async () => {
    const { db, secretBox } = t.server;
    const binding = { projectId: t.server.project.project_id, organizationId: org, email: 'ada@acme.test' };
    const now = t.clock.now();
    const code = await issueEmailOtp(db, secretBox, binding, 10, now);
    let used = 0;
    const tries = await Promise.allSettled(
      Array.from({ length: 20 }, () =>
        redeemEmailOtp(db, secretBox, binding, code, now, async () => {
          used++;
        }),
      ),
    );
    expect(used).toBe(1);
    expect(tries.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
  });

  test('five wrong tries kill it: the right code then fails; four wrong tries leave it usable', async () => {
    let code = await send();
    const left: string[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await authenticate(wrong(code));
      expect(res.status).toBe(404);
      expect(res.body.error_type).toBe('otp_code_not_found');
      left.push(res.body.error_message);
    }
    expect(left[0]).toMatch(/4 attempts left/);
    expect(left[3]).toMatch(/1 attempt left/);
    expect(left[4]).toMatch(/last attempt/);
    const dead = await authenticate(code);
    expect(dead.status).toBe(401);
    expect(dead.body.error_type).toBe('too_many_otp_attempts');

    code = await send();
    for (let i = 0; i < 4; i++) expect((await authenticate(wrong(code))).status).toBe(404);
    const ok = await authenticate(code);
    expect(ok.status).toBe(200);
    expect(ok.body.data.member_session.authentication_factors[0]).toMatchObject({
      type: 'otp',
      delivery_method: 'email',
    });
  });

  test('concurrent wrong guesses never get more than five tries at a code', async () => {
    const code = await send();
    const guesses = Array.from({ length: 30 }, (_, i) => String((Number(code) + 1 + i) % 1_000_000).padStart(6, '0'));
    const answers = await Promise.all([...guesses.map((g) => authenticate(g)), authenticate(code)]);
    // Only a claimed attempt is compared: "wrong" (with attempts left) or a session; the rest were refused unread.
    const compared = answers.filter((r) => r.status === 200 || /is wrong/.test(r.body.error_message));
    expect(compared.length).toBeLessThanOrEqual(5);
    expect(answers.some((r) => r.body.error_type === 'too_many_otp_attempts')).toBe(true);
    expect(Number((await rows())[0]?.attempts ?? 5)).toBeLessThanOrEqual(5);
  });

  test('a new send invalidates the previous code', async () => {
    const first = await send();
    const second = await send();
    if (first !== second) expect((await authenticate(first)).body.error_type).toBe('otp_code_not_found');
    expect((await authenticate(second)).status).toBe(200);
  });

  test('a new send also restarts the attempt count (for the new code only)', async () => {
    const first = await send();
    for (let i = 0; i < 5; i++) await authenticate(wrong(first));
    const second = await send();
    expect((await authenticate(second)).status).toBe(200);
  });

  test('expires after login_expiration_minutes (default 10); bounds 2..15', async () => {
    let code = await send();
    t.clock.advance(10 * 60_000 - 1);
    expect((await authenticate(code)).status).toBe(200);
    code = await send();
    t.clock.advance(10 * 60_000);
    const late = await authenticate(code);
    expect(late.status).toBe(401);
    expect(late.body.error_type).toBe('unable_to_auth_otp_code');
    code = await send('ada@acme.test', { login_expiration_minutes: 2 });
    t.clock.advance(119_000);
    expect((await authenticate(code)).status).toBe(200);
    code = await send('ada@acme.test', { login_expiration_minutes: 2 });
    t.clock.advance(120_000);
    expect((await authenticate(code)).body.error_type).toBe('unable_to_auth_otp_code');
    for (const minutes of [1, 16, 2.5, '10'])
      expect(
        (
          await t.sdk('/b2b/otps/email/login_or_signup', {
            body: { organization_id: org, email_address: 'ada@acme.test', login_expiration_minutes: minutes },
          })
        ).status,
      ).toBe(400);
  });

  test('is bound to its organization and email (AUTH-10), and a discovery code is not an organization code', async () => {
    const beta = (await signUp(t, 'ada@acme.test', 'beta')).organization_id;
    await signUp(t, 'bob@acme.test', 'bobs');
    await t.api(`/organizations/${org}/members`, { body: { email_address: 'bob@acme.test' } });
    const code = await send();
    expect((await authenticate(code, 'ada@acme.test', beta)).body.error_type).toBe('otp_code_not_found');
    expect((await authenticate(code, 'bob@acme.test')).body.error_type).toBe('otp_code_not_found');
    await t.sdk('/b2b/otps/email/discovery/send', { body: { email_address: 'ada@acme.test' } });
    const discovery = await latestOtpCode(t.server, 'ada@acme.test');
    expect((await authenticate(discovery, 'ada@acme.test', beta)).body.error_type).toBe('otp_code_not_found');
    expect((await authenticate(code)).status).toBe(200);
  });

  test('a malformed code is a 400 that spends no attempt', async () => {
    const code = await send();
    for (const bad of ['12345', '1234567', 'abcdef', '', 123456, null])
      expect((await authenticate(bad as string)).status).toBe(400);
    expect(Number((await rows())[0]?.attempts)).toBe(0);
    expect((await authenticate(` ${code} `)).status).toBe(200);
  });
});

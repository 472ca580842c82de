import { afterEach, describe, expect, test } from 'vitest';
import { createRateLimiter } from '../http/rate-limit.js';
import { signUp } from '../testing/journey.js';
import { createTestServer, type TestServer } from '../testing/test-server.js';
import { sendGateSmsOtp } from './sms-gate-send.js';

// Stytch's automatic SMS when a sign-in stops at the MFA gate (otps/sms-gate-send.ts), which the
// gate sends after the sign-in's commit (mfa/gate.ts primaryAuthResponse): only to a verified
// number, when SMS is the member's method, where the organization allows it, within the send limits.

let t: TestServer;
afterEach(async () => {
  await t.close();
});

const PHONE = '+14155550100';

async function setUp(rateLimits: false | { sendPerPhone: { max: number; windowMinutes: number } }) {
  t = await createTestServer({ dev: true, rateLimits });
  const ada = await signUp(t, 'ada@acme.test', 'acme');
  const member = ada.member_id as string;
  const project = (await t.server.db
    .selectFrom('projects')
    .selectAll()
    .where('env', '=', 'test')
    .executeTakeFirstOrThrow()) as never;
  const organization = await t.server.db
    .selectFrom('organizations')
    .selectAll()
    .where('id', '=', ada.organization_id as string)
    .executeTakeFirstOrThrow();
  const sent: { to: string; body: string }[] = [];
  const deps = {
    db: t.server.db,
    secretBox: t.server.secretBox,
    now: t.clock.now,
    sms: { send: (m: { to: string; body: string }) => sent.push(m) },
    rateLimiter: createRateLimiter(t.server.db, t.clock.now, rateLimits),
  } as never;
  const row = () => t.server.db.selectFrom('members').selectAll().where('id', '=', member).executeTakeFirstOrThrow();
  const setMember = (values: Record<string, unknown>) =>
    t.server.db.updateTable('members').set(values).where('id', '=', member).execute();
  const send = async (org = organization, locale?: string) => sendGateSmsOtp(deps, project, await row(), org, locale);
  return { organization, sent, setMember, send };
}

describe('the automatic SMS at the gate (sendGateSmsOtp)', () => {
  test('sends to a verified number when SMS is the method, where the organization allows it', async () => {
    const { organization, sent, setMember, send } = await setUp(false);
    expect(await send()).toBe(false);
    await setMember({ mfa_phone_number: PHONE, mfa_phone_number_verified: 0 });
    expect(await send()).toBe(false);
    // A verified number and no TOTP: SMS is the only method, whatever default_mfa_method says.
    await setMember({ mfa_phone_number_verified: 1 });
    expect(await send(organization, 'de')).toBe(true);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.to).toBe(PHONE);
    expect(sent[0]?.body).toMatch(/^[0-9]{6} ist Ihr Bestätigungscode für /);
    // With a TOTP too, default_mfa_method chooses.
    await setMember({ totp_registration_id: 'member-totp-test-1', default_mfa_method: 'totp' });
    expect(await send()).toBe(false);
    await setMember({ default_mfa_method: 'sms_otp' });
    expect(await send()).toBe(true);
    const restrict = (methods: string[]) => ({
      ...organization,
      extra_settings: JSON.stringify({ mfa_methods: 'RESTRICTED', allowed_mfa_methods: methods }),
    });
    expect(await send(restrict(['totp']))).toBe(false);
    // TOTP left out: SMS answers even for a member preferring TOTP.
    await setMember({ default_mfa_method: 'totp' });
    expect(await send(restrict(['sms_otp']))).toBe(true);
    // RESTRICTED does not apply to a breakglass member (the `stytch` package's organizations.d.ts).
    await setMember({ default_mfa_method: 'sms_otp', is_breakglass: 1 });
    expect(await send(restrict(['totp']))).toBe(true);
    expect(sent).toHaveLength(4);
  });

  test('over the per-number send limit nothing is sent and it answers false, never an error', async () => {
    const { sent, setMember, send } = await setUp({ sendPerPhone: { max: 2, windowMinutes: 60 } });
    await setMember({ mfa_phone_number: PHONE, mfa_phone_number_verified: 1 });
    expect([await send(), await send(), await send()]).toEqual([true, true, false]);
    expect(sent).toHaveLength(2);
  });
});

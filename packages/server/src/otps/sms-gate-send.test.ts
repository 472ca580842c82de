import { afterEach, describe, expect, test } from 'vitest';
import { signUp } from '../testing/journey.js';
import { createTestServer, type TestServer } from '../testing/test-server.js';
import { sendGateSmsOtp } from './sms-send.js';

// Stytch's automatic SMS when a sign-in stops at the MFA gate (otps/sms-service.ts sendGateSmsOtp),
// which the gate's callers send after their commit: only to a verified number of a member who
// prefers SMS, where the organization allows it.

let t: TestServer;
afterEach(async () => {
  await t.close();
});

const PHONE = '+14155550100';

async function setUp() {
  t = await createTestServer({ dev: true, rateLimits: false });
  const ada = await signUp(t, 'ada@acme.test', 'acme');
  return { org: ada.organization_id as string, member: ada.member_id as string };
}
const memberRow = (id: string) =>
  t.server.db.selectFrom('members').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

describe('the automatic SMS at the gate (sendGateSmsOtp, for the MFA gate to call)', () => {
  test('sends only for a verified number whose member prefers SMS, where the organization allows it', async () => {
    const { org, member } = await setUp();
    const project = (await t.server.db
      .selectFrom('projects')
      .selectAll()
      .where('env', '=', 'test')
      .executeTakeFirstOrThrow()) as never;
    const organization = await t.server.db
      .selectFrom('organizations')
      .selectAll()
      .where('id', '=', org)
      .executeTakeFirstOrThrow();
    const sent: { to: string; body: string }[] = [];
    const deps = {
      db: t.server.db,
      secretBox: t.server.secretBox,
      now: t.clock.now,
      sms: { send: (m: { to: string; body: string }) => sent.push(m) },
    } as never;
    const row = async () => memberRow(member);
    expect(await sendGateSmsOtp(deps, project, await row(), organization)).toBe(false);
    await t.server.db
      .updateTable('members')
      .set({ mfa_phone_number: PHONE, mfa_phone_number_verified: 1 })
      .where('id', '=', member)
      .execute();
    expect(await sendGateSmsOtp(deps, project, await row(), organization)).toBe(false);
    await t.server.db.updateTable('members').set({ default_mfa_method: 'sms_otp' }).where('id', '=', member).execute();
    expect(await sendGateSmsOtp(deps, project, await row(), organization, 'de')).toBe(true);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.to).toBe(PHONE);
    expect(sent[0]?.body).toMatch(/^[0-9]{6} ist Ihr Bestätigungscode für /);
    const restricted = {
      ...organization,
      extra_settings: JSON.stringify({ mfa_methods: 'RESTRICTED', allowed_mfa_methods: ['totp'] }),
    };
    expect(await sendGateSmsOtp(deps, project, await row(), restricted)).toBe(false);
  });
});

import { randomBytes } from 'node:crypto';
import { B2BClient, StytchError } from 'stytch';
import type {
  B2BOrganizationsMembersDeleteMFAPhoneNumberResponse,
  B2BOTPEmailAuthenticateResponse,
  B2BOTPSmsAuthenticateResponse,
  B2BOTPSmsSendResponse,
  B2BSessionsAuthenticateResponse,
} from 'stytch';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startLoopbackServer, type LoopbackServer } from './loopback.js';
import { shapeErrors } from './sdk-shapes.js';

/**
 * Stytch's official Node SDK (`stytch` 14.2.0, `B2BClient`) through a second factor by SMS on an
 * organization with `mfa_policy: REQUIRED_FOR_ALL`: an email code proves the primary factor and
 * answers an intermediate session, `otps.sms.send` enrols a number with it, `otps.sms.authenticate`
 * turns it into a session with both factors, and `organizations.members.deleteMFAPhoneNumber`
 * removes the number. Codes are read from the server's dev mailbox and SMS outbox, as a person
 * reads their phone.
 */
let loopback: LoopbackServer;
let client: B2BClient;
const EMAIL = 'ada@acme.test';
const PHONE = '+14155550100';
const state: { org?: string; member?: string; ist?: string } = {};
const shapeProblems: { step: string; problem: string }[] = [];

function checkShape(step: string, value: unknown, interfaceName: string): void {
  shapeProblems.push(...shapeErrors(value, interfaceName, 'response').map((problem) => ({ step, problem })));
}

function need<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`An earlier step did not produce ${what}.`);
  return value;
}

async function latestSmsCode(): Promise<string> {
  const [sms] = await loopback.server.smsOutbox.list();
  return need(sms?.body.match(/\b([0-9]{6})\b/)?.[1], 'an SMS code');
}

beforeAll(async () => {
  loopback = await startLoopbackServer();
  await loopback.server.projects.setMemberRolesFormat('objects');
  const { project_id, secret } = loopback.server.project;
  client = new B2BClient({ project_id, secret, env: loopback.baseUrl });
  const created = await client.organizations.create({
    organization_name: 'Acme',
    organization_slug: `acme-${randomBytes(3).toString('hex')}`,
    mfa_policy: 'REQUIRED_FOR_ALL',
  });
  state.org = created.organization.organization_id;
  const member = await client.organizations.members.create({ organization_id: state.org, email_address: EMAIL });
  state.member = member.member_id;
});

afterAll(async () => {
  await loopback?.close();
});

describe.sequential('stytch B2BClient: otps.sms as the second factor', () => {
  test('otps.email.authenticate stops at the gate with an intermediate session', async () => {
    const organization_id = need(state.org, 'an organization');
    await client.otps.email.loginOrSignup({ organization_id, email_address: EMAIL });
    const mail = (await loopback.server.mailbox.list()).find((m) => m.to === EMAIL);
    const code = need(mail?.text.match(/^Your code: ([0-9]{6})$/m)?.[1], 'a mailed code');
    const res: B2BOTPEmailAuthenticateResponse = await client.otps.email.authenticate({
      organization_id,
      email_address: EMAIL,
      code,
      session_duration_minutes: 60,
    });
    expect(res).toMatchObject({ member_authenticated: false, session_token: '', session_jwt: '' });
    state.ist = res.intermediate_session_token;
    expect(state.ist).not.toBe('');
  });

  test('otps.sms.send enrols a number with the intermediate session', async () => {
    const res: B2BOTPSmsSendResponse = await client.otps.sms.send({
      organization_id: need(state.org, 'an organization'),
      member_id: need(state.member, 'a member'),
      mfa_phone_number: PHONE,
      locale: 'en',
      intermediate_session_token: need(state.ist, 'an IST'),
    });
    checkShape('otps.sms.send', res, 'B2BOTPSmsSendResponse');
    expect(res).toMatchObject({ status_code: 200, member_id: state.member });
    expect(res.member.mfa_phone_number_verified).toBe(false);
    expect(await loopback.server.smsOutbox.list()).toHaveLength(1);
  });

  test('otps.sms.authenticate refuses a wrong code with StytchError otp_code_not_found, and no session', async () => {
    const code = await latestSmsCode();
    const refused = await client.otps.sms
      .authenticate({
        organization_id: need(state.org, 'an organization'),
        member_id: need(state.member, 'a member'),
        code: String((Number(code) + 1) % 1_000_000).padStart(6, '0'),
        intermediate_session_token: need(state.ist, 'an IST'),
      })
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(StytchError);
    expect(refused).toMatchObject({ status_code: 404, error_type: 'otp_code_not_found' });
  });

  test('otps.sms.authenticate with the right code: a session holding both factors, the member enrolled', async () => {
    const organization_id = need(state.org, 'an organization');
    const res: B2BOTPSmsAuthenticateResponse = await client.otps.sms.authenticate({
      organization_id,
      member_id: need(state.member, 'a member'),
      code: await latestSmsCode(),
      intermediate_session_token: need(state.ist, 'an IST'),
      session_duration_minutes: 60,
      set_mfa_enrollment: 'enroll',
    });
    checkShape('otps.sms.authenticate', res, 'B2BOTPSmsAuthenticateResponse');
    expect(res.member).toMatchObject({ mfa_phone_number: PHONE, mfa_phone_number_verified: true, mfa_enrolled: true });
    const factors = need(res.member_session, 'a member_session').authentication_factors;
    // `sequence_order` is on the wire (docs/wire-protocol.md §2) though this SDK's type omits it.
    expect(factors.map((f) => [f.delivery_method, (f as { sequence_order?: string }).sequence_order])).toEqual([
      ['email', 'PRIMARY'],
      ['sms', 'SECONDARY'],
    ]);
    expect(factors[1]?.phone_number_factor?.phone_number).toBe(PHONE);
    const session: B2BSessionsAuthenticateResponse = await client.sessions.authenticate({
      session_token: res.session_token,
    });
    expect(session.member_session).toMatchObject({ member_id: state.member, organization_id });
  });

  test('organizations.members.deleteMFAPhoneNumber removes the verified number', async () => {
    const ids = { organization_id: need(state.org, 'an organization'), member_id: need(state.member, 'a member') };
    const res: B2BOrganizationsMembersDeleteMFAPhoneNumberResponse =
      await client.organizations.members.deleteMFAPhoneNumber(ids);
    checkShape(
      'organizations.members.deleteMFAPhoneNumber',
      res,
      'B2BOrganizationsMembersDeleteMFAPhoneNumberResponse',
    );
    expect(res).toMatchObject({ status_code: 200, member_id: ids.member_id });
    expect(res.member).toMatchObject({ mfa_phone_number: '', mfa_phone_number_verified: false });
    const unknown = await client.organizations.members
      .deleteMFAPhoneNumber({ ...ids, member_id: 'member-test-00000000-0000-4000-8000-000000000000' })
      .catch((error: unknown) => error);
    expect(unknown).toMatchObject({ status_code: 404, error_type: 'member_not_found' });
  });

  test('every answer has the shape the SDK declares', () => {
    expect(shapeProblems).toEqual([]);
  });
});

import { randomBytes } from 'node:crypto';
import { B2BClient, StytchError } from 'stytch';
import type {
  B2BMagicLinksAuthenticateResponse,
  B2BOrganizationsMembersDeleteTOTPResponse,
  B2BOrganizationsUpdateResponse,
  B2BRecoveryCodesGetResponse,
  B2BRecoveryCodesRecoverResponse,
  B2BRecoveryCodesRotateResponse,
  B2BTOTPsAuthenticateResponse,
  B2BTOTPsCreateResponse,
  B2BTOTPsMigrateResponse,
} from 'stytch';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { totpCode } from '../mfa/totp.js';
import { latestMagicLinkToken } from '../testing/test-server.js';
import { startLoopbackServer, type LoopbackServer } from './loopback.js';
import { shapeErrors } from './sdk-shapes.js';

/**
 * Stytch's official Node SDK (`stytch` 14.2.0, `B2BClient`) through multi-factor sign-in on an
 * organization with `mfa_policy: REQUIRED_FOR_ALL`: the magic link stops at an IST, `totps.create`
 * and `totps.authenticate` finish it, `recoveryCodes.get/recover/rotate`, then `deleteTOTP` and `totps.migrate`.
 */
let loopback: LoopbackServer;
let client: B2BClient;
const state: { org?: string; member?: string; secret?: string; codes?: string[]; step?: number } = {};
const EMAIL = 'ada@mfa.example';
const shapeProblems: string[] = [];

function checkShape(step: string, value: unknown, interfaceName: string): void {
  shapeProblems.push(...shapeErrors(value, interfaceName, 'response').map((problem) => `${problem} [${step}]`));
}

function need<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`An earlier step did not produce ${what}.`);
  return value;
}

const ids = () => ({ organization_id: need(state.org, 'an organization'), member_id: need(state.member, 'a member') });

/** A magic-link sign-in through the SDK, stopped at the MFA gate: its IST. */
async function primaryIst(): Promise<string> {
  await client.magicLinks.email.loginOrSignup({ organization_id: ids().organization_id, email_address: EMAIL });
  const { token } = await latestMagicLinkToken(loopback.server, EMAIL);
  const res: B2BMagicLinksAuthenticateResponse = await client.magicLinks.authenticate({ magic_links_token: token });
  checkShape('magicLinks.authenticate (MFA pending)', res, 'B2BMagicLinksAuthenticateResponse');
  expect(res).toMatchObject({ member_authenticated: false, session_token: '', session_jwt: '' });
  expect(res.member_session ?? null).toBeNull();
  return res.intermediate_session_token;
}

beforeAll(async () => {
  loopback = await startLoopbackServer();
  await loopback.server.projects.setMemberRolesFormat('objects');
  const { project_id, secret } = loopback.server.project;
  client = new B2BClient({ project_id, secret, env: loopback.baseUrl });
  const org = await client.organizations.create({
    organization_name: 'Mfa',
    organization_slug: `mfa-${randomBytes(3).toString('hex')}`,
  });
  state.org = org.organization.organization_id;
  const member = await client.organizations.members.create({ organization_id: state.org, email_address: EMAIL });
  state.member = member.member_id;
});

afterAll(async () => {
  await loopback?.close();
});

describe.sequential('stytch B2BClient through multi-factor sign-in', () => {
  test('organizations.update sets mfa_policy REQUIRED_FOR_ALL and allowed_mfa_methods', async () => {
    const res: B2BOrganizationsUpdateResponse = await client.organizations.update({
      organization_id: ids().organization_id,
      mfa_policy: 'REQUIRED_FOR_ALL',
      mfa_methods: 'RESTRICTED',
      allowed_mfa_methods: ['totp'],
    });
    checkShape('organizations.update', res, 'B2BOrganizationsUpdateResponse');
    expect(res.organization).toMatchObject({
      mfa_policy: 'REQUIRED_FOR_ALL',
      mfa_methods: 'RESTRICTED',
      allowed_mfa_methods: ['totp'],
    });
  });

  test('totps.create, then totps.authenticate turns the IST into a session', async () => {
    const ist = await primaryIst();
    const created: B2BTOTPsCreateResponse = await client.totps.create(ids());
    checkShape('totps.create', created, 'B2BTOTPsCreateResponse');
    expect(created.qr_code).toMatch(/^data:image\/png;base64,/);
    expect(created.recovery_codes).toHaveLength(10);
    state.secret = created.secret;
    state.codes = created.recovery_codes;
    const now = Date.now();
    state.step = Math.floor(now / 30_000);
    const res: B2BTOTPsAuthenticateResponse = await client.totps.authenticate({
      ...ids(),
      code: totpCode(created.secret, now),
      intermediate_session_token: ist,
      session_duration_minutes: 60,
      set_mfa_enrollment: 'enroll',
    });
    checkShape('totps.authenticate', res, 'B2BTOTPsAuthenticateResponse');
    expect(res.session_token).not.toBe('');
    expect(res.member).toMatchObject({ mfa_enrolled: true, totp_registration_id: created.totp_registration_id });
    const factors = need(res.member_session, 'a member_session').authentication_factors.map((f) => f.type);
    expect(factors).toEqual(['magic_link', 'totp']);
  });

  test('totps.authenticate refuses a code of a step already used', async () => {
    const ist = await primaryIst();
    const stepStart = need(state.step, 'a used step') * 30_000;
    const code = totpCode(need(state.secret, 'a secret'), stepStart);
    const refused = await client.totps
      .authenticate({ ...ids(), code, intermediate_session_token: ist })
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(StytchError);
    // Within its window the code is "already authenticated"; past it, simply wrong.
    expect((refused as StytchError).error_type).toMatch(/^(totp_code_already_authenticated|otp_code_not_found)$/);
  });

  test('recoveryCodes.get, recover (once) and rotate', async () => {
    const codes = need(state.codes, 'recovery codes');
    const got: B2BRecoveryCodesGetResponse = await client.recoveryCodes.get(ids());
    checkShape('recoveryCodes.get', got, 'B2BRecoveryCodesGetResponse');
    expect([...got.recovery_codes].sort()).toEqual([...codes].sort());
    const recovered: B2BRecoveryCodesRecoverResponse = await client.recoveryCodes.recover({
      ...ids(),
      recovery_code: need(codes[0], 'a code'),
      intermediate_session_token: await primaryIst(),
      session_duration_minutes: 60,
    });
    checkShape('recoveryCodes.recover', recovered, 'B2BRecoveryCodesRecoverResponse');
    expect(recovered.recovery_codes_remaining).toBe(9);
    expect(recovered.session_token).not.toBe('');
    const again = await client.recoveryCodes
      .recover({ ...ids(), recovery_code: need(codes[0], 'a code'), intermediate_session_token: await primaryIst() })
      .catch((error: unknown) => error);
    expect(again).toMatchObject({ status_code: 404, error_type: 'recovery_code_not_found' });
    const rotated: B2BRecoveryCodesRotateResponse = await client.recoveryCodes.rotate(ids());
    checkShape('recoveryCodes.rotate', rotated, 'B2BRecoveryCodesRotateResponse');
    expect(rotated.recovery_codes).toHaveLength(10);
    expect(rotated.recovery_codes.some((c) => codes.includes(c))).toBe(false);
  });

  test('organizations.members.deleteTOTP', async () => {
    const res: B2BOrganizationsMembersDeleteTOTPResponse = await client.organizations.members.deleteTOTP(ids());
    checkShape('organizations.members.deleteTOTP', res, 'B2BOrganizationsMembersDeleteTOTPResponse');
    expect(res.member.totp_registration_id).toBe('');
  });

  test('totps.migrate imports a secret and recovery codes; a code of that secret completes a sign-in', async () => {
    // RFC 6238's SHA-1 test key, as another system would export it.
    const secret = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
    const bad = await client.totps
      .migrate({ ...ids(), secret: 'not-base32!', recovery_codes: [] })
      .catch((error: unknown) => error);
    expect(bad).toMatchObject({ status_code: 400, error_type: 'bad_request' });
    const codes = ['imported-code-one', 'imported-code-two'];
    const res: B2BTOTPsMigrateResponse = await client.totps.migrate({ ...ids(), secret, recovery_codes: codes });
    checkShape('totps.migrate', res, 'B2BTOTPsMigrateResponse');
    expect(res.recovery_codes).toEqual(codes);
    expect(res.member.totp_registration_id).toBe(res.totp_registration_id);
    const done = await client.totps.authenticate({
      ...ids(),
      code: totpCode(secret, Date.now()),
      intermediate_session_token: await primaryIst(),
    });
    expect(done.session_token).not.toBe('');
    const again = await client.totps.migrate({ ...ids(), secret, recovery_codes: [] }).catch((error: unknown) => error);
    expect(again).toMatchObject({ status_code: 400, error_type: 'active_totp_exists' });
  });

  test('every response carries each field the SDK types declare required, with the declared kind', () => {
    expect(shapeProblems).toEqual([]);
  });
});

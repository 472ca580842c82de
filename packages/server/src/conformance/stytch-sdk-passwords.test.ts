import { randomBytes } from 'node:crypto';
import { B2BClient, StytchError } from 'stytch';
import type {
  B2BPasswordsAuthenticateResponse,
  B2BPasswordsDiscoveryAuthenticateResponse,
  B2BPasswordsExistingPasswordResetResponse,
  B2BPasswordsMigrateResponse,
  B2BPasswordsSessionResetResponse,
  B2BPasswordsStrengthCheckResponse,
  B2BOrganizationsMembersSearchResponse,
} from 'stytch';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startLoopbackServer, type LoopbackServer } from './loopback.js';
import { shapeErrors } from './sdk-shapes.js';

/**
 * Stytch's official Node SDK (`stytch` 14.2.0, `B2BClient`) calling `passwords.*` against the real
 * server on loopback: migrate a bcrypt hash, sign in with it (re-hashed to scrypt), check strength,
 * reset by existing password and by session, discover by password. Steps share state and run in
 * order; every raw response is compared with the SDK's declared interface (the last test).
 */
let loopback: LoopbackServer;
let client: B2BClient;
const shapeProblems: { step: string; problem: string }[] = [];
const email = `ada-${randomBytes(3).toString('hex')}@conformance.example`;
// crypt_blowfish's test vector: the hash of `U*U` at cost 5.
const BCRYPT = '$2a$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW';
const SECOND = 'copper-lantern-meadow-93';
const THIRD = 'amber-glacier-violin-12';
const state: { organizationId?: string; sessionToken?: string; passwordId?: string } = {};

function checkShape(step: string, value: unknown, interfaceName: string): void {
  shapeProblems.push(...shapeErrors(value, interfaceName, 'response').map((problem) => ({ step, problem })));
}

function need<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`An earlier step did not produce ${what}.`);
  return value;
}

beforeAll(async () => {
  // A modest scrypt cost keeps the suite quick; the production cost is timed in passwords/hash.test.ts.
  loopback = await startLoopbackServer({ passwordHashCost: { ln: 10, r: 8, p: 1 } });
  const { project_id, secret } = loopback.server.project;
  client = new B2BClient({ project_id, secret, env: loopback.baseUrl });
  const created = await client.organizations.create({
    organization_name: 'Passwords Inc',
    organization_slug: `pw-${randomBytes(4).toString('hex')}`,
  });
  state.organizationId = created.organization.organization_id;
});

afterAll(async () => {
  await loopback?.close();
});

describe.sequential('stytch B2BClient passwords.* against OrgAuth on loopback', () => {
  test('passwords.migrate (bcrypt) creates the member with a verified email', async () => {
    const organization_id = need(state.organizationId, 'an organization');
    const res: B2BPasswordsMigrateResponse = await client.passwords.migrate({
      organization_id,
      email_address: email,
      hash: BCRYPT,
      hash_type: 'bcrypt',
      name: 'Ada',
    });
    checkShape('passwords.migrate', res, 'B2BPasswordsMigrateResponse');
    expect(res).toMatchObject({ status_code: 200, member_created: true });
    expect(res.member).toMatchObject({ email_address: email, email_address_verified: true, name: 'Ada' });
    expect(res.member.member_password_id).toMatch(/^member-password-test-/);
    state.passwordId = res.member.member_password_id;
  });

  test('passwords.authenticate: wrong is unauthorized_credentials; right signs in with a password factor', async () => {
    const organization_id = need(state.organizationId, 'an organization');
    const wrong = await client.passwords
      .authenticate({ organization_id, email_address: email, password: 'U*V' })
      .catch((error: unknown) => error);
    expect(wrong).toBeInstanceOf(StytchError);
    expect(wrong).toMatchObject({ status_code: 401, error_type: 'unauthorized_credentials' });
    const res: B2BPasswordsAuthenticateResponse = await client.passwords.authenticate({
      organization_id,
      email_address: email,
      password: 'U*U',
      session_duration_minutes: 60,
    });
    checkShape('passwords.authenticate', res, 'B2BPasswordsAuthenticateResponse');
    expect(res).toMatchObject({ member_authenticated: true, organization_id, intermediate_session_token: '' });
    expect(res.member.member_password_id).toBe(state.passwordId);
    expect(need(res.member_session, 'a member_session').authentication_factors[0]).toMatchObject({
      type: 'password',
      delivery_method: 'knowledge',
    });
    state.sessionToken = res.session_token;
  });

  test('passwords.strengthCheck answers Stytch’s zxcvbn shape', async () => {
    const weak: B2BPasswordsStrengthCheckResponse = await client.passwords.strengthCheck({ password: 'password1' });
    checkShape('passwords.strengthCheck', weak, 'B2BPasswordsStrengthCheckResponse');
    expect(weak).toMatchObject({
      valid_password: false,
      breached_password: true,
      strength_policy: 'zxcvbn',
      breach_detection_on_create: true,
    });
    const strong = await client.passwords.strengthCheck({ password: SECOND, email_address: email });
    expect(strong).toMatchObject({ valid_password: true, zxcvbn_feedback: { suggestions: [], warning: '' } });
    expect(strong.score).toBeGreaterThanOrEqual(3);
  });

  test('passwords.existingPassword.reset sets a strong password and refuses a weak one', async () => {
    const organization_id = need(state.organizationId, 'an organization');
    const weak = await client.passwords.existingPassword
      .reset({ organization_id, email_address: email, existing_password: 'U*U', new_password: 'conformance1' })
      .catch((error: unknown) => error);
    expect(weak).toMatchObject({ status_code: 400, error_type: 'weak_password' });
    const res: B2BPasswordsExistingPasswordResetResponse = await client.passwords.existingPassword.reset({
      organization_id,
      email_address: email,
      existing_password: 'U*U',
      new_password: SECOND,
      session_duration_minutes: 60,
    });
    checkShape('passwords.existingPassword.reset', res, 'B2BPasswordsExistingPasswordResetResponse');
    expect(res.member_authenticated).toBe(true);
    // Every other session of the email ended with the change.
    const old = await client.sessions
      .authenticate({ session_token: need(state.sessionToken, 'a session') })
      .catch((error: unknown) => error);
    expect(old).toMatchObject({ status_code: 404, error_type: 'session_not_found' });
    state.sessionToken = res.session_token;
  });

  test('passwords.sessions.reset sets the password from a fresh session', async () => {
    const organization_id = need(state.organizationId, 'an organization');
    const res: B2BPasswordsSessionResetResponse = await client.passwords.sessions.reset({
      organization_id,
      password: THIRD,
      session_token: need(state.sessionToken, 'a session'),
    });
    checkShape('passwords.sessions.reset', res, 'B2BPasswordsSessionResetResponse');
    expect(res.member.member_password_id).toBe(state.passwordId);
    expect(res.session_token).not.toBe(state.sessionToken);
  });

  test('passwords.discovery.authenticate answers an intermediate session and the organization', async () => {
    const res: B2BPasswordsDiscoveryAuthenticateResponse = await client.passwords.discovery.authenticate({
      email_address: email,
      password: THIRD,
    });
    checkShape('passwords.discovery.authenticate', res, 'B2BPasswordsDiscoveryAuthenticateResponse');
    expect(res.email_address).toBe(email);
    expect(res.intermediate_session_token).not.toBe('');
    expect(res.discovered_organizations.map((d) => d.organization?.organization_id)).toEqual([state.organizationId]);
    const wrong = await client.passwords.discovery
      .authenticate({ email_address: email, password: SECOND })
      .catch((error: unknown) => error);
    expect(wrong).toMatchObject({ status_code: 401, error_type: 'unauthorized_credentials' });
  });

  test('organizations.members.search filters by member_password_exists', async () => {
    const organization_id = need(state.organizationId, 'an organization');
    await client.organizations.members.create({ organization_id, email_address: `no-password-${email}` });
    const search = (filter_value: boolean) =>
      client.organizations.members.search({
        organization_ids: [organization_id],
        query: { operator: 'AND', operands: [{ filter_name: 'member_password_exists', filter_value }] },
      });
    const withPassword: B2BOrganizationsMembersSearchResponse = await search(true);
    checkShape('organizations.members.search', withPassword, 'B2BOrganizationsMembersSearchResponse');
    expect(withPassword.members.map((m) => [m.email_address, m.member_password_id])).toEqual([
      [email, state.passwordId],
    ]);
    expect((await search(false)).members.map((m) => [m.email_address, m.member_password_id])).toEqual([
      [`no-password-${email}`, ''],
    ]);
  });

  test('every response carries each field the SDK types declare required, with the declared kind', () => {
    expect(shapeProblems.map(({ step, problem }) => `${problem} [${step}]`)).toEqual([]);
  });
});

import { randomBytes } from 'node:crypto';
import { B2BClient, StytchError } from 'stytch';
import type {
  B2BDiscoveryIntermediateSessionsExchangeResponse,
  B2BPasswordsDiscoveryEmailResetResponse,
  B2BPasswordsDiscoveryEmailResetStartResponse,
  B2BPasswordsEmailRequireResetResponse,
  B2BPasswordsEmailResetResponse,
  B2BPasswordsEmailResetStartResponse,
  B2BSessionsAuthenticateResponse,
} from 'stytch';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { pkceChallenge } from '../lib/crypto.js';
import { latestMagicLinkToken } from '../testing/test-server.js';
import { startLoopbackServer, type LoopbackServer } from './loopback.js';
import { shapeErrors } from './sdk-shapes.js';

/**
 * Stytch's official Node SDK (`stytch` 14.2.0, `B2BClient`) through the password resets by email,
 * organization and discovery, against the real server on loopback: start, the mailed link, reset
 * with a PKCE verifier, the session or intermediate session it gives, and the refusal of a spent
 * link. Every response is compared with the SDK's declared interface (the last test).
 */
let loopback: LoopbackServer;
let client: B2BClient;
const shapeProblems: { step: string; problem: string }[] = [];
const suffix = randomBytes(3).toString('hex');
const email = `ada-${suffix}@conformance.example`;
const newcomer = `grace-${suffix}@conformance.example`;
const PASSWORD = `violet-harbor-tangent-${suffix}!`;
const verifier = randomBytes(32).toString('hex');
const state: { organizationId?: string; token?: string; sessionToken?: string; ist?: string } = {};

function checkShape(step: string, value: unknown, interfaceName: string): void {
  shapeProblems.push(...shapeErrors(value, interfaceName, 'response').map((problem) => ({ step, problem })));
}

function need<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`An earlier step did not produce ${what}.`);
  return value;
}

const mailedToken = async (to: string) => (await latestMagicLinkToken(loopback.server, to)).token;

beforeAll(async () => {
  loopback = await startLoopbackServer();
  await loopback.server.projects.setMemberRolesFormat('objects');
  const { project_id, secret } = loopback.server.project;
  client = new B2BClient({ project_id, secret, env: loopback.baseUrl });
  const created = await client.organizations.create({
    organization_name: 'Reset Inc',
    organization_slug: `reset-${suffix}`,
  });
  state.organizationId = created.organization.organization_id;
  await client.organizations.members.create({ organization_id: state.organizationId, email_address: email });
});

afterAll(async () => {
  await loopback?.close();
});

describe.sequential('stytch B2BClient through password resets by email', () => {
  test('passwords.email.resetStart', async () => {
    const organization_id = need(state.organizationId, 'an organization');
    const res: B2BPasswordsEmailResetStartResponse = await client.passwords.email.resetStart({
      organization_id,
      email_address: email,
      reset_password_expiration_minutes: 10,
      code_challenge: pkceChallenge(verifier),
      locale: 'fr',
    });
    checkShape('passwords.email.resetStart', res, 'B2BPasswordsEmailResetStartResponse');
    expect(res.status_code).toBe(200);
    expect(res.member).toMatchObject({ email_address: email });
    expect(res.member_email_id).toMatch(/^member-email-test-/);
    state.token = await mailedToken(email);
  });

  test('passwords.email.reset', async () => {
    const password_reset_token = need(state.token, 'a reset token');
    const res: B2BPasswordsEmailResetResponse = await client.passwords.email.reset({
      password_reset_token,
      password: PASSWORD,
      session_duration_minutes: 60,
      code_verifier: verifier,
    });
    checkShape('passwords.email.reset', res, 'B2BPasswordsEmailResetResponse');
    expect(res).toMatchObject({ organization_id: state.organizationId, member_authenticated: true });
    expect(res.member_session?.authentication_factors[0]).toMatchObject({
      type: 'password',
      delivery_method: 'knowledge',
    });
    const authenticated: B2BSessionsAuthenticateResponse = await client.sessions.authenticate({
      session_token: res.session_token,
    });
    expect(authenticated.member.email_address).toBe(email);
    state.sessionToken = res.session_token;
  });

  test('passwords.email.reset with a spent link: StytchError unable_to_auth_magic_link', async () => {
    const password_reset_token = need(state.token, 'a reset token');
    const error = await client.passwords.email
      .reset({ password_reset_token, password: `${PASSWORD}2`, code_verifier: verifier })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(StytchError);
    expect(error).toMatchObject({ status_code: 401, error_type: 'unable_to_auth_magic_link' });
  });

  test('passwords.email.requireReset', async () => {
    const organization_id = need(state.organizationId, 'an organization');
    const res: B2BPasswordsEmailRequireResetResponse = await client.passwords.email.requireReset({
      email_address: email,
      organization_id,
    });
    checkShape('passwords.email.requireReset', res, 'B2BPasswordsEmailRequireResetResponse');
    expect(res.member).toMatchObject({ email_address: email, member_password_id: '' });
    const refused = await client.passwords
      .authenticate({ organization_id, email_address: email, password: PASSWORD })
      .catch((caught: unknown) => caught);
    expect(refused).toBeInstanceOf(StytchError);
  });

  test('passwords.discovery.email.resetStart', async () => {
    const res: B2BPasswordsDiscoveryEmailResetStartResponse = await client.passwords.discovery.email.resetStart({
      email_address: newcomer,
      pkce_code_challenge: pkceChallenge(verifier),
    });
    checkShape('passwords.discovery.email.resetStart', res, 'B2BPasswordsDiscoveryEmailResetStartResponse');
    expect(res.status_code).toBe(200);
    state.token = await mailedToken(newcomer);
  });

  test('passwords.discovery.email.reset, then the intermediate session into an organization', async () => {
    const password_reset_token = need(state.token, 'a discovery reset token');
    const res: B2BPasswordsDiscoveryEmailResetResponse = await client.passwords.discovery.email.reset({
      password_reset_token,
      password: PASSWORD,
      pkce_code_verifier: verifier,
    });
    checkShape('passwords.discovery.email.reset', res, 'B2BPasswordsDiscoveryEmailResetResponse');
    expect(res).toMatchObject({ email_address: newcomer, discovered_organizations: [] });
    const organization_id = need(state.organizationId, 'an organization');
    await client.organizations.members.create({ organization_id, email_address: newcomer });
    const exchanged: B2BDiscoveryIntermediateSessionsExchangeResponse =
      await client.discovery.intermediateSessions.exchange({
        intermediate_session_token: res.intermediate_session_token,
        organization_id,
        session_duration_minutes: 60,
      });
    expect(exchanged.member).toMatchObject({ email_address: newcomer, email_address_verified: true });
  });

  test('every response carries each field the SDK types declare required, with the declared kind', () => {
    expect(shapeProblems.map(({ step, problem }) => `${problem} [${step}]`)).toEqual([]);
  });
});

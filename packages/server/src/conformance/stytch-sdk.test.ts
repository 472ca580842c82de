import { randomBytes } from 'node:crypto';
import { B2BClient, ClientError, StytchError } from 'stytch';
import type {
  B2BMagicLinksAuthenticateResponse,
  B2BMagicLinksEmailInviteResponse,
  B2BMagicLinksEmailLoginOrSignupResponse,
  B2BOTPEmailAuthenticateResponse,
  B2BOTPEmailDiscoveryAuthenticateResponse,
  B2BOTPEmailDiscoverySendResponse,
  B2BOTPEmailLoginOrSignupResponse,
  B2BOrganizationsCreateResponse,
  B2BOrganizationsDeleteResponse,
  B2BOrganizationsGetResponse,
  B2BOrganizationsMembersCreateResponse,
  B2BOrganizationsMembersDeleteResponse,
  B2BOrganizationsMembersGetResponse,
  B2BOrganizationsMembersSearchResponse,
  B2BOrganizationsMembersUpdateResponse,
  B2BOrganizationsSearchResponse,
  B2BOrganizationsUpdateResponse,
  B2BRBACPolicyResponse,
  B2BSessionsAuthenticateResponse,
  B2BSessionsGetResponse,
  B2BSessionsRevokeResponse,
  MemberSession,
} from 'stytch';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { latestMagicLinkToken, latestOtpCode } from '../testing/test-server.js';
import { startLoopbackServer, type LoopbackServer } from './loopback.js';
import { shapeErrors } from './sdk-shapes.js';

/**
 * Stytch's official Node SDK (`stytch` 14.2.0, `B2BClient`) against the real
 * server on loopback, changing nothing but `env`. Steps share state and run in order; each result is
 * typed with the SDK's own response type, so `tsc` checks every field we read exists in the SDK.
 * Every raw response is also compared with the SDK's declared interface (see the last test).
 */
let loopback: LoopbackServer;
let client: B2BClient;
const shapeProblems: { step: string; problem: string }[] = [];
const slug = `conformance-${randomBytes(4).toString('hex')}`;
const memberEmail = `ada-${randomBytes(3).toString('hex')}@conformance.example`;
const inviteeEmail = `grace-${randomBytes(3).toString('hex')}@conformance.example`;
interface HeldSession {
  token: string;
  jwt: string;
  id: string;
  memberId: string;
}
const state: { organizationId?: string; memberId?: string; login?: HeldSession; invite?: HeldSession } = {};
/** The login link's session; the invite link's when the login step failed, so later steps still report. */
const held = (): HeldSession => need(state.login ?? state.invite, 'a member session');

/** Records (not throws) shape problems, so each step reports its own behaviour and the last test lists them all. */
function checkShape(step: string, value: unknown, interfaceName: string): void {
  shapeProblems.push(...shapeErrors(value, interfaceName, 'response').map((problem) => ({ step, problem })));
}

function need<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`An earlier step did not produce ${what}.`);
  return value;
}

const countOf = (request: string) => loopback.requests.filter((line) => line === request).length;

beforeAll(async () => {
  loopback = await startLoopbackServer();
  // What a team moving from Stytch sets once (`orgauth-server member-roles format objects`).
  await loopback.server.projects.setMemberRolesFormat('objects');
  const { project_id, secret } = loopback.server.project;
  client = new B2BClient({ project_id, secret, env: loopback.baseUrl });
});

afterAll(async () => {
  await loopback?.close();
});

describe.sequential('stytch B2BClient against OrgAuth on loopback', () => {
  test('organizations.create', async () => {
    const res: B2BOrganizationsCreateResponse = await client.organizations.create({
      organization_name: 'Conformance Inc',
      organization_slug: slug,
    });
    checkShape('organizations.create', res, 'B2BOrganizationsCreateResponse');
    expect(res.status_code).toBe(200);
    expect(res.request_id).toMatch(/^request-id-test-/);
    expect(res.organization.organization_id).toMatch(/^organization-test-/);
    expect(res.organization).toMatchObject({ organization_name: 'Conformance Inc', organization_slug: slug });
    state.organizationId = res.organization.organization_id;
  });

  test('organizations.get', async () => {
    const organization_id = need(state.organizationId, 'an organization');
    const res: B2BOrganizationsGetResponse = await client.organizations.get({ organization_id });
    checkShape('organizations.get', res, 'B2BOrganizationsGetResponse');
    expect(res.organization).toMatchObject({ organization_id, organization_slug: slug });
  });

  test('organizations.update', async () => {
    const organization_id = need(state.organizationId, 'an organization');
    const res: B2BOrganizationsUpdateResponse = await client.organizations.update({
      organization_id,
      organization_name: 'Conformance Renamed',
      email_invites: 'ALL_ALLOWED',
    });
    checkShape('organizations.update', res, 'B2BOrganizationsUpdateResponse');
    expect(res.organization).toMatchObject({
      organization_id,
      organization_name: 'Conformance Renamed',
      organization_slug: slug,
      email_invites: 'ALL_ALLOWED',
    });
  });

  test('organizations.search', async () => {
    const organization_id = need(state.organizationId, 'an organization');
    const res: B2BOrganizationsSearchResponse = await client.organizations.search({
      limit: 10,
      query: { operator: 'AND', operands: [{ filter_name: 'organization_slugs', filter_value: [slug] }] },
    });
    checkShape('organizations.search', res, 'B2BOrganizationsSearchResponse');
    expect(res.organizations.map((organization) => organization.organization_id)).toEqual([organization_id]);
    expect(res.results_metadata.total).toBe(1);
  });

  test('organizations.members.create', async () => {
    const organization_id = need(state.organizationId, 'an organization');
    const res: B2BOrganizationsMembersCreateResponse = await client.organizations.members.create({
      organization_id,
      email_address: memberEmail,
      name: 'Ada',
    });
    checkShape('organizations.members.create', res, 'B2BOrganizationsMembersCreateResponse');
    expect(res.member_id).toMatch(/^member-test-/);
    expect(res.member).toMatchObject({
      member_id: res.member_id,
      organization_id,
      email_address: memberEmail,
      name: 'Ada',
      status: 'active',
    });
    expect(res.organization.organization_id).toBe(organization_id);
    state.memberId = res.member_id;
  });

  test('organizations.members.get (by member_id and by email_address)', async () => {
    const organization_id = need(state.organizationId, 'an organization');
    const member_id = need(state.memberId, 'a member');
    const byId: B2BOrganizationsMembersGetResponse = await client.organizations.members.get({
      organization_id,
      member_id,
    });
    checkShape('organizations.members.get', byId, 'B2BOrganizationsMembersGetResponse');
    expect(byId.member).toMatchObject({ member_id, email_address: memberEmail });
    const byEmail: B2BOrganizationsMembersGetResponse = await client.organizations.members.get({
      organization_id,
      email_address: memberEmail,
    });
    expect(byEmail.member_id).toBe(member_id);
  });

  test('organizations.members.update', async () => {
    const organization_id = need(state.organizationId, 'an organization');
    const member_id = need(state.memberId, 'a member');
    const res: B2BOrganizationsMembersUpdateResponse = await client.organizations.members.update({
      organization_id,
      member_id,
      name: 'Ada Lovelace',
      untrusted_metadata: { team: 'engines' },
    });
    checkShape('organizations.members.update', res, 'B2BOrganizationsMembersUpdateResponse');
    expect(res.member).toMatchObject({ member_id, name: 'Ada Lovelace', untrusted_metadata: { team: 'engines' } });
  });

  test('organizations.members.search', async () => {
    const organization_id = need(state.organizationId, 'an organization');
    const member_id = need(state.memberId, 'a member');
    const res: B2BOrganizationsMembersSearchResponse = await client.organizations.members.search({
      organization_ids: [organization_id],
      limit: 10,
      query: { operator: 'AND', operands: [{ filter_name: 'member_emails', filter_value: [memberEmail] }] },
    });
    checkShape('organizations.members.search', res, 'B2BOrganizationsMembersSearchResponse');
    expect(res.members.map((member) => member.member_id)).toEqual([member_id]);
    expect(res.organizations[organization_id]?.organization_id).toBe(organization_id);
  });

  test('magicLinks.email.invite', async () => {
    const organization_id = need(state.organizationId, 'an organization');
    const res: B2BMagicLinksEmailInviteResponse = await client.magicLinks.email.invite({
      organization_id,
      email_address: inviteeEmail,
      name: 'Grace',
    });
    checkShape('magicLinks.email.invite', res, 'B2BMagicLinksEmailInviteResponse');
    expect(res.member).toMatchObject({ email_address: inviteeEmail, status: 'invited', organization_id });
  });

  test('magicLinks.email.loginOrSignup', async () => {
    const organization_id = need(state.organizationId, 'an organization');
    const res: B2BMagicLinksEmailLoginOrSignupResponse = await client.magicLinks.email.loginOrSignup({
      organization_id,
      email_address: memberEmail,
    });
    checkShape('magicLinks.email.loginOrSignup', res, 'B2BMagicLinksEmailLoginOrSignupResponse');
    expect(res.member_id).toBe(state.memberId);
    expect(res.member_created).toBe(false);
  });

  test('read the mail (dev mailbox)', async () => {
    const mails = await loopback.server.mailbox.list();
    expect(mails.some((mail) => mail.to === inviteeEmail)).toBe(true);
    const { link } = await latestMagicLinkToken(loopback.server, memberEmail);
    expect(new URL(link).searchParams.get('stytch_token_type')).toBe('multi_tenant_magic_links');
  });

  test('magicLinks.authenticate (login link)', async () => {
    const { token } = await latestMagicLinkToken(loopback.server, memberEmail);
    const res: B2BMagicLinksAuthenticateResponse = await client.magicLinks.authenticate({
      magic_links_token: token,
      session_duration_minutes: 60,
    });
    checkShape('magicLinks.authenticate', res, 'B2BMagicLinksAuthenticateResponse');
    expect(res).toMatchObject({
      member_id: state.memberId,
      organization_id: state.organizationId,
      member_authenticated: true,
      intermediate_session_token: '',
    });
    expect(res.session_token).not.toBe('');
    expect(res.session_jwt.split('.')).toHaveLength(3);
    const session = need(res.member_session, 'a member_session');
    expect(session.authentication_factors[0]).toMatchObject({ type: 'magic_link', delivery_method: 'email' });
    state.login = {
      token: res.session_token,
      jwt: res.session_jwt,
      id: session.member_session_id,
      memberId: res.member_id,
    };
  });

  test('magicLinks.authenticate (invite link activates the invited member)', async () => {
    const { token } = await latestMagicLinkToken(loopback.server, inviteeEmail);
    const res: B2BMagicLinksAuthenticateResponse = await client.magicLinks.authenticate({ magic_links_token: token });
    expect(res.member).toMatchObject({ email_address: inviteeEmail, status: 'active' });
    const session = need(res.member_session, 'a member_session');
    state.invite = {
      token: res.session_token,
      jwt: res.session_jwt,
      id: session.member_session_id,
      memberId: res.member_id,
    };
    // Single use: the same link cannot sign in twice.
    await expect(client.magicLinks.authenticate({ magic_links_token: token })).rejects.toBeInstanceOf(StytchError);
  });

  test('sessions.authenticate', async () => {
    const session = held();
    const res: B2BSessionsAuthenticateResponse = await client.sessions.authenticate({ session_token: session.token });
    checkShape('sessions.authenticate', res, 'B2BSessionsAuthenticateResponse');
    expect(res.member_session).toMatchObject({
      member_session_id: session.id,
      member_id: session.memberId,
      organization_id: state.organizationId,
      organization_slug: slug,
    });
    expect(res.member.member_id).toBe(session.memberId);
    expect(res.organization.organization_id).toBe(state.organizationId);
    expect(res.session_token).toBe(session.token);
    session.jwt = res.session_jwt;
  });

  test('sessions.authenticateJwt verifies offline through the JWKS', async () => {
    const remoteBefore = countOf('POST /v1/b2b/sessions/authenticate');
    const session = held();
    const res: { member_session: MemberSession; session_jwt: string } = await client.sessions.authenticateJwt({
      session_jwt: session.jwt,
    });
    checkShape('sessions.authenticateJwt', res.member_session, 'MemberSession');
    expect(res.member_session).toMatchObject({
      member_session_id: session.id,
      member_id: session.memberId,
      organization_id: state.organizationId,
      organization_slug: slug,
    });
    expect(res.member_session.authentication_factors[0]?.type).toBe('magic_link');
    // Offline: the SDK fetched our JWKS and never fell back to the remote authenticate call.
    expect(countOf('POST /v1/b2b/sessions/authenticate')).toBe(remoteBefore);
    expect(countOf(`GET /v1/b2b/sessions/jwks/${loopback.server.project.project_id}`)).toBeGreaterThanOrEqual(1);
  });

  test('sessions.authenticate with authorization_check: a verdict, or a refusal', async () => {
    const session = held();
    const organization_id = need(state.organizationId, 'an organization');
    const allowed = await client.sessions.authenticate({
      session_token: session.token,
      authorization_check: { organization_id, resource_id: 'stytch.self', action: 'update.info.name' },
    });
    checkShape('sessions.authenticate (authorization_check)', allowed, 'B2BSessionsAuthenticateResponse');
    expect(allowed.verdict).toEqual({ authorized: true, granting_roles: ['stytch_member'] });
    const refused = await client.sessions
      .authenticate({
        session_token: session.token,
        authorization_check: { organization_id, resource_id: 'stytch.member', action: 'delete' },
      })
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(StytchError);
    expect((refused as StytchError).error_type).toBe('unauthorized_action');
  });

  test('sessions.authenticateJwtLocal with authorization_check reads our policy endpoints', async () => {
    const session = held();
    const organization_id = need(state.organizationId, 'an organization');
    const jwt = (await client.sessions.authenticate({ session_token: session.token })).session_jwt;
    const local = await client.sessions.authenticateJwtLocal({
      session_jwt: jwt,
      authorization_check: { organization_id, resource_id: 'stytch.self', action: 'delete' },
    });
    expect(local.member_id).toBe(session.memberId);
    expect(countOf('GET /v1/b2b/rbac/policy')).toBeGreaterThanOrEqual(1);
    expect(countOf(`GET /v1/b2b/rbac/organizations/${organization_id}`)).toBeGreaterThanOrEqual(1);
    const refused = await client.sessions
      .authenticateJwtLocal({
        session_jwt: jwt,
        authorization_check: { organization_id, resource_id: 'stytch.organization', action: 'delete' },
      })
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ClientError);
    expect((refused as ClientError).code).toBe('invalid_permissions');
  });

  test('sessions.get', async () => {
    const session = held();
    const res: B2BSessionsGetResponse = await client.sessions.get({
      organization_id: need(state.organizationId, 'an organization'),
      member_id: session.memberId,
    });
    checkShape('sessions.get', res, 'B2BSessionsGetResponse');
    expect(res.member_sessions.map((live) => live.member_session_id)).toContain(session.id);
  });

  test('sessions.revoke', async () => {
    const session = held();
    const res: B2BSessionsRevokeResponse = await client.sessions.revoke({ member_session_id: session.id });
    checkShape('sessions.revoke', res, 'B2BSessionsRevokeResponse');
    expect(res.status_code).toBe(200);
    const refused = await client.sessions
      .authenticate({ session_token: session.token })
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(StytchError);
    expect((refused as StytchError).status_code).toBeGreaterThanOrEqual(400);
    expect((refused as StytchError).status_code).toBeLessThan(500);
  });

  // The seed OpenAPI spells roles as ids, the SDK as MemberRole objects; this project chose `objects`
  // in beforeAll (members/roles.ts). The seed contract suite covers the `ids` default.
  test('otps.email.loginOrSignup', async () => {
    const organization_id = need(state.organizationId, 'an organization');
    const res: B2BOTPEmailLoginOrSignupResponse = await client.otps.email.loginOrSignup({
      organization_id,
      email_address: memberEmail,
      login_expiration_minutes: 5,
    });
    checkShape('otps.email.loginOrSignup', res, 'B2BOTPEmailLoginOrSignupResponse');
    expect(res).toMatchObject({ member_id: state.memberId, member_created: false });
    expect(res.organization.organization_id).toBe(organization_id);
  });

  test('otps.email.authenticate (a wrong code is refused with Stytch’s type, then the mailed code signs in)', async () => {
    const organization_id = need(state.organizationId, 'an organization');
    const code = await latestOtpCode(loopback.server, memberEmail);
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    const refused = await client.otps.email
      .authenticate({ organization_id, email_address: memberEmail, code: wrong })
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(StytchError);
    expect(refused).toMatchObject({ status_code: 404, error_type: 'otp_code_not_found' });
    const res: B2BOTPEmailAuthenticateResponse = await client.otps.email.authenticate({
      organization_id,
      email_address: memberEmail,
      code,
      session_duration_minutes: 30,
    });
    checkShape('otps.email.authenticate', res, 'B2BOTPEmailAuthenticateResponse');
    expect(res).toMatchObject({
      member_id: state.memberId,
      organization_id,
      member_authenticated: true,
      intermediate_session_token: '',
    });
    expect(res.method_id).toMatch(/^member-email-test-/);
    expect(res.session_jwt.split('.')).toHaveLength(3);
    expect(need(res.member_session, 'a member_session').authentication_factors[0]).toMatchObject({
      type: 'otp',
      delivery_method: 'email',
    });
  });

  test('otps.email.discovery.send', async () => {
    const res: B2BOTPEmailDiscoverySendResponse = await client.otps.email.discovery.send({
      email_address: memberEmail,
    });
    checkShape('otps.email.discovery.send', res, 'B2BOTPEmailDiscoverySendResponse');
    expect(res.status_code).toBe(200);
  });

  test('otps.email.discovery.authenticate', async () => {
    const res: B2BOTPEmailDiscoveryAuthenticateResponse = await client.otps.email.discovery.authenticate({
      email_address: memberEmail,
      code: await latestOtpCode(loopback.server, memberEmail),
    });
    checkShape('otps.email.discovery.authenticate', res, 'B2BOTPEmailDiscoveryAuthenticateResponse');
    expect(res.email_address).toBe(memberEmail);
    expect(res.intermediate_session_token).not.toBe('');
    expect(res.discovered_organizations.map((d) => d.organization?.organization_id)).toContain(state.organizationId);
  });

  test('rbac.policy', async () => {
    const res: B2BRBACPolicyResponse = await client.rbac.policy();
    checkShape('rbac.policy', res, 'B2BRBACPolicyResponse');
    expect(res.policy?.roles.map((role) => role.role_id)).toEqual(['stytch_member', 'stytch_admin']);
    expect(res.policy?.resources.find((r) => r.resource_id === 'stytch.member')?.actions).toContain('search');
    expect(res.policy?.scopes).toEqual([]);
  });

  test('Member.roles are MemberRole objects, as the SDK types declare', async () => {
    const organization_id = need(state.organizationId, 'an organization');
    const res: B2BOrganizationsMembersCreateResponse = await client.organizations.members.create({
      organization_id,
      email_address: `roles-${memberEmail}`,
      roles: ['stytch_admin'],
    });
    expect(shapeErrors(res.member, 'Member', 'member').filter((problem) => problem.startsWith('member.roles'))).toEqual(
      [],
    );
    expect(res.member.roles.map((role) => role.role_id)).toEqual(['stytch_member', 'stytch_admin']);
    expect(res.member.roles[1]?.sources).toEqual([{ type: 'direct_assignment', details: {} }]);
    const found: B2BOrganizationsMembersSearchResponse = await client.organizations.members.search({
      organization_ids: [organization_id],
      query: { operator: 'AND', operands: [{ filter_name: 'member_emails', filter_value: [`roles-${memberEmail}`] }] },
    });
    expect(found.members[0]?.roles.map((role) => role.role_id)).toEqual(['stytch_member', 'stytch_admin']);
  });

  test('organizations.members.delete', async () => {
    const organization_id = need(state.organizationId, 'an organization');
    const member_id = need(state.memberId, 'a member');
    const res: B2BOrganizationsMembersDeleteResponse = await client.organizations.members.delete({
      organization_id,
      member_id,
    });
    checkShape('organizations.members.delete', res, 'B2BOrganizationsMembersDeleteResponse');
    expect(res.member_id).toBe(member_id);
  });

  test('organizations.delete', async () => {
    const organization_id = need(state.organizationId, 'an organization');
    const res: B2BOrganizationsDeleteResponse = await client.organizations.delete({ organization_id });
    checkShape('organizations.delete', res, 'B2BOrganizationsDeleteResponse');
    expect(res.organization_id).toBe(organization_id);
    const gone = await client.organizations.get({ organization_id }).catch((error: unknown) => error);
    expect(gone).toBeInstanceOf(StytchError);
    expect((gone as StytchError).error_type).toBe('organization_not_found');
  });

  test('every response carries each field the SDK types declare required, with the declared kind', () => {
    // One line per distinct gap (`response.organization.custom_roles: missing …`) with the steps that showed it.
    const grouped = new Map<string, string[]>();
    for (const { step, problem: raw } of shapeProblems) {
      const problem = raw.replace(/\[\d+\]/g, '[]');
      const steps = grouped.get(problem) ?? [];
      if (!steps.includes(step)) steps.push(step);
      grouped.set(problem, steps);
    }
    expect([...grouped].map(([problem, steps]) => `${problem} [${steps.join(', ')}]`)).toEqual([]);
  });
});

import type { Db, MembersTable, OrganizationsTable, SsoConnectionsTable } from '../db/schema.js';
import type { SsoRequestsTable } from '../db/schema-sso.js';
import { type ApiError, apiError, isUniqueViolation } from '../lib/api-error.js';
import { findMemberByEmail, insertMember } from '../members/index.js';
import { issueOneTimeToken } from '../magic-links/index.js';
import { findOrganization } from '../organizations/index.js';
import { parseJson } from '../lib/json.js';
import { discoverySsoRedirect, ssoEmailProven } from './discovery.js';

/** Lifetime of the `sso` token handed to the redirect URL: one page load's worth. */
const SSO_TOKEN_TTL_MINUTES = 10;

/** What {@link completeSsoLogin} needs from the app. */
export interface SsoLoginDeps {
  db: Db;
}

/** A verified IdP answer. Every field must come from the verified assertion / id_token only. */
export interface SsoLoginInput {
  request: SsoRequestsTable;
  connection: SsoConnectionsTable;
  /** The IdP's stable subject (SAML NameID, OIDC `sub`). */
  subject: string;
  /** Email to create or link the member with; `undefined` when the IdP sent none. */
  email: string | undefined;
  name: string | undefined;
  attributes: Record<string, unknown>;
  now: number;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** 403 `sso_jit_provisioning_not_allowed`: the IdP vouched for someone the organization does not provision. */
function jitRefused(): ApiError {
  return apiError(
    'sso_jit_provisioning_not_allowed',
    'Your identity provider signed you in, but this organization does not create accounts through single sign-on. Ask an administrator to invite you.',
  );
}

/** True when the organization lets `connection` create members on first sign-in. */
export function jitAllows(org: OrganizationsTable, connectionId: string): boolean {
  if (org.sso_jit_provisioning === 'ALL_ALLOWED') return true;
  if (org.sso_jit_provisioning === 'RESTRICTED')
    return parseJson<string[]>(org.sso_jit_provisioning_allowed_connections ?? '[]', []).includes(connectionId);
  return false;
}

/** Refuses SSO for an organization whose `allowed_auth_methods` leave it out. */
export function assertSsoAllowed(org: OrganizationsTable): void {
  if (org.auth_methods !== 'RESTRICTED') return;
  if (parseJson<string[]>(org.allowed_auth_methods, []).includes('sso')) return;
  throw apiError('sso_not_allowed', 'This organization does not allow sign-in by single sign-on.');
}

async function linkedMember(db: Db, connectionId: string, subject: string): Promise<MembersTable | undefined> {
  const link = await db
    .selectFrom('sso_identities')
    .select('member_id')
    .where('connection_id', '=', connectionId)
    .where('subject', '=', subject)
    .executeTakeFirst();
  if (link === undefined) return undefined;
  const member = await db.selectFrom('members').selectAll().where('id', '=', link.member_id).executeTakeFirst();
  if (member !== undefined && member.status !== 'deleted') return member;
  // The member is gone: drop the stale link so the subject is treated as new (JIT policy applies again).
  await db
    .deleteFrom('sso_identities')
    .where('connection_id', '=', connectionId)
    .where('subject', '=', subject)
    .execute();
  return undefined;
}

/**
 * Finds or provisions the member for a verified (connection, subject) and links them. The link is
 * the identity: a returning subject finds its member even if its email changed; a NEW subject may
 * claim an existing member by email only if that member has no SSO identity at all, on this
 * connection or any other (so an IdP-side account rename, or a second IdP asserting the same email,
 * cannot take over a colleague's member: docs/security.md AUTH-12).
 */
async function resolveMember(
  db: Db,
  org: OrganizationsTable,
  input: SsoLoginInput,
): Promise<{ member: MembersTable; created: boolean }> {
  const { connection, subject, now } = input;
  const linked = await linkedMember(db, connection.id, subject);
  if (linked !== undefined) {
    if (linked.status !== 'active' || linked.email_verified !== 1 || (input.name && linked.name === '')) {
      const name = linked.name === '' ? (input.name ?? '') : linked.name;
      await db
        .updateTable('members')
        .set({ status: 'active', email_verified: 1, name, updated_at: now })
        .where('id', '=', linked.id)
        .execute();
      await db
        .updateTable('sso_identities')
        .set({ last_login_at: now })
        .where('connection_id', '=', connection.id)
        .where('subject', '=', subject)
        .execute();
      return { member: { ...linked, status: 'active', email_verified: 1, name, updated_at: now }, created: false };
    }
    await db
      .updateTable('sso_identities')
      .set({ last_login_at: now })
      .where('connection_id', '=', connection.id)
      .where('subject', '=', subject)
      .execute();
    return { member: linked, created: false };
  }
  const email = input.email?.trim().toLowerCase();
  if (email === undefined || !EMAIL.test(email) || email.length > 254) {
    throw apiError(
      'sso_email_missing',
      'Your identity provider did not send an email address for you, so no account can be matched. Ask an administrator to map the email attribute.',
    );
  }
  let member = await findMemberByEmail(db, org.id, email);
  let created = false;
  if (member !== undefined && member.status !== 'deleted') {
    // AUTH-12: an email match only links a member that has NO SSO identity yet (invited, or created
    // by the API). One already linked — on this connection to another subject, or on another
    // connection (another IdP, or the same IdP configured twice) — keeps that identity: an IdP must
    // not sign in as a member another IdP vouches for just by asserting the same email or NameID.
    const other = await db
      .selectFrom('sso_identities')
      .select('connection_id')
      .where('member_id', '=', member.id)
      .executeTakeFirst();
    if (other !== undefined && other.connection_id === connection.id) {
      throw apiError(
        'sso_identity_conflict',
        'This email address is already linked to a different account at your identity provider.',
      );
    }
    if (other !== undefined) {
      throw apiError(
        'sso_identity_conflict',
        'This email address already signs in through another identity provider of this organization. Use that one, or ask an administrator.',
      );
    }
    const name = member.name === '' ? (input.name ?? '') : member.name;
    await db
      .updateTable('members')
      .set({ status: 'active', email_verified: 1, name, updated_at: now })
      .where('id', '=', member.id)
      .execute();
    member = { ...member, status: 'active', email_verified: 1, name, updated_at: now };
  } else {
    if (member !== undefined)
      throw apiError(
        'member_not_found',
        'Your account was removed from this organization. Ask an administrator to add you again.',
      );
    if (!jitAllows(org, connection.id)) throw jitRefused();
    member = await insertMember(
      db,
      org.project_id,
      org.id,
      { email, status: 'active', emailVerified: true, name: input.name },
      now,
    );
    created = true;
  }
  try {
    await db
      .insertInto('sso_identities')
      .values({
        connection_id: connection.id,
        subject,
        project_id: org.project_id,
        organization_id: org.id,
        member_id: member.id,
        created_at: now,
        last_login_at: now,
      })
      .execute();
  } catch (error) {
    // Two first sign-ins of one subject raced; the other one linked it. Retrying finds the link.
    if (isUniqueViolation(error))
      throw apiError(
        'sso_identity_conflict',
        'Another sign-in for this account finished at the same moment. Please try again.',
      );
    throw error;
  }
  return { member, created };
}

/**
 * Finishes an SSO sign-in after the protocol layer verified the IdP's answer: enforces JIT
 * provisioning, links (connection, subject) to a member, and issues a single-use `sso` token bound
 * to the request's PKCE challenge. Returns the login (or, for a new member, signup) redirect URL
 * carrying `stytch_token_type=sso&token=…`; a start from discovery gets its discovery URL with a
 * `discovery_sso` token instead (sso/discovery.ts).
 * @throws ApiError 403 `sso_jit_provisioning_not_allowed` / `sso_not_allowed` / `sso_identity_conflict`,
 *   400 `sso_email_missing`, 404 `connection_not_found` / `organization_not_found`
 */
export async function completeSsoLogin(deps: SsoLoginDeps, input: SsoLoginInput): Promise<string> {
  const { request, connection, now } = input;
  if (
    connection.status !== 'active' ||
    request.connection_id !== connection.id ||
    request.project_id !== connection.project_id
  ) {
    throw apiError('connection_not_found', 'This SSO connection is not active.');
  }
  if (input.subject === '' || input.subject.length > 1024)
    throw apiError('sso_subject_missing', 'Your identity provider did not identify you (no subject).');
  return deps.db.transaction().execute(async (trx) => {
    const org = await findOrganization(trx, connection.project_id, connection.organization_id);
    if (org === undefined)
      throw apiError('organization_not_found', 'The organization of this SSO connection no longer exists.');
    assertSsoAllowed(org);
    const { member, created } = await resolveMember(trx, org, input);
    if (request.discovery === 1) {
      const proven = ssoEmailProven(connection, org, member, input.email);
      const redirect = {
        org,
        member,
        connectionId: connection.id,
        proven,
        pkce: request.pkce_code_challenge,
        redirectUrl: request.login_redirect_url,
      };
      return discoverySsoRedirect(trx, redirect, now);
    }
    const redirectUrl = created ? request.signup_redirect_url : request.login_redirect_url;
    const token = await issueOneTimeToken(
      trx,
      {
        projectId: org.project_id,
        kind: 'sso',
        email: member.email,
        organizationId: org.id,
        pkceChallenge: request.pkce_code_challenge ?? undefined,
        redirectUrl,
        ttlMinutes: SSO_TOKEN_TTL_MINUTES,
        connectionId: connection.id,
      },
      now,
    );
    const url = new URL(redirectUrl);
    url.searchParams.set('stytch_token_type', 'sso');
    url.searchParams.set('token', token);
    return url.href;
  });
}

import type { AuthenticationFactor, B2BAuthenticateResponse, MemberSession } from '@orgauth/core/protocol';
import type { Db, MembersTable, OrganizationsTable, SessionsTable } from '../db/schema.js';
import { ApiError } from '../lib/api-error.js';
import { newId, newToken, sha256Hex } from '../lib/crypto.js';
import { iso, parseJson, toMember, toOrganization } from './serialize.js';
import type { SigningKeys } from './signing-keys.js';

/** A session with the member and organization it belongs to. */
export interface LoadedSession {
  session: SessionsTable;
  member: MembersTable;
  organization: OrganizationsTable;
}

/** Every member carries Stytch's default role; assigned roles come after it. */
export function sessionRoles(member: MembersTable): string[] {
  return [...new Set(['stytch_member', ...parseJson<string[]>(member.roles, [])])];
}

/** Creates a session for an active member; returns the row and the plaintext opaque token. */
export async function insertSession(
  db: Db,
  member: MembersTable,
  factors: AuthenticationFactor[],
  durationMinutes: number,
  now: number,
): Promise<{ session: SessionsTable; token: string }> {
  const token = newToken();
  const session: SessionsTable = {
    id: newId('member-session'),
    project_id: member.project_id,
    token_hash: sha256Hex(token),
    member_id: member.id,
    organization_id: member.organization_id,
    started_at: now,
    last_accessed_at: now,
    expires_at: now + durationMinutes * 60_000,
    factors: JSON.stringify(factors),
    revoked_at: null,
  };
  await db.insertInto('sessions').values(session).execute();
  return { session, token };
}

function sessionNotFound(): ApiError {
  return new ApiError(404, 'session_not_found', 'The session is unknown, revoked, or expired.');
}

/**
 * Finds the live session of an opaque token (IST and other tokens live in other tables, so they never
 * match), touches `last_accessed_at`, and extends `expires_at` to now + `extendMinutes` when given.
 * @throws ApiError 404 `session_not_found`
 */
export async function authenticateSessionToken(
  db: Db,
  projectId: string,
  token: string,
  extendMinutes: number | undefined,
  now: number,
): Promise<LoadedSession> {
  const session = await db
    .selectFrom('sessions')
    .selectAll()
    .where('token_hash', '=', sha256Hex(token))
    .where('project_id', '=', projectId)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  if (session === undefined) throw sessionNotFound();
  const member = await db.selectFrom('members').selectAll().where('id', '=', session.member_id).executeTakeFirst();
  const organization = await db.selectFrom('organizations').selectAll().where('id', '=', session.organization_id).executeTakeFirst();
  if (member === undefined || organization === undefined || member.status !== 'active') throw sessionNotFound();
  const expiresAt = extendMinutes === undefined ? session.expires_at : now + extendMinutes * 60_000;
  await db
    .updateTable('sessions')
    .set({ last_accessed_at: now, expires_at: expiresAt })
    .where('id', '=', session.id)
    .where('revoked_at', 'is', null)
    .execute();
  return { session: { ...session, last_accessed_at: now, expires_at: expiresAt }, member, organization };
}

/**
 * Revokes the session of an opaque token, effective immediately for the opaque token.
 * @throws ApiError 404 `session_not_found`
 */
export async function revokeSessionToken(db: Db, projectId: string, token: string, now: number): Promise<void> {
  const result = await db
    .updateTable('sessions')
    .set({ revoked_at: now })
    .where('token_hash', '=', sha256Hex(token))
    .where('project_id', '=', projectId)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) throw sessionNotFound();
}

/** The wire `member_session` of a loaded session. */
export function toMemberSession({ session, member, organization }: LoadedSession): MemberSession {
  return {
    member_session_id: session.id,
    member_id: member.id,
    organization_id: organization.id,
    organization_slug: organization.slug,
    started_at: iso(session.started_at),
    last_accessed_at: iso(session.last_accessed_at),
    expires_at: iso(session.expires_at),
    authentication_factors: parseJson<AuthenticationFactor[]>(session.factors, []),
    roles: sessionRoles(member),
    custom_claims: {},
  };
}

/** The full authenticate response body (without `request_id` / `status_code`) with a fresh JWT. */
export async function authenticateResponse(
  keys: SigningKeys,
  loaded: LoadedSession,
  sessionToken: string,
  now: number,
): Promise<Omit<B2BAuthenticateResponse, 'request_id' | 'status_code'>> {
  const memberSession = toMemberSession(loaded);
  return {
    member_id: loaded.member.id,
    organization_id: loaded.organization.id,
    member: toMember(loaded.member),
    organization: toOrganization(loaded.organization),
    member_session: memberSession,
    session_token: sessionToken,
    session_jwt: await keys.signSessionJwt(loaded.session.project_id, memberSession, now),
    member_authenticated: true,
    intermediate_session_token: '',
    mfa_required: null,
    primary_required: null,
  };
}

import {
  SESSION_DURATION_MINUTES,
  type AuthenticationFactor,
  type B2BAuthenticateResponse,
  type MemberSession,
} from '@orgauth/core/protocol';
import type { Db, MembersTable, OrganizationsTable, SessionsTable } from '../db/schema.js';
import { type ApiError, apiError } from '../lib/api-error.js';
import { envOf, newId, newToken, sha256Hex } from '../lib/crypto.js';
import { mergeCustomClaims } from './claims.js';
import { iso, parseJson } from '../lib/json.js';
import { memberRoleIds, toMember } from '../members/index.js';
import { toOrganization } from '../organizations/index.js';
import type { SigningKeys } from './signing-keys.js';

/** A session with the member and organization it belongs to. */
export interface LoadedSession {
  session: SessionsTable;
  member: MembersTable;
  organization: OrganizationsTable;
}

/**
 * A session's `roles`: Stytch's default role, then the member's assigned roles, then those its email
 * domain holds implicitly in the organization (members/serialize.ts).
 */
export function sessionRoles(member: MembersTable, organization: OrganizationsTable): string[] {
  return memberRoleIds(member, organization);
}

/** Creates a session for an active member; returns the row and the plaintext opaque token. */
export async function insertSession(
  db: Db,
  member: MembersTable,
  factors: AuthenticationFactor[],
  durationMinutes: number,
  now: number,
  customClaims?: Record<string, unknown>,
): Promise<{ session: SessionsTable; token: string }> {
  const token = newToken();
  const session: SessionsTable = {
    id: newId('member-session', envOf(member.project_id)),
    project_id: member.project_id,
    token_hash: sha256Hex(token),
    member_id: member.id,
    organization_id: member.organization_id,
    started_at: now,
    last_accessed_at: now,
    expires_at: now + durationMinutes * 60_000,
    factors: JSON.stringify(factors),
    revoked_at: null,
    custom_claims: mergeCustomClaims('{}', customClaims),
  };
  await db.insertInto('sessions').values(session).execute();
  return { session, token };
}

/**
 * Gives a session a new opaque token and returns it; the old token stops working at once. Used when a
 * live session is re-authenticated (SES-03: a token never survives an authentication).
 */
export async function rotateSessionToken(db: Db, sessionId: string): Promise<string> {
  const token = newToken();
  await db
    .updateTable('sessions')
    .set({ token_hash: sha256Hex(token) })
    .where('id', '=', sessionId)
    .execute();
  return token;
}

/** The 404 every dead, unknown or foreign session gets: callers cannot tell which it was. */
export function sessionNotFound(): ApiError {
  return apiError('session_not_found', 'The session is unknown, revoked, or expired.');
}

/** Which session to load: by opaque token (hashed) or by id (from a verified JWT or the API). */
export type SessionKey = { token: string } | { id: string };

/**
 * The live session (not revoked, not expired, member active) of `key` in the project.
 * IST and other tokens live in other tables, so they never match.
 * @throws ApiError 404 `session_not_found`
 */
export async function loadLiveSession(db: Db, projectId: string, key: SessionKey, now: number): Promise<LoadedSession> {
  let query = db
    .selectFrom('sessions')
    .selectAll()
    .where('project_id', '=', projectId)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now);
  query = 'token' in key ? query.where('token_hash', '=', sha256Hex(key.token)) : query.where('id', '=', key.id);
  const session = await query.executeTakeFirst();
  if (session === undefined) throw sessionNotFound();
  const member = await db.selectFrom('members').selectAll().where('id', '=', session.member_id).executeTakeFirst();
  const organization = await db
    .selectFrom('organizations')
    .selectAll()
    .where('id', '=', session.organization_id)
    .executeTakeFirst();
  if (member === undefined || organization === undefined || member.status !== 'active') throw sessionNotFound();
  return { session, member, organization };
}

/** `last_accessed_at` moves at most this often on checks that change nothing else. */
export const TOUCH_INTERVAL_MS = 60_000;

const isPlainCheck = (touch: SessionTouch) =>
  touch.extendMinutes === undefined && touch.customClaims === undefined && touch.addFactor === undefined;

/** How an authentication changes the session it proves. */
export interface SessionTouch {
  /** `session_duration_minutes`: the session then ends this long from now (capped, see below). */
  extendMinutes?: number | undefined;
  /** `session_custom_claims` to merge (null deletes a key). */
  customClaims?: Record<string, unknown> | undefined;
  /** A factor just proven on top of this session (e.g. a magic link): appended to its factors. */
  addFactor?: AuthenticationFactor | undefined;
}

/**
 * Records an authentication of a live session: `last_accessed_at` = now (a plain check within
 * {@link TOUCH_INTERVAL_MS} of the last one writes nothing), and when asked a new expiry
 * of now + `extendMinutes` — never past `started_at` + 366 days, Stytch's maximum session length, so
 * repeated extensions cannot keep a session alive forever (SES-04). Factors are kept as they are
 * unless `addFactor` appends one. The conditional UPDATE refuses a session revoked in the meantime.
 * @throws ApiError 404 `session_not_found`, 400 `bad_request` for oversized custom claims.
 */
export async function touchSession(
  db: Db,
  loaded: LoadedSession,
  touch: SessionTouch,
  now: number,
): Promise<LoadedSession> {
  const { session } = loaded;
  // A plain check within a minute of the last recorded access writes nothing: the session was just
  // found live, and `last_accessed_at` is documented to a minute (docs/wire-protocol.md §5.3).
  if (isPlainCheck(touch) && now >= session.last_accessed_at && now - session.last_accessed_at < TOUCH_INTERVAL_MS) {
    return loaded;
  }
  const absoluteEnd = session.started_at + SESSION_DURATION_MINUTES.max * 60_000;
  const expiresAt =
    touch.extendMinutes === undefined ? session.expires_at : Math.min(now + touch.extendMinutes * 60_000, absoluteEnd);
  const customClaims = mergeCustomClaims(session.custom_claims, touch.customClaims);
  const factors =
    touch.addFactor === undefined
      ? session.factors
      : JSON.stringify([...parseJson<AuthenticationFactor[]>(session.factors, []), touch.addFactor]);
  const result = await db
    .updateTable('sessions')
    .set({ last_accessed_at: now, expires_at: expiresAt, custom_claims: customClaims, factors })
    .where('id', '=', session.id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) throw sessionNotFound();
  return {
    ...loaded,
    session: { ...session, last_accessed_at: now, expires_at: expiresAt, custom_claims: customClaims, factors },
  };
}

/**
 * Finds the live session of an opaque token, touches `last_accessed_at`, and extends `expires_at`
 * when `extendMinutes` is given (see {@link touchSession}).
 * @throws ApiError 404 `session_not_found`
 */
export async function authenticateSessionToken(
  db: Db,
  projectId: string,
  token: string,
  extendMinutes: number | undefined,
  now: number,
): Promise<LoadedSession> {
  return touchSession(db, await loadLiveSession(db, projectId, { token }, now), { extendMinutes }, now);
}

/**
 * Revokes the session of an opaque token, effective immediately for the opaque token and, through
 * `sessions/authenticate`, for its JWTs.
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
    roles: sessionRoles(member, organization),
    custom_claims: parseJson<Record<string, unknown>>(session.custom_claims, {}),
  };
}

/**
 * The full authenticate response body (without `request_id` / `status_code`) with a fresh JWT.
 * `sessionToken` is `''` when the caller proved the session by JWT: only the token's hash is stored.
 */
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

import type { AuthenticationFactor } from '@orgauth/core/protocol';
import type { Db, MembersTable, OrganizationsTable } from '../db/schema.js';
import { ApiError, badRequest } from '../lib/api-error.js';
import type { Body } from '../lib/validate.js';
import { proveSession, type SessionCredentials } from './proof.js';
import type { SigningKeys } from './signing-keys.js';
import { insertSession, rotateSessionToken, touchSession, type LoadedSession } from './store.js';

/**
 * The session a caller of a primary authenticate (magic link, SSO token) holds, and how it came.
 * `explicit` (backend body `session_token` / `session_jwt`): the caller asked to extend that session,
 * so a dead one is 404 `session_not_found` and another member's is refused (SES-03: never merged).
 * `ambient` (SDK: the Basic password is whatever session cookie the browser holds): a dead session
 * or another member's (a person switching organizations) is set aside and a new session starts,
 * exactly as without a cookie.
 */
export interface HeldSession {
  credentials: SessionCredentials;
  mode: 'explicit' | 'ambient';
}

/** A held session, proven before the one-time token is redeemed (see {@link startOrExtendSession}). */
export interface SessionToExtend {
  loaded: LoadedSession;
  /** `session_duration_minutes` when sent; `undefined` keeps the session's expiry. */
  extendMinutes: number | undefined;
  /** When the session is not the authenticated member's: refuse (400) or start a new one beside it. */
  otherMember: 'refuse' | 'new_session';
}

/**
 * Proves `held` BEFORE the caller redeems its single-use token, so a refused request spends nothing.
 * Returns what {@link startOrExtendSession} needs, or `undefined` when no session is held (or an
 * ambient one is dead). Like sessions/authenticate, the expiry moves only when a duration is sent.
 * @throws ApiError 404 `session_not_found`, 401 `jwt_*`, 400 (explicit sessions only)
 */
export async function proveHeldSession(
  db: Db,
  keys: SigningKeys,
  projectId: string,
  held: HeldSession | undefined,
  body: Body,
  durationMinutes: number,
  now: number,
): Promise<SessionToExtend | undefined> {
  if (held === undefined || (held.credentials.token === undefined && held.credentials.jwt === undefined))
    return undefined;
  let loaded: LoadedSession;
  try {
    loaded = (await proveSession(db, keys, projectId, held.credentials, now)).loaded;
  } catch (error) {
    if (held.mode === 'ambient' && error instanceof ApiError && error.status === 404) return undefined;
    throw error;
  }
  const sent = body.session_duration_minutes !== undefined && body.session_duration_minutes !== null;
  return {
    loaded,
    extendMinutes: sent ? durationMinutes : undefined,
    otherMember: held.mode === 'explicit' ? 'refuse' : 'new_session',
  };
}

/** What {@link startOrExtendSession} records. */
export interface SessionStart {
  member: MembersTable;
  organization: OrganizationsTable;
  factor: AuthenticationFactor;
  /** The lifetime of a NEW session; an extended one follows `existing.extendMinutes`. */
  durationMinutes: number;
  customClaims?: Record<string, unknown> | undefined;
  existing?: SessionToExtend | undefined;
}

/**
 * Call inside the transaction that redeemed the one-time token. When `existing` is a live session of
 * the same member in the same organization, `factor` is added to it and it gets a NEW opaque token,
 * the old one dying at once (SES-03: a token never survives an authentication). Another member's
 * session is never merged: refused (the transaction rolls back, the token is given back) or left
 * untouched beside a new session, per `existing.otherMember`.
 * @throws ApiError 404 `session_not_found` (revoked since it was proven), 400 `bad_request`
 */
export async function startOrExtendSession(
  trx: Db,
  start: SessionStart,
  now: number,
): Promise<{ loaded: LoadedSession; token: string }> {
  const { member, organization, factor, existing } = start;
  if (
    existing !== undefined &&
    existing.loaded.member.id === member.id &&
    existing.loaded.organization.id === organization.id
  ) {
    // touchSession's conditional UPDATE throws if the session was revoked since it was proven.
    const touched = await touchSession(
      trx,
      { ...existing.loaded, member, organization },
      { extendMinutes: existing.extendMinutes, addFactor: factor, customClaims: start.customClaims },
      now,
    );
    return { loaded: touched, token: await rotateSessionToken(trx, touched.session.id) };
  }
  if (existing !== undefined && existing.otherMember === 'refuse') {
    throw badRequest(
      'The session belongs to another member than this sign-in; omit session_token / session_jwt to start a new session.',
    );
  }
  const { session, token } = await insertSession(trx, member, [factor], start.durationMinutes, now, start.customClaims);
  return { loaded: { session, member, organization }, token };
}

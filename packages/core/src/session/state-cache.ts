import type { Platform } from '../platform/types.js';
import type { Member, MemberSession, Organization } from '../protocol/types.js';
import type { AuthState } from '../state/auth-state.js';

/** What is cached in storage between page loads: never a token. */
export interface CachedSessionState {
  member: Member;
  organization: Organization;
  session: MemberSession;
}

/** Storage key of the cached state (docs/wire-protocol.md §3.2); other tabs listen to it. */
export const stateKey = (publicToken: string): string => `stytch_sdk_state_${publicToken}`;

/** Parses a cached state, or null when it is absent, malformed or already expired. */
export function parseCachedState(raw: string | null, now: number): CachedSessionState | null {
  if (!raw) return null;
  try {
    const value = JSON.parse(raw) as Partial<CachedSessionState> | null;
    if (!value || typeof value !== 'object') return null;
    const { member, organization, session } = value;
    if (!member?.member_id || !organization?.organization_id || !session?.member_session_id) return null;
    const expires = Date.parse(session.expires_at);
    if (Number.isFinite(expires) && expires <= now) return null;
    return { member, organization, session };
  } catch {
    return null;
  }
}

/** Writes (or, with null, clears) the cached state; skips writes that change nothing. */
export function writeCachedState(platform: Platform, key: string, value: CachedSessionState | null): void {
  // Stytch stores the string "null" rather than removing the key; other tabs see it as a sign-out.
  const raw = JSON.stringify(value);
  if (platform.storage.get(key) === raw) return;
  if (value === null && platform.storage.get(key) === null) return;
  platform.storage.set(key, raw);
}

/**
 * The state a client starts in. A session cookie with a valid cache starts signed-in `fromCache`
 * (revalidated in the background); a cookie without a cache starts `initializing`; no cookie means
 * signed out, whatever the cache says.
 */
export function initialAuthState(cached: CachedSessionState | null, hasSessionCookie: boolean): AuthState {
  if (!hasSessionCookie) return { status: 'signed-out' };
  if (!cached) return { status: 'initializing' };
  return { status: 'signed-in', ...cached, fromCache: true };
}

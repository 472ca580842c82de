/**
 * How long a session's last JWT is handed out again while its claims are unchanged. Signing an ES256
 * JWT is the largest single cost of a session check (docs/performance.md), and a page that checks its
 * session on every load would otherwise get a new signature each time. The reused JWT keeps at least
 * `SESSION_JWT_LIFETIME_SECONDS - 30` seconds of life, and is only ever returned after the session
 * row itself was found live, so revocation is unaffected.
 */
export const JWT_REUSE_MS = 30_000;

/** Bounds the memo's memory: about 1 KB per entry, oldest entries dropped first. */
export const JWT_MEMO_LIMIT = 10_000;

interface Entry {
  /** The signing key id and the JSON of every claim except the time-based ones. */
  claims: string;
  issuedAtMs: number;
  jwt: string;
}

/** A bounded memo of the last JWT signed per session (see {@link JWT_REUSE_MS}). */
export interface JwtMemo {
  /** The JWT signed for the same claims less than {@link JWT_REUSE_MS} before `nowMs`, if any. */
  get(sessionKey: string, claims: string, nowMs: number): string | undefined;
  /** Remembers `jwt`, issued at `issuedAtMs` for `claims`. */
  set(sessionKey: string, claims: string, issuedAtMs: number, jwt: string): void;
}

/** Creates an empty memo holding at most `limit` sessions. */
export function createJwtMemo(limit = JWT_MEMO_LIMIT): JwtMemo {
  const entries = new Map<string, Entry>();
  return {
    get(sessionKey, claims, nowMs) {
      const hit = entries.get(sessionKey);
      if (hit === undefined || hit.claims !== claims) return undefined;
      // A clock that went back (tests, NTP steps) never reuses: the JWT would claim a future iat.
      const age = nowMs - hit.issuedAtMs;
      return age >= 0 && age < JWT_REUSE_MS ? hit.jwt : undefined;
    },
    set(sessionKey, claims, issuedAtMs, jwt) {
      entries.delete(sessionKey);
      if (entries.size >= limit) {
        const oldest = entries.keys().next();
        if (!oldest.done) entries.delete(oldest.value);
      }
      entries.set(sessionKey, { claims, issuedAtMs, jwt });
    },
  };
}

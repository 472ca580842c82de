import { randomBytes } from 'node:crypto';
import type { OAuthProviderType } from '@orgauth/core/protocol';
import type { StandInPerson } from './people.js';

/** An authorization request waiting on the picker, or a code / token it led to. */
export interface StandInGrant {
  provider: OAuthProviderType;
  clientId: string;
  redirectUri: string;
  state: string | undefined;
  nonce: string | undefined;
  scope: string;
  /** S256 challenge sent at the authorization endpoint, checked at the token endpoint. */
  codeChallenge: string | undefined;
  /** Set once a person was picked. */
  person?: StandInPerson;
}

/** Lifetimes: a pending picker page, a code, an access token (seconds, as `expires_in` says). */
export const PENDING_TTL_MS = 10 * 60_000;
export const CODE_TTL_MS = 60_000;
export const ACCESS_TOKEN_TTL_S = 3600;

type Kind = 'pending' | 'code' | 'access' | 'refresh';

/**
 * The stand-ins' in-memory grants. Memory is enough: stand-ins exist only on a `--dev` server, and a
 * restart merely ends sign-ins in progress. Every value is 32 random bytes, and codes and pending
 * requests are taken once (`take`), so a replayed code finds nothing.
 */
export interface StandInGrants {
  issue(kind: Kind, grant: StandInGrant, ttlMs?: number): string;
  /** Reads without consuming (access and refresh tokens). */
  peek(kind: Kind, value: string): StandInGrant | undefined;
  /** Reads and deletes (pending requests, codes). */
  take(kind: Kind, value: string): StandInGrant | undefined;
}

/** A grant store on the server's clock. */
export function createStandInGrants(now: () => number): StandInGrants {
  const entries = new Map<string, { grant: StandInGrant; expiresAt: number }>();
  const key = (kind: Kind, value: string) => `${kind}:${value}`;
  const sweep = () => {
    for (const [k, v] of entries) if (v.expiresAt <= now()) entries.delete(k);
  };
  const read = (kind: Kind, value: string) => {
    const entry = entries.get(key(kind, value));
    return entry !== undefined && entry.expiresAt > now() ? entry.grant : undefined;
  };
  return {
    issue(kind, grant, ttlMs = 30 * 24 * 3600_000) {
      if (entries.size > 10_000) sweep();
      const value = randomBytes(32).toString('base64url');
      entries.set(key(kind, value), { grant, expiresAt: now() + ttlMs });
      return value;
    },
    peek: read,
    take(kind, value) {
      const grant = read(kind, value);
      entries.delete(key(kind, value));
      return grant;
    },
  };
}

import { createPrivateKey } from 'node:crypto';
import { SESSION_JWT_LIFETIME_SECONDS, type MemberSession } from '@orgauth/core/protocol';
import type { Db } from '../db/schema.js';
import { createKeyCache } from '../lib/key-cache.js';
import type { SecretBox } from '../lib/secret-box.js';
import { isReservedClaim } from './claims.js';
import { signEs256 } from './jws.js';
import { verifySessionJwt, type VerifiedSessionJwt, type VerifyOptions } from './jwt.js';
import {
  activeKid,
  ensureActiveKey,
  keyByKid,
  ensureNextKey,
  openPrivateJwk,
  publishedKeys,
  rotateSigningKey,
  type PublicJwk,
  type RotationResult,
} from './signing-key-store.js';

export type { PublicJwk } from './signing-key-store.js';

/** Claims a session JWT carries besides the registered ones (docs/wire-protocol.md §5.3). */
export const SESSION_CLAIM = 'https://stytch.com/session';
/** The organization claim of a session JWT. */
export const ORGANIZATION_CLAIM = 'https://stytch.com/organization';

/** Signs session JWTs, verifies them, and publishes the verification keys of each project. */
export interface SigningKeys {
  /** The project's public keys: active, next (published before use), and retired ones in their overlap. */
  jwks(projectId: string): Promise<{ keys: PublicJwk[] }>;
  /** A 5-minute ES256 session JWT with the Stytch claims (docs/wire-protocol.md §5.3) and the session's custom claims. */
  signSessionJwt(projectId: string, session: MemberSession, nowMs: number): Promise<string>;
  /**
   * Verifies a session JWT of `projectId` (signature with one of its published keys, ES256 only,
   * iss/aud/typ, exp/nbf). Says nothing about revocation: callers check the session row.
   * @throws ApiError 401 `jwt_invalid` / `jwt_expired`
   */
  verifySessionJwt(projectId: string, jwt: string, nowMs: number, options?: VerifyOptions): Promise<VerifiedSessionJwt>;
  /** Retires the active key and makes a new one (see {@link rotateSigningKey}). */
  rotate(projectId: string): Promise<RotationResult>;
}

/**
 * Creates the key service. Keys live in the database, so restarts, sibling servers and the
 * `keys rotate` CLI all see the same active key: every signature looks the active kid up (one indexed
 * read of one column), and only the parsed private keys — immutable per kid — are cached in memory.
 * Private JWKs are sealed with `box` at rest (docs/security.md JWT-10).
 */
export function createSigningKeys(db: Db, now: () => number, box: SecretBox): SigningKeys {
  const privateKey = createKeyCache((jwk) => createPrivateKey({ key: jwk, format: 'jwk' }));

  return {
    async jwks(projectId) {
      const nowMs = now();
      await ensureActiveKey(db, projectId, nowMs, box);
      await ensureNextKey(db, projectId, nowMs, box);
      return {
        keys: (await publishedKeys(db, projectId, nowMs)).map((row) => JSON.parse(row.public_jwk) as PublicJwk),
      };
    },
    async signSessionJwt(projectId, session, nowMs) {
      // The short kid read every time (a rotation elsewhere is seen at once); the sealed key is read
      // and opened only on a cache miss, since the parsed key is cached per kid.
      const kid = (await activeKid(db, projectId)) ?? (await ensureActiveKey(db, projectId, nowMs, box)).kid;
      const key = await privateKey(kid, async () => {
        const row = await keyByKid(db, kid);
        if (row === undefined) throw new Error(`Signing key ${kid} is gone.`);
        return openPrivateJwk(db, row, box);
      });
      const iat = Math.floor(nowMs / 1000);
      const custom = Object.fromEntries(
        Object.entries(session.custom_claims ?? {}).filter(([name]) => !isReservedClaim(name)),
      );
      const payload = {
        ...custom,
        [SESSION_CLAIM]: {
          id: session.member_session_id,
          started_at: session.started_at,
          last_accessed_at: session.last_accessed_at,
          expires_at: session.expires_at,
          attributes: { ip_address: '', user_agent: '' },
          authentication_factors: session.authentication_factors,
          roles: session.roles,
        },
        [ORGANIZATION_CLAIM]: { organization_id: session.organization_id, slug: session.organization_slug },
        iss: `stytch.com/${projectId}`,
        aud: [projectId],
        sub: session.member_id,
        iat,
        nbf: iat,
        exp: iat + SESSION_JWT_LIFETIME_SECONDS,
      };
      return signEs256({ typ: 'JWT', kid }, payload, key);
    },
    verifySessionJwt(projectId, jwt, nowMs, options) {
      return verifySessionJwt(db, projectId, jwt, nowMs, options);
    },
    rotate(projectId) {
      return rotateSigningKey(db, projectId, now(), box);
    },
  };
}

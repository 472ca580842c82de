import { randomUUID } from 'node:crypto';
import { SESSION_JWT_LIFETIME_SECONDS, type MemberSession } from '@orgauth/core/protocol';
import { SignJWT, exportJWK, generateKeyPair, importJWK, type JWK } from 'jose';
import type { Db } from '../db/schema.js';

/** A public key as published in the JWKS. */
export interface PublicJwk extends JWK {
  kid: string;
  alg: 'ES256';
  use: 'sig';
  key_ops: ['verify'];
}

/** Signs session JWTs and publishes the verification keys of each project. */
export interface SigningKeys {
  /** The project's public keys (creates the key on first need). */
  jwks(projectId: string): Promise<{ keys: PublicJwk[] }>;
  /** A 5-minute ES256 session JWT with the Stytch claims (WIRE.md §5.3). */
  signSessionJwt(projectId: string, session: MemberSession, nowMs: number): Promise<string>;
}

interface LoadedKey {
  kid: string;
  privateKey: CryptoKey;
  publicJwk: PublicJwk;
}

/**
 * Creates the key service. Keys live in the database (so restarts and sibling servers share them);
 * the in-memory map only caches the imported CryptoKey. The private JWK is stored as-is for now.
 * TODO(#encrypt-keys): encrypt `signing_keys.private_jwk` at rest (SECURITY.md JWT-10).
 */
export function createSigningKeys(db: Db, now: () => number): SigningKeys {
  const cache = new Map<string, Promise<LoadedKey>>();

  async function loadOrCreate(projectId: string): Promise<LoadedKey> {
    let row = await db.selectFrom('signing_keys').selectAll().where('project_id', '=', projectId).executeTakeFirst();
    if (row === undefined) {
      const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
      const kid = `jwk-test-${randomUUID()}`;
      const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig', key_ops: ['verify'] };
      const privateJwk = { ...(await exportJWK(privateKey)), kid, alg: 'ES256' };
      // Two servers may race here; the unique project_id keeps one key and both then read it back.
      await db
        .insertInto('signing_keys')
        .values({ kid, project_id: projectId, alg: 'ES256', private_jwk: JSON.stringify(privateJwk), public_jwk: JSON.stringify(publicJwk), created_at: now() })
        .onConflict((oc) => oc.column('project_id').doNothing())
        .execute();
      row = await db.selectFrom('signing_keys').selectAll().where('project_id', '=', projectId).executeTakeFirstOrThrow();
    }
    const privateKey = (await importJWK(JSON.parse(row.private_jwk) as JWK, 'ES256')) as CryptoKey;
    return { kid: row.kid, privateKey, publicJwk: JSON.parse(row.public_jwk) as PublicJwk };
  }

  function key(projectId: string): Promise<LoadedKey> {
    let pending = cache.get(projectId);
    if (pending === undefined) {
      pending = loadOrCreate(projectId);
      cache.set(projectId, pending);
      pending.catch(() => cache.delete(projectId));
    }
    return pending;
  }

  return {
    async jwks(projectId) {
      return { keys: [(await key(projectId)).publicJwk] };
    },
    async signSessionJwt(projectId, session, nowMs) {
      const { kid, privateKey } = await key(projectId);
      const iat = Math.floor(nowMs / 1000);
      return new SignJWT({
        'https://stytch.com/session': {
          id: session.member_session_id,
          started_at: session.started_at,
          last_accessed_at: session.last_accessed_at,
          expires_at: session.expires_at,
          attributes: {},
          authentication_factors: session.authentication_factors,
          roles: session.roles,
        },
        'https://stytch.com/organization': { organization_id: session.organization_id, slug: session.organization_slug },
      })
        .setProtectedHeader({ alg: 'ES256', typ: 'JWT', kid })
        .setIssuer(`stytch.com/${projectId}`)
        .setAudience([projectId])
        .setSubject(session.member_id)
        .setIssuedAt(iat)
        .setNotBefore(iat)
        .setExpirationTime(iat + SESSION_JWT_LIFETIME_SECONDS)
        .sign(privateKey);
    },
  };
}

import type { Platform } from './platform/types.js';

/** A PKCE pair as stored (docs/wire-protocol.md §2.9). */
export interface PkcePair {
  code_challenge: string;
  code_verifier: string;
}

/** Flows that keep their own pair. */
export type PkceNamespace = 'magic_links' | 'passwords' | 'oauth' | 'sso';

/** base64url without padding. */
export function base64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** S256 challenge of a verifier: base64url(SHA-256(UTF-8(verifier))), no padding. */
export async function pkceChallenge(verifier: string, sha256: Platform['sha256']): Promise<string> {
  return base64Url(await sha256(new TextEncoder().encode(verifier)));
}

/** `bytes` as lowercase hex, two digits each. */
export const hex = (bytes: Uint8Array): string => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

/** Keeps PKCE pairs in storage, one per namespace, so the link can be finished after a reload. */
export interface PkceStore {
  /** The stored pair, or null. */
  get(namespace: PkceNamespace): PkcePair | null;
  /** The stored pair, or a new one (a resent link must stay verifiable by the same browser). */
  getOrCreate(namespace: PkceNamespace): Promise<PkcePair>;
  /** A new pair, replacing any stored one. */
  create(namespace: PkceNamespace): Promise<PkcePair>;
  clear(namespace: PkceNamespace): void;
}

/** Creates the PKCE store over `platform.storage`, keyed `stytch_sdk_state_<pk>::PKCE_VERIFIER:<ns>`. */
export function createPkceStore(platform: Platform, publicToken: string): PkceStore {
  const key = (namespace: PkceNamespace) => `stytch_sdk_state_${publicToken}::PKCE_VERIFIER:${namespace}`;

  const get = (namespace: PkceNamespace): PkcePair | null => {
    try {
      const pair = JSON.parse(platform.storage.get(key(namespace)) ?? 'null') as PkcePair | null;
      return typeof pair?.code_verifier === 'string' && typeof pair.code_challenge === 'string' ? pair : null;
    } catch {
      return null;
    }
  };

  const create = async (namespace: PkceNamespace): Promise<PkcePair> => {
    // 32 random bytes as lowercase hex: 256 bits (docs/security.md O3), inside the protocol's 32–128 char range.
    const code_verifier = hex(platform.randomBytes(32));
    const pair = { code_challenge: await pkceChallenge(code_verifier, platform.sha256), code_verifier };
    platform.storage.set(key(namespace), JSON.stringify(pair));
    return pair;
  };

  return {
    get,
    create,
    getOrCreate: async (namespace) => get(namespace) ?? create(namespace),
    clear: (namespace) => platform.storage.remove(key(namespace)),
  };
}

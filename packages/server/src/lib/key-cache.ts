import { importJWK, type JWK } from 'jose';

/**
 * A memo of imported ES256 keys by `kid`. Keys are immutable per kid, so each is imported once (an
 * import costs far more than a signature); a failed import is forgotten so the next call retries.
 */
export function createKeyCache(): (kid: string, jwk: string) => Promise<CryptoKey> {
  const keys = new Map<string, Promise<CryptoKey>>();
  return (kid, jwk) => {
    let pending = keys.get(kid);
    if (pending === undefined) {
      pending = importJWK(JSON.parse(jwk) as JWK, 'ES256') as Promise<CryptoKey>;
      keys.set(kid, pending);
      pending.catch(() => keys.delete(kid));
    }
    return pending;
  };
}

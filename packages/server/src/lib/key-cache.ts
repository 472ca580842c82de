import { importJWK, type JWK } from 'jose';

/**
 * A memo of imported ES256 keys by `kid`. Keys are immutable per kid, so each is imported once (an
 * import costs far more than a signature); a failed import is forgotten so the next call retries.
 */
export function createKeyCache(): (kid: string, jwk: string | (() => Promise<string>)) => Promise<CryptoKey> {
  const keys = new Map<string, Promise<CryptoKey>>();
  return (kid, jwk) => {
    let pending = keys.get(kid);
    if (pending === undefined) {
      // A function defers the read (a sealed private key is only opened on a cache miss).
      const text = typeof jwk === 'string' ? Promise.resolve(jwk) : jwk();
      pending = text.then((value) => importJWK(JSON.parse(value) as JWK, 'ES256') as Promise<CryptoKey>);
      keys.set(kid, pending);
      pending.catch(() => keys.delete(kid));
    }
    return pending;
  };
}

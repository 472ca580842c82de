import type { JsonWebKey } from 'node:crypto';

/**
 * A memo of parsed keys by `kid`: `parse` turns a JWK into the key object its user needs (a
 * WebCrypto public key for jose's verification, a node:crypto private key for signing). Keys are
 * immutable per kid, so each is parsed once (parsing costs far more than a signature); a failed read
 * or parse is forgotten so the next call retries.
 */
export function createKeyCache<K>(
  parse: (jwk: JsonWebKey) => K | Promise<K>,
): (kid: string, jwk: string | (() => Promise<string>)) => Promise<K> {
  const keys = new Map<string, Promise<K>>();
  return (kid, jwk) => {
    let pending = keys.get(kid);
    if (pending === undefined) {
      // A function defers the read (a sealed private key is only opened on a cache miss).
      const text = typeof jwk === 'string' ? Promise.resolve(jwk) : jwk();
      pending = text.then((value) => parse(JSON.parse(value) as JsonWebKey));
      keys.set(kid, pending);
      pending.catch(() => keys.delete(kid));
    }
    return pending;
  };
}

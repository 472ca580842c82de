import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * Loads the CommonJS package `name` on first call and memoizes it. For dependencies that only some
 * deployments or only some requests need (PostgreSQL's driver, SMTP, the IdP egress client, SAML):
 * importing them at the top cost a server about a quarter of its cold start, paid by every start
 * whether or not it ever used them (docs/performance.md). Synchronous, so the callers stay so.
 */
export function lazyRequire<T>(name: string): () => T {
  let loaded: T | undefined;
  return () => {
    loaded ??= require(name) as T;
    return loaded;
  };
}

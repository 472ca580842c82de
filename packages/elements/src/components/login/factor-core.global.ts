import { type FactorCoreModule, loadFactorsChunk } from './factor-screens-loader.global.js';

/**
 * Stands in, in `orgauth.global.js`, for the core modules that `createB2BClient` and `createLogin`
 * import lazily (packages/core/src/client.ts, machines/login-controller.ts): the password, TOTP,
 * recovery code and SMS flows and the login's factor actions. The npm build splits each into a chunk
 * of its own; an IIFE cannot, and would carry them all (~3.3 KB gzip), so vite.config.ts resolves
 * those modules here and the factors chunk (src/factors-global.ts) carries the real ones.
 *
 * Each factory is called where the core awaits it, as `import(module).then((m) => m.create…(arg))`:
 * returning a promise of what the real one returns is the same to that chain, and fetches the chunk
 * on the first call (once, shared with the screens).
 */
const lend =
  <K extends keyof FactorCoreModule>(name: K) =>
  (arg: Parameters<FactorCoreModule[K]>[0]): Promise<ReturnType<FactorCoreModule[K]>> =>
    loadFactorsChunk().then(({ core }) => (core[name] as (a: typeof arg) => ReturnType<FactorCoreModule[K]>)(arg));

/** The passwords flow (`client.passwords`), from the factors chunk. */
export const createPasswordsFlow = lend('createPasswordsFlow');
/** The TOTP flow (`client.totp`), from the factors chunk. */
export const createTotpFlow = lend('createTotpFlow');
/** The recovery codes flow (`client.recoveryCodes`), from the factors chunk. */
export const createRecoveryCodesFlow = lend('createRecoveryCodesFlow');
/** The SMS codes flow (`client.otps.sms`), from the factors chunk. */
export const createOtpsSmsFlow = lend('createOtpsSmsFlow');
/** The login's password and second-factor actions (login-controller.ts), from the factors chunk. */
export const createFactorActions = lend('createFactorActions');

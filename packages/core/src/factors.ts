/**
 * `@orgauth/core/factors`: the flow factories of passwords and second factors, for an app composing
 * its own client with `createClient` (`{ passwords: createPasswordsFlow }`). `createB2BClient` has
 * them already, loaded on their first call; they live on a subpath of their own so the main entry
 * does not carry them (scripts/size.mjs measures it).
 */
export { createOtpsSmsFlow } from './flows/otps-sms.js';
export { createPasswordsFlow } from './flows/passwords.js';
export { createRecoveryCodesFlow } from './flows/recovery-codes.js';
export { createTotpFlow } from './flows/totp.js';

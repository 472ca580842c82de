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
// The login's second-factor steps as pure functions (for stories and custom UIs driving
// `loginReducer` with `MFA_STEP_ENTERED`), and the strength check's typing pause.
export { mfaContext } from './machines/login-mfa-context.js';
export { mfaEntryState, mfaStep } from './machines/login-mfa-entry.js';
// The login controller's password and second-factor actions, which `createLogin` loads on their first
// use: orgauth.global.js, whose IIFE cannot split them off, takes them from its factors chunk
// (packages/elements/src/factors-global.ts) with the flow factories above.
export { createFactorActions, STRENGTH_CHECK_DELAY_MS } from './machines/login-factors.js';
export type { FactorActionContext, FactorActions } from './machines/login-factors.js';

/**
 * Multi-factor authentication: the gate every primary sign-in passes (an IST instead of a session
 * when a second factor is due), the second factor's completion, TOTP and recovery codes.
 */
export {
  type AuthOutcome,
  type AuthRespBody,
  finishPrimaryAuthentication,
  type GateDeps,
  type MfaOutcome,
  type PrimaryStart,
  primaryAuthResponse,
  type SessionOutcome,
} from './gate.js';
export {
  assertMfaMethodAllowed,
  gateSendsSms,
  type MfaMethod,
  mfaMethodAllowed,
  type MfaRequired,
  mfaRequiredFor,
  mfaRequiredOf,
} from './policy.js';
export { completeSecondFactor, type SecondFactorInput } from './second-factor.js';
export { assertMayEnrol } from './caller.js';
export { findMemberIntermediateSession } from './intermediate.js';
export { mfaRoutes } from './routes.js';

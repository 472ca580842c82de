/** Member sessions: store, exchange, JWTs and signing keys, custom claims, proof, reuse, revocation. */
export { readCustomClaims } from './claims.js';
export { verifySessionJwt } from './jwt.js';
export { proveSession, readHeldSessionCredentials, readSessionCredentials, type SessionCredentials } from './proof.js';
export { revokeSessionsForEmail, revokeSessionsForMember } from './revocation.js';
export { proveHeldSession, startOrExtendSession, type HeldSession, type SessionToExtend } from './reuse.js';
export { sessionRoutes } from './routes.js';
export { KEY_OVERLAP_MS, rotateSigningKey, sealLegacySigningKeys, type RotationResult } from './signing-key-store.js';
export { createSigningKeys, type SigningKeys } from './signing-keys.js';
export {
  authenticateResponse,
  authenticateSessionToken,
  insertSession,
  loadLiveSession,
  rotateSessionToken,
  sessionRoles,
  touchSession,
  type LoadedSession,
} from './store.js';

/** Passwords: hashing (scrypt, imported hashes), the per-email store, strength checks and the routes. */
export { DEFAULT_SCRYPT_COST, setPasswordHashCost, type ScryptCost } from './hash.js';
export { passwordRoutes } from './routes.js';
export { deletePassword, findPassword, setPassword, verifyPassword } from './store.js';
export { passwordResetRoutes } from './reset-routes.js';
export { assertStrongPassword, checkStrength, type StrengthCheck } from './strength.js';

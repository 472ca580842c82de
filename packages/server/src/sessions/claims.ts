import { badRequest } from '../lib/api-error.js';
import type { Body } from '../lib/validate.js';
import { parseJson } from '../lib/json.js';

/**
 * Registered claims and Stytch's own namespace: custom claims can never set them (JWT-09), so a
 * backend can trust `sub`, `aud`, `exp`, … and the session claim of any JWT we sign.
 */
export function isReservedClaim(name: string): boolean {
  return ['iss', 'sub', 'aud', 'exp', 'nbf', 'iat', 'jti'].includes(name) || name.startsWith('https://stytch.com/');
}

/** Stytch's cap on a session's custom claims (serialized JSON), which keeps the JWT cookie < 4 KB. */
export const MAX_CUSTOM_CLAIMS_BYTES = 4096;

/**
 * Reads `session_custom_claims`: `undefined` when absent, else a JSON object.
 * @throws ApiError 400 `bad_request` when it is not an object.
 */
export function readCustomClaims(body: Body): Record<string, unknown> | undefined {
  const value = body.session_custom_claims;
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value))
    throw badRequest('session_custom_claims must be a JSON object.');
  return value as Record<string, unknown>;
}

/**
 * Merges an update into a session's stored claims as Stytch does: keys are added or replaced, a
 * `null` value deletes the key, and reserved claims (`iss`, `sub`, `aud`, `exp`, `nbf`, `iat`, `jti`,
 * `https://stytch.com/…`) are ignored so a caller can never forge them (JWT-09).
 * @returns the JSON text to store.
 * @throws ApiError 400 `bad_request` when the merged claims exceed {@link MAX_CUSTOM_CLAIMS_BYTES}.
 */
export function mergeCustomClaims(stored: string, update: Record<string, unknown> | undefined): string {
  if (update === undefined) return stored;
  const merged = { ...parseJson<Record<string, unknown>>(stored, {}) };
  for (const [name, value] of Object.entries(update)) {
    if (isReservedClaim(name)) continue;
    if (value === null) delete merged[name];
    else merged[name] = value;
  }
  const text = JSON.stringify(merged);
  if (Buffer.byteLength(text, 'utf8') > MAX_CUSTOM_CLAIMS_BYTES) {
    throw badRequest(`session_custom_claims must be at most ${MAX_CUSTOM_CLAIMS_BYTES} bytes of JSON in total.`);
  }
  return text;
}

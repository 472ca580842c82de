import type { AuthenticationFactor } from '@orgauth/core/protocol';
import type { OrganizationsTable } from '../db/schema.js';
import { badRequest } from '../lib/api-error.js';
import { iso } from '../lib/json.js';
import { optionalString, type Body } from '../lib/validate.js';
import { assertPrimaryFactorsAllowed } from '../members/index.js';
import { MAX_PASSWORD_LENGTH } from './strength.js';

/**
 * A required password field: any non-empty string up to {@link MAX_PASSWORD_LENGTH} characters, taken
 * as typed (no trimming: spaces are characters of a password).
 * @throws ApiError 400 `bad_request`
 */
export function requiredPassword(body: Body, key: string): string {
  const value = optionalString(body, key, { max: MAX_PASSWORD_LENGTH });
  if (value === undefined || value === '') throw badRequest(`${key} is required.`);
  return value;
}

/** Stytch's template ids, telemetry and CAPTCHA fields: accepted for compatibility, not used. */
export function ignoredFields(body: Body, keys: readonly string[]): void {
  for (const key of keys) optionalString(body, key, { max: 16_384 });
}

/** Fields every password route's SDK may send and this server does not use. */
export const IGNORED = [
  'locale',
  'captcha_token',
  'telemetry_id',
  'dfp_telemetry_id',
  'code_verifier',
  'intermediate_session_token',
] as const;

/**
 * The factor a password proves: Stytch's `password` by `knowledge`, with the email it belongs to
 * (`password` in `allowed_auth_methods`, members/provisioning.ts `authMethodOf`).
 */
export function passwordFactor(emailId: string, email: string, now: number): AuthenticationFactor {
  return {
    type: 'password',
    delivery_method: 'knowledge',
    last_authenticated_at: iso(now),
    sequence_order: 'PRIMARY',
    email_factor: { email_id: emailId, email_address: email },
  };
}

/**
 * Refuses password sign-in for an organization whose `allowed_auth_methods` (when RESTRICTED) lack
 * `password`, as for every other primary method (docs/security.md AUTH-02); MFA is the gate's (mfa/gate.ts).
 * @throws ApiError 403 `unauthorized_action`
 */
export function assertPasswordAllowed(org: OrganizationsTable): void {
  assertPrimaryFactorsAllowed(org, ['password']);
}

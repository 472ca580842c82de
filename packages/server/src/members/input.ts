import type { MemberFields } from './admin.js';
import { apiError, badRequest } from '../lib/api-error.js';
import {
  optionalBoolean,
  optionalEnum,
  optionalObject,
  optionalString,
  optionalStringArray,
  requiredEmail,
  type Body,
} from '../lib/validate.js';
import { readExternalId } from '../organizations/index.js';
import { normalizePhoneNumber } from '../sms/index.js';

/**
 * Reads the member fields of a backend create or update (docs/wire-protocol.md §5.2 field lists). On update,
 * `email_address` (validated, normalised) and `preserve_existing_sessions` are read too.
 * @throws ApiError 400 `bad_request` / `invalid_email` naming the field.
 */
export function readMemberFields(body: Body, mode: 'create' | 'update'): MemberFields {
  const fields: MemberFields = {};
  const name = optionalString(body, 'name', { max: 256 });
  if (name !== undefined) fields.name = name;
  const trusted = optionalObject(body, 'trusted_metadata');
  if (trusted !== undefined) fields.trustedMetadata = trusted;
  const untrusted = optionalObject(body, 'untrusted_metadata');
  if (untrusted !== undefined) fields.untrustedMetadata = untrusted;
  const roles = optionalStringArray(body, 'roles', 50, 128);
  if (roles !== undefined) fields.roles = [...new Set(roles)];
  const breakglass = optionalBoolean(body, 'is_breakglass');
  if (breakglass !== undefined) fields.isBreakglass = breakglass;
  const phone = optionalString(body, 'mfa_phone_number', { max: 64 });
  if (phone !== undefined) {
    // Stored in E.164, checked against the country's number plan (sms/phone.ts).
    const normalized = phone === '' ? '' : normalizePhoneNumber(phone);
    if (normalized === undefined) throw badRequest('mfa_phone_number must be an E.164 number such as +14155550100.');
    fields.mfaPhoneNumber = normalized;
  }
  const enrolled = optionalBoolean(body, 'mfa_enrolled');
  if (enrolled !== undefined) fields.mfaEnrolled = enrolled;
  const method = optionalEnum(body, 'default_mfa_method', ['sms_otp', 'totp', ''] as const);
  if (method !== undefined) fields.defaultMfaMethod = method;
  const externalId = readExternalId(body, 'external_id');
  if (externalId !== undefined) fields.externalId = externalId;
  if (mode === 'update') {
    if (body.email_address !== undefined && body.email_address !== null) fields.email = requiredEmail(body);
    const preserve = optionalBoolean(body, 'preserve_existing_sessions');
    if (preserve !== undefined) fields.preserveExistingSessions = preserve;
    if (optionalBoolean(body, 'unlink_email') === true) {
      // We keep exactly one email per member; unlinking would leave it without one.
      throw apiError('bad_request', 'unlink_email is not supported: a member always has one email address.');
    }
  }
  return fields;
}

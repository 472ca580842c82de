import { ORGANIZATION_SLUG_PATTERN, SESSION_DURATION_MINUTES, type JitPolicy } from '@orgauth/core/protocol';
import { apiError, badRequest } from './api-error.js';
import { isCommonEmailDomain } from './common-email-domains.js';

/** A parsed JSON request body: always a plain object. */
export type Body = Record<string, unknown>;

/** Parses raw request text as a JSON object; empty text is `{}`. */
export function parseJsonObject(text: string): Body {
  if (text.trim() === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw apiError('invalid_json', 'The request body is not valid JSON.');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw badRequest('The request body must be a JSON object.');
  }
  if (containsNul(value)) throw badRequest('The request body must not contain NUL (U+0000) characters.');
  return value as Body;
}

/**
 * True when any key or string in `value` holds U+0000. PostgreSQL text cannot store it (the insert
 * would fail as a 500), and no field has a use for it. Iterative: bodies may nest thousands deep.
 */
export function containsNul(value: unknown): boolean {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const item = stack.pop();
    if (typeof item === 'string') {
      if (item.includes('\0')) return true;
    } else if (typeof item === 'object' && item !== null) {
      for (const [key, child] of Object.entries(item)) {
        if (key.includes('\0')) return true;
        stack.push(child);
      }
    }
  }
  return false;
}

interface StringRule {
  max?: number;
  min?: number;
}

/** An optional string field; `undefined` when absent or null. */
export function optionalString(body: Body, key: string, rule: StringRule = {}): string | undefined {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw badRequest(`${key} must be a string.`);
  if (rule.max !== undefined && value.length > rule.max)
    throw badRequest(`${key} must be at most ${rule.max} characters.`);
  if (rule.min !== undefined && value.length < rule.min)
    throw badRequest(`${key} must be at least ${rule.min} characters.`);
  return value;
}

/** A required, non-empty string field. */
export function requiredString(body: Body, key: string, rule: StringRule = {}): string {
  const value = optionalString(body, key, rule);
  if (value === undefined || value === '') throw badRequest(`${key} is required.`);
  return value;
}

/** An optional boolean field. */
export function optionalBoolean(body: Body, key: string): boolean | undefined {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') throw badRequest(`${key} must be a boolean.`);
  return value;
}

/** An optional integer field within `[min, max]`. */
export function optionalInteger(body: Body, key: string, min: number, max: number): number | undefined {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value)) throw badRequest(`${key} must be an integer.`);
  if (value < min || value > max) throw badRequest(`${key} must be between ${min} and ${max}.`);
  return value;
}

/** An optional array of strings (each at most `maxLength`), at most `maxItems` long. */
export function optionalStringArray(body: Body, key: string, maxItems = 100, maxLength = 256): string[] | undefined {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || value.length > maxItems)
    throw badRequest(`${key} must be an array of at most ${maxItems} strings.`);
  for (const item of value) {
    if (typeof item !== 'string' || item.length === 0 || item.length > maxLength) {
      throw badRequest(`${key} must contain non-empty strings of at most ${maxLength} characters.`);
    }
  }
  return value as string[];
}

/** An optional JSON object field (metadata), at most 4 KB when serialized. */
export function optionalObject(body: Body, key: string): Record<string, unknown> | undefined {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) throw badRequest(`${key} must be a JSON object.`);
  if (JSON.stringify(value).length > 4096) throw badRequest(`${key} must be at most 4096 bytes of JSON.`);
  return value as Record<string, unknown>;
}

/** An optional one-of field. */
export function optionalEnum<T extends string>(body: Body, key: string, allowed: readonly T[]): T | undefined {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw badRequest(`${key} must be one of ${allowed.join(', ')}.`);
  }
  return value as T;
}

/** The JIT / invite policy values. */
export const JIT_POLICIES: readonly JitPolicy[] = ['ALL_ALLOWED', 'RESTRICTED', 'NOT_ALLOWED'];

// Deliberately simple: one @, no spaces, a dotted domain. Deliverability is proven by the magic link.
const EMAIL_PATTERN = /^[^\s@"<>()[\]\\,;:]+@[a-z0-9-]+(\.[a-z0-9-]+)+$/;

/** The required, normalised (trimmed, lowercased) `key` email address. */
export function requiredEmail(body: Body, key = 'email_address'): string {
  const raw = body[key];
  if (raw === undefined || raw === null || raw === '') throw apiError('invalid_email', `${key} is required.`);
  if (typeof raw !== 'string') throw badRequest(`${key} must be a string.`);
  const email = raw.trim().toLowerCase();
  if (email.length > 254 || !EMAIL_PATTERN.test(email)) {
    throw apiError('invalid_email', `${key} is not a valid email address.`);
  }
  return email;
}

/** The domain part of a normalised email address. */
export function emailDomain(email: string): string {
  return email.slice(email.lastIndexOf('@') + 1);
}

const SLUG = new RegExp(ORGANIZATION_SLUG_PATTERN);

/** Validates an organization slug against the protocol pattern. */
export function checkSlug(slug: string): string {
  if (!SLUG.test(slug)) {
    throw apiError('invalid_organization_slug', `organization_slug must match ${ORGANIZATION_SLUG_PATTERN}.`);
  }
  return slug;
}

/** Validates an organization name: 1–128 characters after trimming. */
export function checkOrganizationName(name: unknown): string {
  if (typeof name !== 'string' || name.trim().length === 0 || name.trim().length > 128) {
    throw apiError('invalid_organization_name', 'organization_name must be 1 to 128 characters.');
  }
  return name.trim();
}

/** `session_duration_minutes` within the protocol bounds, or the default when absent. */
export function sessionDuration(body: Body): number {
  const value = body.session_duration_minutes;
  if (value === undefined || value === null) return SESSION_DURATION_MINUTES.default;
  if (
    typeof value !== 'number' ||
    !Number.isInteger(value) ||
    value < SESSION_DURATION_MINUTES.min ||
    value > SESSION_DURATION_MINUTES.max
  ) {
    throw apiError(
      'invalid_session_duration',
      `session_duration_minutes must be an integer between ${SESSION_DURATION_MINUTES.min} and ${SESSION_DURATION_MINUTES.max}.`,
    );
  }
  return value;
}

/** Email domains: lowercased, dotted hostnames. */
export function checkDomains(domains: string[]): string[] {
  return [...new Set(domains.map((d) => d.trim().toLowerCase()))].map((d) => {
    if (!/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(d)) throw badRequest(`"${d}" is not a valid email domain.`);
    if (isCommonEmailDomain(d)) {
      throw apiError(
        'common_email_domain_not_allowed',
        `"${d}" is a free email provider: anyone can get an address there, so it cannot be an allowed domain.`,
      );
    }
    return d;
  });
}

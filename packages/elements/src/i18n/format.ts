import { isOrgAuthApiError, isOrgAuthError } from '@orgauth/core';
import type { OrgAuthMessages } from './messages.js';

/**
 * Splits `template` at `{name}` placeholders and puts `values[name]` in their place, as an array that
 * a Lit text binding renders piece by piece. Values stay separate nodes (a string becomes a text node,
 * a template its own markup), so server data never passes through an HTML parser.
 *
 * @example format('We sent a link to {email}', { email: html`<b>${email}</b>` })
 */
export function format(template: string, values: Record<string, unknown>): unknown[] {
  return template.split(/\{(\w+)\}/).map((piece, i) => (i % 2 === 1 ? (piece in values ? values[piece] : `{${piece}}`) : piece));
}

/**
 * Words for an error. API errors use their `error_type` (falling back to the generic `api_error`
 * line), SDK errors their `code`. Usage errors show their own message: it is written for the
 * developer who has to fix the page, not for the end user.
 */
export function errorMessage(error: unknown, messages: OrgAuthMessages): string {
  if (isOrgAuthApiError(error)) return messages.errors[error.errorType] ?? messages.errors.api_error;
  if (isOrgAuthError(error, 'invalid_usage')) return error.message;
  if (isOrgAuthError(error)) return messages.errors[error.code] ?? messages.errors.api_error;
  return messages.errors.api_error;
}

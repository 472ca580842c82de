import { isOrgAuthApiError, isOrgAuthError } from '@orgauth/core';
import type { OrgAuthMessages } from './messages.js';

/**
 * `table[key]` when the table itself holds `key`, else undefined. Keys come from the server and from
 * URLs (`?stytch_error=constructor`), so a plain lookup would find `Object.prototype` members and
 * show native-code text where words belong.
 */
export function ownEntry<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

/**
 * Splits `template` at `{name}` placeholders and puts `values[name]` in their place, as an array that
 * a Lit text binding renders piece by piece. Values stay separate nodes (a string becomes a text node,
 * a template its own markup), so server data never passes through an HTML parser.
 *
 * @example format('We sent a link to {email}', { email: html`<b>${email}</b>` })
 */
export function format(template: string, values: Record<string, unknown>): unknown[] {
  return template
    .split(/\{(\w+)\}/)
    .map((piece, i) => (i % 2 === 1 ? (Object.hasOwn(values, piece) ? values[piece] : `{${piece}}`) : piece));
}

/**
 * Words for an error. API errors use their `error_type`, SDK errors their `code`; a type or code
 * without its own entry (a newer server's, or one written into a URL) gets the generic `api_error`
 * line. Usage errors show their own message: it is written for the developer who has to fix the
 * page, not for the end user.
 */
export function errorMessage(error: unknown, messages: Pick<OrgAuthMessages, 'errors'>): string {
  const { errors } = messages;
  if (isOrgAuthError(error, 'invalid_usage')) return error.message;
  const key = isOrgAuthApiError(error) ? error.errorType : isOrgAuthError(error) ? error.code : undefined;
  return (key !== undefined && ownEntry(errors, key)) || errors.api_error;
}

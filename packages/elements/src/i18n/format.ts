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
 * An argument: `{name}`, or `{name, plural|select, cases}` whose cases may hold `{…}` once nested
 * (a `{name}` inside a case; a plural inside a plural is beyond this subset).
 */
export const ARGUMENT = /\{\s*(\w+)\s*(?:,\s*(plural|select)\s*,((?:[^{}]|\{(?:[^{}]|\{[^{}]*\})*\})*))?\}/g;
/** One case of a plural or select: `=0 {…}`, `one {…}`, `other {…}`. */
export const CASE = /\s*(=?[\w-]+)\s*\{((?:[^{}]|\{[^{}]*\})*)\}/g;

/**
 * Fills `template`'s arguments from `values`, as an array that a Lit text binding renders piece by
 * piece. Values stay separate nodes (a string becomes a text node, a template its own markup), so
 * server data never passes through an HTML parser; a missing value leaves the argument as written.
 *
 * The syntax is a small ICU MessageFormat subset: `{name}`; `{n, plural, =0 {…} one {…} other {…}}`,
 * its case chosen by `Intl.PluralRules(locale)` and `#` standing for the number (in the locale's
 * digits); and `{x, select, a {…} other {…}}`. Hand-written rather than a MessageFormat library
 * (those weigh 5 KB gzip and more, a sixth of the script-tag login bundle, for features the message
 * tables do not use: `offset:`, `selectordinal`, number skeletons, apostrophe quoting).
 *
 * @example format('We sent a link to {email}', { email: html`<b>${email}</b>` })
 * @example format('{n, plural, one {# try} other {# tries}} left', { n: 2 }, 'en').join('') // '2 tries left'
 */
export function format(template: string, values: Record<string, unknown>, locale = 'en'): unknown[] {
  const out: unknown[] = [];
  let last = 0;
  for (const match of template.matchAll(ARGUMENT)) {
    const [written, name = '', kind, body = ''] = match;
    out.push(template.slice(last, match.index));
    last = match.index + written.length;
    const value = values[name];
    const cases = new Map([...body.matchAll(CASE)].map(([, key, words]) => [key, words]));
    const n = Number(value);
    const chosen = !kind
      ? undefined
      : ((kind === 'plural'
          ? (cases.get(`=${n}`) ?? cases.get(new Intl.PluralRules(locale).select(n)))
          : cases.get(String(value))) ?? cases.get('other'));
    if (!Object.hasOwn(values, name) || (kind && chosen === undefined)) out.push(written);
    else if (chosen === undefined) out.push(value);
    // `#` becomes the number as text before the case is read: digits carry no markup nor braces.
    else
      out.push(...format(kind === 'plural' ? chosen.replace(/#/g, n.toLocaleString(locale)) : chosen, values, locale));
  }
  out.push(template.slice(last));
  return out;
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

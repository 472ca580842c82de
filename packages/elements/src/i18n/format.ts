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

/** Plural rules per locale, built once each: constructing an `Intl.PluralRules` is not free. */
const rulesFor = new Map<string, Intl.PluralRules>();

function pluralRules(locale: string): Intl.PluralRules {
  let rules = rulesFor.get(locale);
  if (!rules) {
    try {
      rules = new Intl.PluralRules(locale);
    } catch {
      rules = new Intl.PluralRules('en'); // a malformed tag: English rules rather than a broken render
    }
    rulesFor.set(locale, rules);
  }
  return rules;
}

/** Index of the `}` that closes the `{` at `open`, or -1. */
function closing(s: string, open: number): number {
  for (let i = open, depth = 0; i < s.length; i++) {
    if (s[i] === '{') depth++;
    else if (s[i] === '}' && --depth === 0) return i;
  }
  return -1;
}

/** `=0 {…} one {…} other {…}` as selector → sub-message, or undefined when malformed or without `other`. */
function branches(s: string): Map<string, string> | undefined {
  const out = new Map<string, string>();
  const key = /\s*(=?[\w-]+)\s*\{/y;
  for (let i = 0; ; ) {
    key.lastIndex = i;
    const m = key.exec(s);
    if (!m) return out.has('other') && !s.slice(i).trim() ? out : undefined;
    const end = closing(s, key.lastIndex - 1);
    if (end < 0) return undefined;
    out.set(m[1] as string, s.slice(key.lastIndex, end));
    i = end + 1;
  }
}

/** `name`, or `name, plural, …` / `name, select, …`: the inside of an argument. */
const ARGUMENT = /^\s*(\w+)\s*(?:,\s*(plural|select)\s*,([\s\S]*))?$/;

function formatInto(out: unknown[], template: string, values: Record<string, unknown>, locale: string, count?: number) {
  let text = '';
  for (let i = 0; i < template.length; i++) {
    const c = template[i] as string;
    if (c === '#' && count !== undefined) {
      out.push(text, count.toLocaleString(pluralRules(locale).resolvedOptions().locale));
      text = '';
      continue;
    }
    const end = c === '{' ? closing(template, i) : -1;
    const arg = end > 0 ? ARGUMENT.exec(template.slice(i + 1, end)) : null;
    if (!arg) {
      text += c;
      continue;
    }
    const written = template.slice(i, end + 1);
    const [, name, kind, body] = arg as unknown as [string, string, string | undefined, string];
    out.push(text);
    text = '';
    i = end;
    const cases = kind ? branches(body) : undefined;
    if (!Object.hasOwn(values, name) || (kind && !cases)) out.push(written);
    else if (!cases) out.push(values[name]);
    else {
      const value = values[name];
      const n = Number(value);
      const chosen =
        kind === 'plural' ? (cases.get(`=${n}`) ?? cases.get(pluralRules(locale).select(n))) : cases.get(String(value));
      formatInto(out, chosen ?? (cases.get('other') as string), values, locale, kind === 'plural' ? n : count);
    }
  }
  out.push(text);
}

/**
 * Fills `template`'s arguments from `values`, as an array that a Lit text binding renders piece by
 * piece. Values stay separate nodes (a string becomes a text node, a template its own markup), so
 * server data never passes through an HTML parser; a missing value leaves the argument as written.
 *
 * The syntax is a small ICU MessageFormat subset: `{name}`; `{n, plural, =0 {…} one {…} other {…}}`,
 * its category chosen by `Intl.PluralRules(locale)` and `#` standing for the number; and
 * `{x, select, a {…} other {…}}`. Written by hand rather than with a MessageFormat library (those
 * weigh 5 KB gzip and more, a sixth of the script-tag login bundle) because the packs need no more:
 * no `offset:`, `selectordinal`, number skeletons or apostrophe quoting.
 *
 * @example format('We sent a link to {email}', { email: html`<b>${email}</b>` })
 * @example format('{n, plural, one {# try} other {# tries}} left', { n: 2 }, 'en') // ['', '2', ' tries', ' left']
 */
export function format(template: string, values: Record<string, unknown>, locale = 'en'): unknown[] {
  const out: unknown[] = [];
  formatInto(out, template, values, locale);
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

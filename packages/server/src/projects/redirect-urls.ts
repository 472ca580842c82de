/**
 * The redirect URL rules (docs/security.md REDIR-01…03), as a pure module: what may be
 * put on a project's allowlist, and whether a requested URL matches an allowlisted one.
 *
 * - Exact match of scheme, host, port, path and query (query parameters compared as a set, values
 *   decoded); a `{}` query VALUE in a rule accepts any value for that parameter, nothing else.
 * - `https://*.example.com/…` in `test` only: one leftmost label, never the apex, never in `live`.
 * - `www.example.com` ≡ `example.com` (REDIR-02, Stytch's one documented equivalence) and nothing looser.
 * - `test`: http and https, native app schemes. `live`: https or a native app scheme (`slack://…`).
 * - Candidates are refused before any comparison when they could be read two ways: userinfo,
 *   backslashes, whitespace, no `scheme://`, dot segments or encoded `.`/`/`/`\` in the path, fragments.
 */

/** A project environment. */
export type ProjectEnv = 'test' | 'live';

const MAX_URL_LENGTH = 2048;
const PLACEHOLDER = '{}';
/** Schemes that are never a place to send a token: script, inline data, local files, plain-text mail… */
const FORBIDDEN_SCHEMES = new Set([
  'javascript',
  'data',
  'file',
  'vbscript',
  'blob',
  'about',
  'filesystem',
  'view-source',
  'ftp',
  'ws',
  'wss',
  'mailto',
  'tel',
  'sms',
  'intent',
  'chrome',
  'content',
]);
const SCHEME_AUTHORITY = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\/([^/?#]*)([^?#]*)/;
const HOST_LABEL = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/;

/** A URL split into the parts the rules compare. */
interface Parts {
  scheme: string;
  host: string;
  port: string;
  path: string;
  query: [string, string][];
  href: string;
}

/** The outcome of checking a rule before it is stored. */
export type RuleCheck = { ok: true; url: string } | { ok: false; reason: string };

function parse(raw: string): Parts | string {
  if (raw.length > MAX_URL_LENGTH) return 'is longer than 2048 characters';
  // Anything a browser or server may read differently from WHATWG is refused outright (REDIR-01).
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point.
  if (/[\s\\\u0000-\u001f\u007f]/.test(raw)) return 'contains whitespace, control characters or a backslash';
  const head = SCHEME_AUTHORITY.exec(raw);
  if (head === null) return 'is not an absolute scheme://host URL';
  const [, rawScheme = '', authority = '', rawPath = ''] = head;
  const scheme = rawScheme.toLowerCase();
  if (FORBIDDEN_SCHEMES.has(scheme)) return `uses the forbidden scheme ${scheme}:`;
  if (authority === '' && (scheme === 'http' || scheme === 'https')) return 'has no host';
  if (authority.includes('@')) return 'contains user info (…@host)';
  if (authority.includes('%')) return 'has a percent-encoded host';
  if (/(^|\/)\.\.?(\/|$)/.test(rawPath) || /%(2e|2f|5c)/i.test(rawPath))
    return 'has dot segments or encoded separators in its path';
  if (raw.includes('#')) return 'has a fragment';
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'is not a valid URL';
  }
  if (url.username !== '' || url.password !== '') return 'contains user info (…@host)';
  const query: [string, string][] = [...url.searchParams.entries()];
  return { scheme, host: url.hostname, port: url.port, path: url.pathname, query, href: url.href };
}

/**
 * Checks a redirect URL rule against the environment's rules before it is stored, and returns its
 * canonical form. `isDefault` rules must be concrete (no wildcard, no `{}`): they are used as is.
 */
export function checkRedirectUrlRule(raw: string, env: ProjectEnv, isDefault = false): RuleCheck {
  const parts = parse(raw);
  if (typeof parts === 'string') return { ok: false, reason: `The redirect URL ${parts}.` };
  const wildcard = parts.host.startsWith('*.');
  const placeholder = parts.query.some(([, v]) => v === PLACEHOLDER);
  if (parts.query.some(([k]) => k.includes('{') || k.includes('}')))
    return { ok: false, reason: '{} placeholders are allowed in query parameter values only.' };
  if (/%7B|%7D/i.test(parts.path) || parts.host.replace(/^\*\./, '').includes('*')) {
    return {
      ok: false,
      reason:
        'Wildcards are allowed only as the leftmost host label (https://*.example.com), placeholders only as query values.',
    };
  }
  if (wildcard) {
    if (env === 'live')
      return { ok: false, reason: 'Wildcard redirect URLs are allowed in the test environment only.' };
    const rest = parts.host.slice(2).split('.');
    if (rest.length < 2 || !rest.every((label) => HOST_LABEL.test(label))) {
      return {
        ok: false,
        reason: 'A wildcard must stand for one label below a registrable domain (https://*.example.com).',
      };
    }
  }
  if (isDefault && (wildcard || placeholder))
    return { ok: false, reason: 'A default redirect URL must be a concrete URL (no wildcard, no {}).' };
  if (env === 'live') {
    if (parts.scheme === 'http')
      return { ok: false, reason: 'Live redirect URLs must use https (or a native app scheme).' };
  }
  return { ok: true, url: parts.href };
}

function hostMatches(rule: string, candidate: string, env: ProjectEnv): boolean {
  if (rule === candidate) return true;
  // REDIR-02: www.example.com ≡ example.com, exactly one `www.` either way, nothing else.
  if (`www.${rule}` === candidate || rule === `www.${candidate}`) return true;
  if (env !== 'test' || !rule.startsWith('*.')) return false;
  const suffix = rule.slice(1); // ".example.com"
  if (!candidate.endsWith(suffix)) return false;
  const label = candidate.slice(0, -suffix.length);
  return HOST_LABEL.test(label);
}

function queryMatches(rule: [string, string][], candidate: [string, string][]): boolean {
  if (rule.length !== candidate.length) return false;
  // Order-insensitive multiset match: concrete values first, then each `{}` takes any one value of
  // its key; nothing may be left over (an extra parameter is a different URL).
  const remaining = [...candidate];
  for (const [key, value] of rule.filter(([, v]) => v !== PLACEHOLDER)) {
    const i = remaining.findIndex(([k, v]) => k === key && v === value);
    if (i < 0) return false;
    remaining.splice(i, 1);
  }
  for (const [key] of rule.filter(([, v]) => v === PLACEHOLDER)) {
    const i = remaining.findIndex(([k]) => k === key);
    if (i < 0) return false;
    remaining.splice(i, 1);
  }
  return remaining.length === 0;
}

/**
 * True when `candidate` (a URL a caller asked for) is allowed by the stored `rule` in `env`.
 * Live never honours a wildcard, even one stored before the rule existed.
 */
export function redirectUrlMatches(rule: string, candidate: string, env: ProjectEnv): boolean {
  return matchRedirectUrl(rule, candidate, env) !== undefined;
}

/**
 * The canonical form of `candidate` when some rule in `rules` allows it in `env`, else `undefined`.
 * The canonical form (WHATWG href) is what a link is built from, so host and path cannot be reread.
 */
export function matchRedirectUrl(
  rules: string | readonly string[],
  candidate: string,
  env: ProjectEnv,
): string | undefined {
  const c = parse(candidate);
  if (typeof c === 'string' || c.host.includes('*')) return undefined;
  if (env === 'live' && c.scheme === 'http') return undefined;
  for (const raw of typeof rules === 'string' ? [rules] : rules) {
    const r = parse(raw);
    if (typeof r === 'string') continue;
    if (r.scheme !== c.scheme || r.port !== c.port || r.path !== c.path) continue;
    if (!hostMatches(r.host, c.host, env) || !queryMatches(r.query, c.query)) continue;
    return c.href;
  }
  return undefined;
}

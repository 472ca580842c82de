import { createHash } from 'node:crypto';
import fc from 'fast-check';
import type { Db } from '../db/schema.js';
import { snapshot } from '../testing/db-snapshot.js';

/** Field names used across the API: fuzzed bodies and queries use these so validation is reached. */
export const FIELD_NAMES = [
  'organization_id',
  'organization_name',
  'organization_slug',
  'organization_ids',
  'allowed_domains',
  'email_allowed_domains',
  'email_jit_provisioning',
  'email_invites',
  'sso_jit_provisioning',
  'auth_methods',
  'allowed_auth_methods',
  'mfa_policy',
  'trusted_metadata',
  'untrusted_metadata',
  'organization_logo_url',
  'member_id',
  'email_address',
  'name',
  'roles',
  'create_member_as_pending',
  'is_breakglass',
  'session_token',
  'session_jwt',
  'member_session_id',
  'session_duration_minutes',
  'session_custom_claims',
  'intermediate_session_token',
  'magic_links_token',
  'discovery_magic_links_token',
  'discovery_sso_token',
  'oauth_token',
  'discovery_oauth_token',
  'oauth_tenant_jit_provisioning',
  'allowed_oauth_tenants',
  'custom_scopes',
  'public_token',
  'slug',
  'include_refresh_token',
  'pkce_code_verifier',
  'pkce_code_challenge',
  'login_redirect_url',
  'signup_redirect_url',
  'invite_redirect_url',
  'discovery_redirect_url',
  'login_expiration_minutes',
  'signup_expiration_minutes',
  'discovery_expiration_minutes',
  'invite_expiration_minutes',
  'password_reset_token',
  'reset_password_redirect_url',
  'reset_password_expiration_minutes',
  'code_challenge',
  'code_verifier',
  'code',
  // Multi-factor (mfa/).
  'recovery_code',
  'set_mfa_enrollment',
  'set_default_mfa',
  'expiration_minutes',
  'mfa_methods',
  'allowed_mfa_methods',
  // totps.migrate (mfa/totp-migrate.ts).
  'secret',
  'recovery_codes',
  // SMS one-time codes (otps/sms-*.ts).
  'mfa_phone_number',
  'locale',
  'display_name',
  'identity_provider',
  'idp_metadata_url',
  'limit',
  'cursor',
  'query',
  'status',
  'action',
  'since',
  'connection_id',
  'password',
  'existing_password',
  'new_password',
  'hash',
  'hash_type',
  'scrypt_config',
  'pbkdf_2_config',
  'argon_2_config',
] as const;

/** Strings an attacker tries: injection, traversal, markup, control characters, odd unicode. */
export const NASTY_STRINGS = [
  "' OR '1'='1",
  "'; DROP TABLE members; --",
  '" OR ""="',
  '1; SELECT pg_sleep(10)',
  "\\'",
  '%',
  '_',
  '../../../../etc/passwd',
  '..%2F..%2Fetc%2Fpasswd',
  '/',
  '//evil.test',
  'C:\\Windows\\win.ini',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '{{7*7}}',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection probe, meant literally.
  '${7*7}',
  'a\u0000b',
  '\u0000',
  '\r\n\r\nX-Injected: 1',
  '\t',
  ' ',
  '',
  '\u202e\u0644\u0627',
  '𝓤𝓷𝓲𝓬𝓸𝓭𝓮',
  '\ud800',
  '\uffff',
  'ＡＢＣ',
  'e\u0301',
  '🙂'.repeat(50),
  'null',
  'undefined',
  'true',
  '0',
  '-1',
  '1e309',
  'NaN',
  '__proto__',
  'constructor',
  'organization-test-00000000-0000-4000-8000-000000000000',
  'member-test-00000000-0000-4000-8000-000000000000',
  'ada@example.com',
  '123456',
  'not-an-email',
  'a@b',
  '@',
  'x'.repeat(300),
];

const HUGE = 'A'.repeat(100 * 1024);

/** An adversarial string: nasty constants, 100 KB, random unicode or ASCII. */
export const nastyString: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
  { weight: 1, arbitrary: fc.constant(HUGE) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ maxLength: 40 }) },
);

/** An adversarial JSON value of any type: wrong types, huge and empty values, deep nesting. */
export const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: nastyString },
  { weight: 1, arbitrary: fc.constantFrom(0, -1, 1.5, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, 2 ** 31, 527041, 4) },
  { weight: 1, arbitrary: fc.constantFrom(true, false, null) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      [],
      {},
      [''],
      [HUGE],
      Array(2000).fill('a'),
      { a: { b: { c: { d: {} } } } },
      { $gt: '' },
    ),
  },
  { weight: 1, arbitrary: fc.array(nastyString, { maxLength: 3 }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
);

/** A JSON body with a few known (and maybe unknown) fields set to adversarial values. */
export const nastyObject: fc.Arbitrary<Record<string, unknown>> = fc.dictionary(
  fc.oneof(
    { weight: 5, arbitrary: fc.constantFrom(...FIELD_NAMES) },
    { weight: 1, arbitrary: nastyString.filter((s) => s.length < 200) },
  ),
  nastyValue,
  { maxKeys: 5 },
);

/** Body texts that are not a JSON object at all. */
export const MALFORMED_BODIES = [
  '{',
  '{"organization_name":',
  '{"a":1}}',
  '[1,2',
  'nul',
  "{'single':'quotes'}",
  '{"a":1,}',
  '\u0000',
  '[]',
  '[{"organization_name":"x"}]',
  '"just a string"',
  '42',
  'null',
  'true',
  '{"a":"\\ud800"',
  '{"__proto__":{"polluted":1}}x',
];

/**
 * Percent-encodes one path segment. Lone surrogates (which `encodeURIComponent` refuses) become
 * their WTF-8 bytes, so the server also sees invalid UTF-8 in paths.
 */
export function encodeSegment(value: string): string {
  let out = '';
  for (const ch of value) {
    try {
      out += encodeURIComponent(ch);
    } catch {
      const code = ch.charCodeAt(0);
      out += [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)]
        .map((b) => `%${b.toString(16).toUpperCase()}`)
        .join('');
    }
  }
  return out;
}

/** A request body: absent, malformed, non-object, oversized, or an adversarial object. */
export type FuzzBody =
  | { kind: 'none' }
  | { kind: 'malformed'; text: string }
  | { kind: 'object'; value: Record<string, unknown> };

export const fuzzBody: fc.Arbitrary<FuzzBody> = fc.oneof(
  { weight: 1, arbitrary: fc.constant<FuzzBody>({ kind: 'none' }) },
  {
    weight: 3,
    arbitrary: fc
      .constantFrom(...MALFORMED_BODIES, `{"a":"${HUGE}"}`)
      .map<FuzzBody>((text) => ({ kind: 'malformed', text })),
  },
  { weight: 6, arbitrary: nastyObject.map<FuzzBody>((value) => ({ kind: 'object', value })) },
);

// Besides what `snapshot` already skips (Kysely's bookkeeping, the event log): rate-limit counters.
const EXCLUDED = /rate/i;
// Failure counters inside data rows, which a refused attempt MUST move: a code's wrong tries
// (otps/codes.ts, otps/sms-codes.ts).
const FAILURE_COUNTERS: Readonly<Record<string, string>> = { email_otps: 'attempts', sms_otps: 'attempts' };

/**
 * A fingerprint of every data table (row count + SHA-256 of the sorted rows). Bookkeeping tables are
 * left out on purpose: the event log, rate-limit counters and a code's count of wrong tries MUST record
 * refused requests.
 */
export async function snapshotDatabase(db: Db): Promise<Record<string, string>> {
  const fingerprint: Record<string, string> = {};
  for (const [name, all] of Object.entries(await snapshot(db)).sort(([x], [y]) => x.localeCompare(y))) {
    if (EXCLUDED.test(name)) continue;
    const counter = FAILURE_COUNTERS[name];
    const rows =
      counter === undefined
        ? all
        : all.map((row) => JSON.stringify({ ...(JSON.parse(row) as Record<string, unknown>), [counter]: null }));
    fingerprint[name] = `${rows.length}:${createHash('sha256').update(rows.join('\n')).digest('hex').slice(0, 16)}`;
  }
  return fingerprint;
}

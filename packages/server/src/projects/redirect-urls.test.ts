import { describe, expect, test } from 'vitest';
import { checkRedirectUrlRule, matchRedirectUrl, type ProjectEnv } from './redirect-urls.js';

const RULES: Record<ProjectEnv, string[]> = {
  test: [
    'http://localhost:3000/',
    'https://app.test/cb',
    'https://app.test/cb?org={}',
    'https://app.test/next?x=1',
    'https://*.preview.test/auth',
    'https://example.com/login',
    'slack://auth/callback',
  ],
  live: [
    'https://app.test/cb',
    'https://app.test/cb?org={}',
    'https://app.test/next?x=1',
    'https://example.com/login',
    'slack://auth/callback',
  ],
};

// [candidate, allowed in test, allowed in live, why]
const CASES: [string, boolean, boolean, string][] = [
  ['https://app.test/cb', true, true, 'exact'],
  ['HTTPS://APP.TEST/cb', true, true, 'scheme and host are case-insensitive'],
  ['https://app.test:443/cb', true, true, 'default port is the same origin'],
  ['https://app.test/cb?org=acme', true, true, '{} placeholder takes any value'],
  ['https://app.test/cb?org=', true, true, '{} placeholder takes the empty value'],
  ['https://app.test/cb?org=a&org=b', false, false, 'one placeholder, one value'],
  ['https://app.test/cb?org=acme&x=1', false, false, 'extra query parameter'],
  ['https://app.test/cb?team=acme', false, false, 'placeholder is for org only'],
  ['https://app.test/next?x=1', true, true, 'exact query'],
  ['https://app.test/next?x=2', false, false, 'other query value'],
  ['https://app.test/next', false, false, 'missing query'],
  ['https://app.test/cb/', false, false, 'trailing slash is another path'],
  ['https://app.test/cb/extra', false, false, 'extra path segment'],
  ['https://app.test/CB', false, false, 'path is case-sensitive'],
  ['https://app.test/cb/../x', false, false, 'dot segment'],
  ['https://app.test/x/../cb', false, false, 'dot segment resolving to an allowed path'],
  ['https://app.test/cb/..%2Fx', false, false, 'encoded separator'],
  ['https://app.test/%2e%2e/cb', false, false, 'encoded dots'],
  ['https://app.test:8443/cb', false, false, 'other port'],
  ['http://app.test/cb', false, false, 'http vs https'],
  ['https://app.test@evil.test/cb', false, false, 'userinfo'],
  ['https://evil.test/cb?u=https://app.test/cb', false, false, 'other host'],
  ['//evil.test', false, false, 'scheme-relative'],
  ['https:\\\\evil.test', false, false, 'backslashes'],
  ['https:evil.test', false, false, 'no slashes'],
  ['%2F%2Fevil.test', false, false, 'encoded scheme-relative'],
  ['https://аpp.test/cb', false, false, 'IDN homoglyph (Cyrillic а)'],
  ['https://app.test.evil.test/cb', false, false, 'suffix attack'],
  ['https://app.test/cb#frag', false, false, 'fragment'],
  [' https://app.test/cb', false, false, 'leading whitespace'],
  ['https://app.test/cb\n', false, false, 'control character'],
  ['javascript:alert(1)', false, false, 'javascript:'],
  ['javascript://app.test/cb%0Aalert(1)', false, false, 'javascript: with slashes'],
  ['data:text/html,<script>alert(1)</script>', false, false, 'data:'],
  ['file:///etc/passwd', false, false, 'file:'],
  ['https://www.example.com/login', true, true, 'www. ≡ apex (REDIR-02)'],
  ['https://www.www.example.com/login', false, false, 'only one www.'],
  ['https://api.example.com/login', false, false, 'other subdomain is not www.'],
  ['slack://auth/callback', true, true, 'native app scheme'],
  ['slack://auth/callback/x', false, false, 'native scheme, other path'],
  ['http://localhost:3000/', true, false, 'localhost in test only'],
  ['http://localhost:3000', true, false, 'empty path is /'],
  ['http://localhost:3001/', false, false, 'other localhost port'],
  ['https://pr-42.preview.test/auth', true, false, 'wildcard subdomain in test only'],
  ['https://preview.test/auth', false, false, 'wildcard never matches the apex'],
  ['https://a.b.preview.test/auth', false, false, 'wildcard is one label'],
  ['https://*.preview.test/auth', false, false, 'a literal * is not a host'],
  ['https://pr-42.preview.test/other', false, false, 'wildcard rule still matches the path exactly'],
];

describe('redirect URL matching (table, per environment)', () => {
  for (const env of ['test', 'live'] as const) {
    test.each(CASES)(`${env}: %s`, (candidate, inTest, inLive, why) => {
      const allowed = matchRedirectUrl(RULES[env], candidate, env) !== undefined;
      expect(allowed, why).toBe(env === 'test' ? inTest : inLive);
    });
  }

  test('at least 30 cases per env, both outcomes', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(30);
    expect(CASES.filter((c) => c[1]).length).toBeGreaterThan(5);
    expect(CASES.filter((c) => c[2]).length).toBeGreaterThan(5);
  });

  test('the canonical form is returned, not the raw input', () => {
    expect(matchRedirectUrl(RULES.test, 'HTTPS://APP.TEST:443/cb?org=a%20b', 'test')).toBe(
      'https://app.test/cb?org=a%20b',
    );
  });

  test('live ignores a wildcard rule stored before the live rule existed', () => {
    expect(matchRedirectUrl(['https://*.preview.test/auth'], 'https://pr-1.preview.test/auth', 'live')).toBeUndefined();
  });
});

describe('adding a redirect URL rule', () => {
  // [rule, accepted in test, accepted in live]
  const RULE_CASES: [string, boolean, boolean][] = [
    ['https://app.test/cb', true, true],
    ['https://app.test/cb?org={}', true, true],
    ['slack://auth/callback', true, true],
    ['http://localhost:3000/', true, false],
    ['http://127.0.0.1:8080/cb', true, false],
    ['http://app.test/cb', true, false],
    ['https://*.example.com/cb', true, false],
    ['https://*.com/', false, false],
    ['https://*/', false, false],
    ['https://a.*.example.com/', false, false],
    ['https://*a.example.com/', false, false],
    ['https://app.test/{}/cb', false, false],
    ['https://app.test/cb?{}=1', false, false],
    ['javascript:alert(1)', false, false],
    ['data:text/html,x', false, false],
    ['file:///etc/passwd', false, false],
    ['https://user@app.test/', false, false],
    ['//app.test/cb', false, false],
    ['https://app.test/cb#x', false, false],
    ['not a url', false, false],
    [`https://app.test/${'a'.repeat(2100)}`, false, false],
  ];
  test.each(RULE_CASES)('%s (test: %s, live: %s)', (rule, inTest, inLive) => {
    expect(checkRedirectUrlRule(rule, 'test').ok).toBe(inTest);
    expect(checkRedirectUrlRule(rule, 'live').ok).toBe(inLive);
  });

  test('defaults must be concrete', () => {
    expect(checkRedirectUrlRule('https://app.test/cb?org={}', 'test', true).ok).toBe(false);
    expect(checkRedirectUrlRule('https://*.example.com/', 'test', true).ok).toBe(false);
    expect(checkRedirectUrlRule('https://app.test/cb', 'live', true)).toEqual({ ok: true, url: 'https://app.test/cb' });
  });
});

import { describe, expect, test } from 'vitest';
import { ApiError } from './api-error.js';
import { checkDomains, checkSlug, parseJsonObject, requiredEmail, sessionDuration } from './validate.js';

const errorType = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return error instanceof ApiError ? error.errorType : 'not-an-api-error';
  }
  return 'no-error';
};

describe('validate', () => {
  test('parseJsonObject', () => {
    expect(parseJsonObject('')).toEqual({});
    expect(parseJsonObject('{"a":1}')).toEqual({ a: 1 });
    expect(errorType(() => parseJsonObject('{'))).toBe('invalid_json');
    expect(errorType(() => parseJsonObject('null'))).toBe('bad_request');
    expect(errorType(() => parseJsonObject('"s"'))).toBe('bad_request');
  });

  test('requiredEmail normalises and rejects junk', () => {
    expect(requiredEmail({ email_address: '  Ada@Example.COM ' })).toBe('ada@example.com');
    for (const bad of ['', 'a', 'a@b', 'a b@c.test', 'a@b..test', `${'a'.repeat(250)}@b.test`, 'a\n@b.test']) {
      expect(
        errorType(() => requiredEmail({ email_address: bad })),
        bad,
      ).toBe('invalid_email');
    }
    expect(errorType(() => requiredEmail({ email_address: ['a@b.test'] }))).toBe('bad_request');
  });

  test('checkSlug follows ORGANIZATION_SLUG_PATTERN', () => {
    expect(checkSlug('acme-inc.2~x_y')).toBe('acme-inc.2~x_y');
    for (const bad of ['a', 'Acme', '-acme', 'ac me', 'a'.repeat(129)])
      expect(
        errorType(() => checkSlug(bad)),
        bad,
      ).toBe('invalid_organization_slug');
  });

  test('sessionDuration bounds and default', () => {
    expect(sessionDuration({})).toBe(60);
    expect(sessionDuration({ session_duration_minutes: 5 })).toBe(5);
    expect(sessionDuration({ session_duration_minutes: 527040 })).toBe(527040);
    expect(errorType(() => sessionDuration({ session_duration_minutes: 527041 }))).toBe('invalid_session_duration');
  });

  test('checkDomains lowercases, dedupes and rejects non-hostnames', () => {
    expect(checkDomains(['Acme.test', 'acme.test'])).toEqual(['acme.test']);
    expect(errorType(() => checkDomains(['@acme.test']))).toBe('bad_request');
  });
});

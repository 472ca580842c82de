import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { API_ERROR_TYPES, API_ERRORS, UNRECOVERABLE_ERROR_TYPES, type ApiErrorType } from '@orgauth/core/protocol';
import { describe, expect, test } from 'vitest';
import { ApiError, apiError, badRequest } from './api-error.js';

const SRC = join(import.meta.dirname, '..');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

const files = sources(SRC).map((path) => ({ path: relative(SRC, path), text: readFileSync(path, 'utf8') }));

/** Every error type the server's code builds an error of. */
function emittedTypes(): Set<string> {
  const types = new Set<string>();
  for (const { text } of files) {
    for (const m of text.matchAll(/(?:apiError|new ApiError)\(\s*'([a-z0-9_]+)'/g)) types.add(m[1]!);
    if (/\bbadRequest\(/.test(text)) types.add('bad_request');
  }
  return types;
}

describe('the error catalogue (API_ERRORS in @orgauth/core/protocol)', () => {
  test("the client's API_ERROR_TYPES are exactly the catalogue's types", () => {
    expect([...API_ERROR_TYPES]).toEqual(Object.keys(API_ERRORS));
    for (const type of UNRECOVERABLE_ERROR_TYPES) expect(API_ERRORS).toHaveProperty(type);
  });

  test('every type has one status, a 4xx or a 5xx', () => {
    for (const [type, status] of Object.entries(API_ERRORS)) {
      expect(Number.isInteger(status) && status >= 400 && status <= 599, `${type}: ${status}`).toBe(true);
    }
  });

  test('every type the server emits is in the catalogue, and no status is written beside a type', () => {
    const emitted = emittedTypes();
    expect(emitted.size).toBeGreaterThan(40);
    expect([...emitted].filter((type) => !(type in API_ERRORS))).toEqual([]);
    const inline = files.filter((f) => /new ApiError\(\s*\d/.test(f.text)).map((f) => f.path);
    expect(inline).toEqual([]);
  });

  test('an error answers with its type’s status, whichever helper built it', () => {
    for (const type of API_ERROR_TYPES) {
      expect(new ApiError(type, 'm').status).toBe(API_ERRORS[type]);
      expect(apiError(type, 'm')).toMatchObject({ status: API_ERRORS[type], errorType: type, message: 'm' });
    }
    expect(badRequest('x')).toMatchObject({ status: 400, errorType: 'bad_request' });
  });

  test.each([
    ['member_not_found', 404],
    ['idp_error', 401],
    ['sso_identity_conflict', 409],
    ['bad_request', 400],
    ['origin_not_allowed', 403],
  ] as Array<[ApiErrorType, number]>)('%s is answered with %i', (type, status) => {
    expect(API_ERRORS[type]).toBe(status);
  });
});

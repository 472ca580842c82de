import { describe, expect, test } from 'vitest';
import { API_ERROR_TYPES, API_ERRORS, UNRECOVERABLE_ERROR_TYPES, isErrorEnvelope } from './errors.js';

describe('API error catalogue', () => {
  test('the types the client understands are the catalogue’s keys, each with one 4xx/5xx status', () => {
    expect([...API_ERROR_TYPES]).toEqual(Object.keys(API_ERRORS));
    expect(new Set(API_ERROR_TYPES).size).toBe(API_ERROR_TYPES.length);
    for (const type of API_ERROR_TYPES) expect(API_ERRORS[type] >= 400 && API_ERRORS[type] < 600, type).toBe(true);
    for (const type of UNRECOVERABLE_ERROR_TYPES) expect(API_ERROR_TYPES).toContain(type);
  });

  test('an envelope is recognised by its fields', () => {
    expect(isErrorEnvelope({ status_code: 404, error_type: 'member_not_found', error_message: 'gone' })).toBe(true);
    expect(isErrorEnvelope({ status_code: '404', error_type: 'member_not_found', error_message: 'gone' })).toBe(false);
    expect(isErrorEnvelope(null)).toBe(false);
  });
});

import { describe, expect, test } from 'vitest';
import { normalizePhoneNumber } from './phone.js';

describe('normalizePhoneNumber', () => {
  test('returns the E.164 form of valid numbers, whatever the punctuation', () => {
    expect(normalizePhoneNumber('+14155550100')).toBe('+14155550100');
    expect(normalizePhoneNumber(' +1 (415) 555-0100 ')).toBe('+14155550100');
    expect(normalizePhoneNumber('+49 151 23456789')).toBe('+4915123456789');
    expect(normalizePhoneNumber('+33 6 12 34 56 78')).toBe('+33612345678');
    expect(normalizePhoneNumber('+81 90-1234-5678')).toBe('+819012345678');
  });

  test('refuses numbers outside the country plans, without a country code, or not numbers at all', () => {
    for (const bad of ['+15555555555', '+1415555010', '4155550100', '555', '', '+', 'abc', `+1${'2'.repeat(40)}`])
      expect(normalizePhoneNumber(bad), bad).toBeUndefined();
  });
});

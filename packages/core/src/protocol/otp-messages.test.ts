import { describe, expect, it } from 'vitest';
import { otpAttemptsLeft, otpWrongCodeMessage } from './otp-messages.js';

describe('the wrong-code message', () => {
  it('carries the tries left, read back exactly', () => {
    for (const left of [0, 1, 2, 4]) expect(otpAttemptsLeft(otpWrongCodeMessage(left))).toBe(left);
    expect(otpWrongCodeMessage(1)).toBe('That code is wrong. 1 attempt left for this code.');
    expect(otpWrongCodeMessage(4)).toBe('That code is wrong. 4 attempts left for this code.');
  });

  it('reads nothing from other messages', () => {
    expect(otpAttemptsLeft('No code is waiting for this address.')).toBeNull();
    expect(otpAttemptsLeft('Only 3 attempts left, says someone else')).toBeNull();
  });
});

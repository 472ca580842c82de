import { describe, expect, test } from 'vitest';
import { assertStrongPassword, checkStrength } from './strength.js';

// Stytch's zxcvbn policy: valid at score ≥ 3 and not on the bundled breach list; its answer shape.
describe('password strength', () => {
  test('the first check loads the dictionaries (cold cost printed); later checks are fast', async () => {
    const cold = performance.now();
    await checkStrength('warm-up-password');
    const coldMs = performance.now() - cold;
    const warm = performance.now();
    await checkStrength('copper-lantern-meadow-93', 'ada@acme.test');
    console.log(
      `[passwords] zxcvbn-ts dictionaries: first check ${coldMs.toFixed(0)} ms, next ${(performance.now() - warm).toFixed(1)} ms`,
    );
  });

  test('a strong passphrase is valid with empty feedback, in Stytch’s shape', async () => {
    expect(await checkStrength('copper-lantern-meadow-93', 'ada@acme.test')).toEqual({
      valid_password: true,
      score: expect.any(Number),
      breached_password: false,
      breach_detection_on_create: true,
      strength_policy: 'zxcvbn',
      zxcvbn_feedback: { suggestions: [], warning: '' },
      luds_feedback: {
        has_lower_case: true,
        has_upper_case: false,
        has_digit: true,
        has_symbol: true,
        missing_complexity: 0,
        missing_characters: 0,
      },
    });
    expect((await checkStrength('copper-lantern-meadow-93')).score).toBeGreaterThanOrEqual(3);
  });

  test('common passwords are breached, whatever their case; weak ones get zxcvbn advice', async () => {
    for (const password of ['password', 'Password1', 'QWERTY123', 'iloveyou']) {
      const check = await checkStrength(password);
      expect(check, password).toMatchObject({ valid_password: false, breached_password: true });
      expect(check.zxcvbn_feedback.warning).not.toBe('');
    }
    const weak = await checkStrength('acme1234');
    expect(weak).toMatchObject({ valid_password: false, breached_password: false });
    expect(weak.score).toBeLessThan(3);
    expect(weak.zxcvbn_feedback.suggestions.length + weak.zxcvbn_feedback.warning.length).toBeGreaterThan(0);
    expect((await checkStrength('Ab1!')).luds_feedback).toMatchObject({ missing_complexity: 0, missing_characters: 4 });
  });

  test('the email counts as a guess: a password built from it scores lower', async () => {
    const plain = await checkStrength('zorblatt.quexington');
    const withEmail = await checkStrength('zorblatt.quexington', 'zorblatt.quexington@analytical.test');
    expect(plain.valid_password).toBe(true);
    expect(withEmail.score).toBeLessThan(plain.score);
    expect(withEmail.valid_password).toBe(false);
  });

  test('assertStrongPassword throws weak_password or breached_password', async () => {
    await expect(assertStrongPassword('password1', 'a@x.test')).rejects.toMatchObject({
      errorType: 'breached_password',
    });
    await expect(assertStrongPassword('acme1234', 'a@x.test')).rejects.toMatchObject({ errorType: 'weak_password' });
    await expect(assertStrongPassword('copper-lantern-meadow-93', 'a@x.test')).resolves.toBeUndefined();
  });
});

import type { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { apiError } from '../lib/api-error.js';

/** Stytch's `passwords/strength_check` answer (docs/wire-protocol.md; the `stytch` package's b2b/passwords.d.ts). */
export interface StrengthCheck {
  valid_password: boolean;
  score: number;
  breached_password: boolean;
  breach_detection_on_create: true;
  strength_policy: 'zxcvbn';
  zxcvbn_feedback: { suggestions: string[]; warning: string };
  luds_feedback: {
    has_lower_case: boolean;
    has_upper_case: boolean;
    has_digit: boolean;
    has_symbol: boolean;
    missing_complexity: number;
    missing_characters: number;
  };
}

/** Stytch's bar under its zxcvbn policy: a score of 3 or more ("safely unguessable") and not breached. */
export const MIN_SCORE = 3;
/** Longest password taken: zxcvbn's matching grows with length, and no one types more. */
export const MAX_PASSWORD_LENGTH = 256;
// LUDS is reported for information only (the policy is zxcvbn), against Stytch's LUDS defaults.
const LUDS_COMPLEXITY = 3;
const LUDS_MIN_LENGTH = 8;

interface Checker {
  zxcvbn: ZxcvbnFactory;
  /** The breach list: zxcvbn-ts' `passwords-common`, ~49k passwords ranked by how often breach dumps hold them. */
  breached: ReadonlySet<string>;
  pwnedWarning: string;
}

let checker: Promise<Checker> | undefined;

/**
 * Loads zxcvbn-ts and its dictionaries on the first check (about a second of parsing on a cold
 * process, printed by passwords/strength.test.ts), so a server start never pays for them. The breach
 * list is bundled, never fetched: the `passwords-common` dictionary of `@zxcvbn-ts/language-common`
 * (the most common passwords of public breach corpora), matched case-insensitively.
 */
function loadChecker(): Promise<Checker> {
  checker ??= (async () => {
    const [{ ZxcvbnFactory }, common, english] = await Promise.all([
      import('@zxcvbn-ts/core'),
      import('@zxcvbn-ts/language-common'),
      import('@zxcvbn-ts/language-en'),
    ]);
    const zxcvbn = new ZxcvbnFactory({
      translations: english.translations,
      graphs: common.adjacencyGraphs,
      dictionary: { ...common.dictionary, ...english.dictionary },
      maxLength: MAX_PASSWORD_LENGTH,
    });
    return {
      zxcvbn,
      breached: new Set(common.dictionary['passwords-common'].map((p) => String(p).toLowerCase())),
      pwnedWarning: english.translations.warnings.pwned,
    };
  })();
  return checker;
}

/** The email's parts a password must not lean on (zxcvbn's user inputs). */
function userInputs(email: string | undefined): string[] {
  if (email === undefined || email === '') return [];
  const [local = '', domain = ''] = email.toLowerCase().split('@');
  return [email.toLowerCase(), local, ...local.split(/[._+-]/), ...domain.split('.')].filter((s) => s.length >= 3);
}

function luds(password: string): StrengthCheck['luds_feedback'] {
  const has_lower_case = /\p{Ll}/u.test(password);
  const has_upper_case = /\p{Lu}/u.test(password);
  const has_digit = /\p{N}/u.test(password);
  const has_symbol = /[^\p{L}\p{N}]/u.test(password);
  const classes = [has_lower_case, has_upper_case, has_digit, has_symbol].filter(Boolean).length;
  return {
    has_lower_case,
    has_upper_case,
    has_digit,
    has_symbol,
    missing_complexity: Math.max(0, LUDS_COMPLEXITY - classes),
    missing_characters: Math.max(0, LUDS_MIN_LENGTH - [...password].length),
  };
}

/**
 * Judges `password` as Stytch's zxcvbn policy does: valid when the score is at least {@link MIN_SCORE}
 * and the password is not on the bundled breach list. `email` (the member's) counts as a guess.
 * Feedback is empty for a valid password, as Stytch answers.
 */
export async function checkStrength(password: string, email?: string): Promise<StrengthCheck> {
  const { zxcvbn, breached, pwnedWarning } = await loadChecker();
  const result = zxcvbn.check(password.slice(0, MAX_PASSWORD_LENGTH), userInputs(email));
  const isBreached = breached.has(password.toLowerCase());
  const valid = result.score >= MIN_SCORE && !isBreached;
  return {
    valid_password: valid,
    score: result.score,
    breached_password: isBreached,
    breach_detection_on_create: true,
    strength_policy: 'zxcvbn',
    zxcvbn_feedback: valid
      ? { suggestions: [], warning: '' }
      : {
          suggestions: result.feedback.suggestions,
          warning: isBreached ? pwnedWarning : (result.feedback.warning ?? ''),
        },
    luds_feedback: luds(password),
  };
}

/**
 * Refuses a new password Stytch would refuse: 400 `breached_password` when it is on the breach list,
 * else 400 `weak_password` below {@link MIN_SCORE}; the message carries zxcvbn's advice.
 * @throws ApiError 400 `breached_password` | `weak_password`
 */
export async function assertStrongPassword(password: string, email: string): Promise<void> {
  const check = await checkStrength(password, email);
  if (check.valid_password) return;
  const advice = [check.zxcvbn_feedback.warning, ...check.zxcvbn_feedback.suggestions].filter(Boolean).join(' ');
  if (check.breached_password)
    throw apiError(
      'breached_password',
      `This password has appeared in a data breach; choose another. ${advice}`.trim(),
    );
  throw apiError('weak_password', `This password is too easy to guess. ${advice}`.trim());
}

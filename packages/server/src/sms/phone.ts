import { lazyRequire } from '../lib/lazy.js';

/**
 * libphonenumber-js with its full metadata, loaded at the first number checked (lib/lazy.ts): about
 * 150 kB of number plans whose load costs a cold start some 200 ms otherwise, paid by every server
 * whether or not anyone enrols a phone.
 */
const loadPhoneLib = lazyRequire<typeof import('libphonenumber-js/max')>('libphonenumber-js/max');

/**
 * The E.164 form of `input` (`+14155550100`), or `undefined` when it is not a valid number.
 *
 * Validity comes from libphonenumber-js with its full ("max") metadata: the number plan of each
 * country, not just a digit count, so `+15555555555` is refused while a real mobile or landline
 * number passes. The input must carry its country code (`+…`): the server has no region to guess
 * from, and a number read in the wrong region would send a code to a stranger. Spaces, dashes and
 * brackets a person types are accepted; what is stored and compared is always the E.164 string.
 */
export function normalizePhoneNumber(input: string): string | undefined {
  const trimmed = input.trim();
  if (!trimmed.startsWith('+') || trimmed.length > 32) return undefined;
  const parsed = loadPhoneLib().parsePhoneNumberFromString(trimmed);
  return parsed?.isValid() ? parsed.number : undefined;
}

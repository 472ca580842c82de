import { ORGANIZATION_SLUG_PATTERN } from './protocol/constants.js';

/** The slug the server derives from a name when none is given (@orgauth/core/protocol). */
export { suggestSlug } from './protocol/slug.js';

/** Message keys {@link validateSlug} returns; the UI's message table translates them. */
export const SLUG_ERRORS = ['slug_required', 'slug_too_short', 'slug_too_long', 'slug_invalid'] as const;
/** One of {@link SLUG_ERRORS}. */
export type SlugError = (typeof SLUG_ERRORS)[number];

const SLUG_RE = new RegExp(ORGANIZATION_SLUG_PATTERN);
const MAX_LENGTH = 128;

/** Checks a slug against {@link ORGANIZATION_SLUG_PATTERN}; returns a message key or null when valid. */
export function validateSlug(slug: string): SlugError | null {
  if (slug.length === 0) return 'slug_required';
  if (slug.length < 2) return 'slug_too_short';
  if (slug.length > MAX_LENGTH) return 'slug_too_long';
  return SLUG_RE.test(slug) ? null : 'slug_invalid';
}

import { ORGANIZATION_SLUG_PATTERN } from './protocol/constants.js';

/** Message keys {@link validateSlug} returns; the UI's message table translates them. */
export const SLUG_ERRORS = ['slug_required', 'slug_too_short', 'slug_too_long', 'slug_invalid'] as const;
/** One of {@link SLUG_ERRORS}. */
export type SlugError = (typeof SLUG_ERRORS)[number];

const SLUG_RE = new RegExp(ORGANIZATION_SLUG_PATTERN);
const MAX_LENGTH = 128;

/**
 * Suggests a slug for an organization name: lowercase ASCII, accents dropped, other runs → `-`.
 * @example suggestSlug('Acme Inc.') // 'acme-inc'
 */
export function suggestSlug(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, MAX_LENGTH)
    .replace(/^-+|-+$/g, '');
}

/** Checks a slug against {@link ORGANIZATION_SLUG_PATTERN}; returns a message key or null when valid. */
export function validateSlug(slug: string): SlugError | null {
  if (slug.length === 0) return 'slug_required';
  if (slug.length < 2) return 'slug_too_short';
  if (slug.length > MAX_LENGTH) return 'slug_too_long';
  return SLUG_RE.test(slug) ? null : 'slug_invalid';
}

/** Longest organization slug the server accepts. */
const MAX_SLUG_LENGTH = 128;

/**
 * Suggests an organization slug for a name: accents dropped (NFKD, then combining marks removed),
 * lowercase ASCII letters and digits, every other run → `-`, at most 128 characters, no leading or
 * trailing `-`. The server derives a missing slug with it, and the login UI proposes one, so both
 * give the same answer.
 * @example suggestSlug('Café Zoë, Inc.') // 'cafe-zoe-inc'
 */
export function suggestSlug(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, MAX_SLUG_LENGTH)
    .replace(/^-+|-+$/g, '');
}

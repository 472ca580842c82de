import { apiError } from './api-error.js';

/** Default and maximum page sizes of every list and search (Stytch's: 100 and 1000). */
export const PAGE_LIMIT = { default: 100, max: 1000 } as const;

/** A position in a `(created_at, id)`-ordered listing: the last row of the previous page. */
export interface PageKey {
  createdAt: number;
  id: string;
}

/**
 * The page size of a JSON body (a JSON number) or, with `fromQuery`, of a query string (digits).
 * Absent → default.
 * @throws ApiError 400 `invalid_limit` for anything but an integer 1..1000.
 */
export function readLimit(value: unknown, fromQuery = false): number {
  if (value === undefined || value === null || (fromQuery && value === '')) return PAGE_LIMIT.default;
  const n = fromQuery && typeof value === 'string' && /^\d{1,7}$/.test(value) ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > PAGE_LIMIT.max) {
    throw apiError('invalid_limit', `limit must be an integer between 1 and ${PAGE_LIMIT.max}.`);
  }
  return n;
}

/**
 * An opaque cursor: base64url of `[listing, created_at, id]`. The listing tag keeps a members cursor
 * from being replayed against the organizations search (it would be a valid position, but a
 * meaningless one).
 */
export function encodeCursor(listing: string, key: PageKey): string {
  return Buffer.from(JSON.stringify([listing, key.createdAt, key.id]), 'utf8').toString('base64url');
}

/**
 * Decodes a cursor of `listing`; absent or empty → start of the listing.
 * @throws ApiError 400 `invalid_cursor` for anything we did not issue for this listing.
 */
export function decodeCursor(listing: string, cursor: unknown): PageKey | undefined {
  if (cursor === undefined || cursor === null || cursor === '') return undefined;
  const invalid = apiError('invalid_cursor', 'cursor is not a cursor returned by this listing.');
  if (typeof cursor !== 'string' || cursor.length > 1024 || !/^[A-Za-z0-9_-]+$/.test(cursor)) throw invalid;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid;
  }
  if (!Array.isArray(parsed) || parsed.length !== 3) throw invalid;
  const [tag, createdAt, id] = parsed as unknown[];
  if (
    tag !== listing ||
    typeof createdAt !== 'number' ||
    !Number.isSafeInteger(createdAt) ||
    typeof id !== 'string' ||
    id.length > 256
  )
    throw invalid;
  return { createdAt, id };
}

/**
 * Splits `limit + 1` fetched rows into the page and the next cursor (`null` on the last page).
 */
export function pageOf<T extends { created_at: number; id: string }>(
  listing: string,
  rows: T[],
  limit: number,
): { page: T[]; nextCursor: string | null } {
  if (rows.length <= limit) return { page: rows, nextCursor: null };
  const page = rows.slice(0, limit);
  const last = page[page.length - 1] as T;
  return { page, nextCursor: encodeCursor(listing, { createdAt: last.created_at, id: last.id }) };
}

/** Escapes `%`, `_` and `\` for a `LIKE … ESCAPE '\'` pattern. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (ch) => `\\${ch}`);
}

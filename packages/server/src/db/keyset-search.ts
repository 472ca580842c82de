import { sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool } from 'kysely';
import { decodeCursor, escapeLike, pageOf, type PageKey } from '../lib/pagination.js';
import { parseSearchQuery, type FilterKinds, type SearchOperand } from '../lib/search-query.js';
import type { Database, Db } from './schema.js';

/** Tables searched page by page, in `(created_at, id)` order. */
export type SearchedTable = 'organizations' | 'members';

/** What one search is: its table, its filters, the rows a caller may see, and each filter's SQL. */
export interface KeysetSearch<T extends SearchedTable> {
  /** The table, also the cursor's listing tag (a cursor of one search is refused by another). */
  table: T;
  /** The filters Stytch's `query.operands` may name, and whether each takes a list or a fuzzy string. */
  filters: FilterKinds;
  /** The caller's rows only (its project, its organizations): every match is inside this. */
  scope: (eb: ExpressionBuilder<Database, T>) => Expression<SqlBool>;
  /** One validated operand as a condition. @throws ApiError 400 `invalid_search_query` */
  operand: (eb: ExpressionBuilder<Database, T>, operand: SearchOperand) => Expression<SqlBool>;
}

/** One page of rows with the total number of matches and the cursor of the next page. */
export interface KeysetPage<Row> {
  rows: Row[];
  total: number;
  nextCursor: string | null;
}

/** `lower(column) LIKE '%text%'`, with LIKE metacharacters in `text` taken literally, on both engines. */
export function containsIgnoringCase(column: string, text: string): Expression<SqlBool> {
  return sql<SqlBool>`lower(${sql.ref(column)}) like ${`%${escapeLike(text.toLowerCase())}%`} escape '\\'`;
}

/** `(created_at, id) > (key)`, the keyset condition after a cursor. */
function afterKey(table: SearchedTable, key: PageKey): Expression<SqlBool> {
  const created = sql.ref(`${table}.created_at`);
  const id = sql.ref(`${table}.id`);
  return sql<SqlBool>`(${created} > ${key.createdAt} or (${created} = ${key.createdAt} and ${id} > ${key.id}))`;
}

/**
 * Runs a Stytch-style search (`query` of AND/OR operands, `limit`, opaque `cursor`): counts every
 * match, then reads one page after the cursor in `(created_at, id)` order, so pages neither repeat
 * nor skip rows while others are added.
 * @throws ApiError 400 `invalid_search_query` / `invalid_cursor`.
 */
export async function keysetSearch<T extends SearchedTable>(
  db: Db,
  search: KeysetSearch<T>,
  rawQuery: unknown,
  limit: number,
  cursor: unknown,
): Promise<KeysetPage<Database[T]>> {
  const query = parseSearchQuery(rawQuery, search.filters);
  const after = decodeCursor(search.table, cursor);
  // Kysely cannot check column names against a table chosen by a type parameter; the callbacks are
  // typed for their table, so only this plumbing goes through the untyped builder.
  const table = search.table as 'organizations';
  const builder = db as unknown as Kysely<Database>;
  const asT = (eb: ExpressionBuilder<Database, 'organizations'>) => eb as unknown as ExpressionBuilder<Database, T>;
  const matching = builder
    .selectFrom(table)
    .where((eb) => search.scope(asT(eb)))
    .where((eb) => {
      const parts = query.operands.map((operand) => search.operand(asT(eb), operand));
      if (parts.length === 0) return sql<SqlBool>`1 = 1`; // better-sqlite3 cannot bind a boolean
      return query.operator === 'AND' ? eb.and(parts) : eb.or(parts);
    });
  const { n } = await matching.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await matching
    .selectAll(table)
    .$if(after !== undefined, (q) => q.where(afterKey(search.table, after as PageKey)))
    .orderBy(`${table}.created_at`)
    .orderBy(`${table}.id`)
    .limit(limit + 1)
    .execute();
  const { page, nextCursor } = pageOf(search.table, rows, limit);
  return { rows: page as unknown as Database[T][], total: Number(n), nextCursor };
}

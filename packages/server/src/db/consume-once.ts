import type { Expression, ExpressionBuilder, Kysely, SqlBool } from 'kysely';
import type { Database, Db } from './schema.js';

/**
 * Rows spent once, by the column that marks them spent and whether they also expire: one-time
 * tokens, intermediate sessions, SSO requests and password-reset links are used; a session exchanged for another is revoked
 * (its liveness was checked when it was loaded).
 */
const SPENT = {
  one_time_tokens: { column: 'used_at', expires: true },
  intermediate_sessions: { column: 'used_at', expires: true },
  sso_requests: { column: 'used_at', expires: true },
  oauth_requests: { column: 'used_at', expires: true },
  oauth_tokens: { column: 'used_at', expires: true },
  password_resets: { column: 'used_at', expires: true },
  sessions: { column: 'revoked_at', expires: false },
} as const;

/** Tables {@link consumeOnce} spends rows of. */
export type ConsumableTable = keyof typeof SPENT;

/**
 * Spends the row `where` picks, exactly once: one conditional UPDATE sets its spent column to `now`
 * only while that column is still null (and, for rows that expire, while `expires_at > now`), so of
 * any number of concurrent callers at most one gets `true`. The UPDATE is the whole check: reading
 * the row first and writing after would let two callers both pass. Run it inside the transaction
 * that acts on the row, so a failure later in that transaction gives the row back.
 */
export async function consumeOnce<T extends ConsumableTable>(
  db: Db,
  table: T,
  now: number,
  where: (eb: ExpressionBuilder<Database, T>) => Expression<SqlBool>,
): Promise<boolean> {
  const { column, expires } = SPENT[table];
  // Kysely cannot check column names against a table chosen by a type parameter; `where` is typed
  // for its table, so only this plumbing goes through the untyped builder.
  const builder = db as unknown as Kysely<Record<string, Record<string, unknown>>>;
  const result = await builder
    .updateTable(table as string)
    .set({ [column]: now })
    .where(column, 'is', null)
    .$if(expires, (q) => q.where('expires_at', '>', now))
    .where((eb) => where(eb as unknown as ExpressionBuilder<Database, T>))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

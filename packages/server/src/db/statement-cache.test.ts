import SqliteDatabase from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { describe, expect, test } from 'vitest';
import { withStatementCache } from './statement-cache.js';

describe('withStatementCache', () => {
  test('reuses a statement per SQL text, evicts the least recently used beyond capacity', () => {
    const file = new SqliteDatabase(':memory:');
    const cached = withStatementCache(file, 2);
    const a = cached.prepare('select 1');
    expect(cached.prepare('select 1')).toBe(a);
    const b = cached.prepare('select 2');
    cached.prepare('select 1'); // touch: `select 2` is now the oldest
    cached.prepare('select 3');
    expect(cached.prepare('select 1')).toBe(a);
    expect(cached.prepare('select 2')).not.toBe(b);
    file.close();
  });

  test('through Kysely: results stay right across repeated queries and a schema change', async () => {
    const db = new Kysely<{ t: { id: number; name: string } }>({
      dialect: new SqliteDialect({ database: withStatementCache(new SqliteDatabase(':memory:')) }),
    });
    await db.schema.createTable('t').addColumn('id', 'integer').addColumn('name', 'text').execute();
    for (let id = 0; id < 5; id += 1)
      await db
        .insertInto('t')
        .values({ id, name: `n${id}` })
        .execute();
    const read = () => db.selectFrom('t').selectAll().where('id', '=', 3).execute();
    expect(await read()).toEqual([{ id: 3, name: 'n3' }]);
    await sql`alter table t add column extra text default 'x'`.execute(db);
    // `select *` prepared before the change sees the new column: SQLite re-prepares it.
    expect(await read()).toEqual([{ id: 3, name: 'n3', extra: 'x' }]);
    await db.destroy();
  });
});

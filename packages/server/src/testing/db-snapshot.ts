import { sql } from 'kysely';
import type { Db } from '../db/schema.js';

// Kysely's bookkeeping, and the event log, which records refused requests on purpose (docs/security.md LOG-01).
const IGNORED = /^kysely_|event/;

/** Every data table of the database and its columns (engine-neutral, through Kysely introspection). */
export async function dataTables(db: Db): Promise<{ name: string; columns: string[] }[]> {
  // Only the connection's own schema: on a PostgreSQL shared by parallel test files, introspecting every
  // schema races with other files dropping theirs ("schema … does not exist").
  const own = await currentSchema(db);
  if (own === null) {
    const tables = await db.introspection.getTables();
    return tables
      .filter((t) => !t.isView && !IGNORED.test(t.name))
      .map((t) => ({ name: t.name, columns: t.columns.map((c) => c.name) }));
  }
  // pg_catalog rather than information_schema: the same rows, ~5x faster (its views check privileges
  // on every schema of the database); the fuzz suites take a snapshot per request.
  const rows = await sql<{ table_name: string; column_name: string }>`
    select c.relname as table_name, a.attname as column_name from pg_class c
    join pg_namespace n on n.oid = c.relnamespace
    join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
    where n.nspname = ${own} and c.relkind in ('r', 'p') order by c.relname, a.attnum`.execute(db);
  const byTable = new Map<string, string[]>();
  for (const r of rows.rows)
    if (!IGNORED.test(r.table_name)) byTable.set(r.table_name, [...(byTable.get(r.table_name) ?? []), r.column_name]);
  return [...byTable].map(([name, columns]) => ({ name, columns }));
}

/** The PostgreSQL schema of this connection, or null on SQLite. */
async function currentSchema(db: Db): Promise<string | null> {
  try {
    return (await sql<{ s: string }>`select current_schema() as s`.execute(db)).rows[0]?.s ?? null;
  } catch {
    return null; // SQLite has no schemas.
  }
}

/**
 * All rows of every data table, sorted, as one comparable value: equal snapshots before and after a
 * refused request prove it wrote nothing.
 */
export async function snapshot(db: Db): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const { name } of await dataTables(db)) {
    const rows = await sql<Record<string, unknown>>`select * from ${sql.table(name)}`.execute(db);
    out[name] = rows.rows.map((r) => JSON.stringify(r)).sort();
  }
  return out;
}

/** Rows per table that still mention `organizationId` in an `organization_id` column. */
export async function rowsOfOrganization(db: Db, organizationId: string): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const { name, columns } of await dataTables(db)) {
    const column =
      name === 'organizations' ? 'id' : columns.includes('organization_id') ? 'organization_id' : undefined;
    if (column === undefined) continue;
    const result = await sql<{
      n: number | string;
    }>`select count(*) as n from ${sql.table(name)} where ${sql.ref(column)} = ${organizationId}`.execute(db);
    out[name] = Number(result.rows[0]?.n ?? 0);
  }
  return out;
}

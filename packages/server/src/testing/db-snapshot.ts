import { sql } from 'kysely';
import type { Db } from '../db/schema.js';

// Kysely's bookkeeping, and the event log, which records refused requests on purpose (issue 3 §8).
const IGNORED = /^kysely_|event/;

/** Every data table of the database and its columns (engine-neutral, through Kysely introspection). */
export async function dataTables(db: Db): Promise<{ name: string; columns: string[] }[]> {
  const tables = await db.introspection.getTables();
  return tables.filter((t) => !t.isView && !IGNORED.test(t.name)).map((t) => ({ name: t.name, columns: t.columns.map((c) => c.name) }));
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
    const column = name === 'organizations' ? 'id' : columns.includes('organization_id') ? 'organization_id' : undefined;
    if (column === undefined) continue;
    const result = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(name)} where ${sql.ref(column)} = ${organizationId}`.execute(db);
    out[name] = Number(result.rows[0]?.n ?? 0);
  }
  return out;
}

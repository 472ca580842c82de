import type { TestProject } from 'vitest/node';
import { rmSync } from 'node:fs';
import { createPool, dropPool, POOL_RUN_ID } from './schema-pool.js';
import { makeSqliteTemplate, SQLITE_TEMPLATE } from './sqlite-template.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The run id of testing/schema-pool.ts; absent on SQLite. */
    orgauthSchemaPoolRunId?: string;
    /** The migrated SQLite file of testing/sqlite-template.ts. */
    orgauthSqliteTemplate?: string;
  }
}

/**
 * Vitest global setup of the server project: on PostgreSQL (`ORGAUTH_TEST_DATABASE_URL`), opens the
 * run's schema pool (testing/schema-pool.ts) and drops all its schemas when the run ends; on SQLite,
 * migrates the run's template file (testing/sqlite-template.ts), removed at the end.
 * With `ORGAUTH_TEST_FRESH_DATABASES=1` (testing/test-server.ts) there is no pool.
 */
export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  if (process.env.ORGAUTH_TEST_FRESH_DATABASES === '1') return undefined;
  const baseUrl = process.env.ORGAUTH_TEST_DATABASE_URL;
  if (baseUrl === undefined || baseUrl === '') {
    const { file, dir } = await makeSqliteTemplate();
    project.provide(SQLITE_TEMPLATE, file);
    return async () => rmSync(dir, { recursive: true, force: true });
  }
  const runId = await createPool(baseUrl);
  project.provide(POOL_RUN_ID, runId);
  return () => dropPool(baseUrl, runId);
}

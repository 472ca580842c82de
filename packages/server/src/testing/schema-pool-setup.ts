import type { TestProject } from 'vitest/node';
import { createPool, dropPool, POOL_RUN_ID } from './schema-pool.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The run id of testing/schema-pool.ts; absent on SQLite. */
    orgauthSchemaPoolRunId?: string;
  }
}

/**
 * Vitest global setup of the server project: on PostgreSQL (`ORGAUTH_TEST_DATABASE_URL`), opens the
 * run's schema pool (testing/schema-pool.ts) and drops all its schemas when the run ends.
 * With `ORGAUTH_TEST_FRESH_DATABASES=1` (testing/test-server.ts) there is no pool.
 */
export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  const baseUrl = process.env.ORGAUTH_TEST_DATABASE_URL;
  if (baseUrl === undefined || baseUrl === '' || process.env.ORGAUTH_TEST_FRESH_DATABASES === '1') return undefined;
  const runId = await createPool(baseUrl);
  project.provide(POOL_RUN_ID, runId);
  return () => dropPool(baseUrl, runId);
}

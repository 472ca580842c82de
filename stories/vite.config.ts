import { defineConfig } from 'vitest/config';

const conditions = ['@orgauth/source', 'module', 'browser', 'development|production'];

/**
 * The `stories` Vitest project: renders every story of `*.stories.ts` in happy-dom and checks that
 * every login step has one. Workspace packages resolve to their sources (`@orgauth/source`).
 */
export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: conditions } },
  test: {
    name: 'stories',
    environment: 'happy-dom',
    include: ['*.test.ts'],
  },
});

import { defineConfig } from 'vitest/config';

/**
 * Root Vitest config: one project per package, each resolving workspace packages to their sources
 * through the `@orgauth/source` export condition (no build needed to test).
 */
export default defineConfig({
  test: {
    projects: [
      'packages/core/vite.config.ts',
      'packages/server/vite.config.ts',
      'packages/elements/vite.config.ts',
      'packages/react/vite.config.ts',
      'stories/vite.config.ts',
      // Repository-wide checks of docs/ (references from code comments into the documents).
      { test: { name: 'docs', root: import.meta.dirname, environment: 'node', include: ['docs/**/*.test.ts'] } },
    ],
  },
});

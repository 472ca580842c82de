import { defineConfig } from 'vitest/config';

const conditions = ['@orgauth/source', 'module', 'node', 'development|production'];

/**
 * `@orgauth/core`: library build (ES, deps external) with four entries, and the `core` Vitest project.
 * Tests resolve workspace packages to their sources through the `@orgauth/source` condition.
 */
export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: conditions } },
  build: {
    lib: {
      entry: {
        index: 'src/index.ts',
        protocol: 'src/protocol/index.ts',
        factors: 'src/factors.ts',
        testing: 'src/testing/index.ts',
      },
      formats: ['es'],
    },
    outDir: 'dist',
    emptyOutDir: true, // declarations are emitted after this build (see the `build` script)
    rollupOptions: { external: [/^zustand/, /^js-cookie/], output: { chunkFileNames: 'chunks/[name]-[hash].js' } },
  },
  test: {
    name: 'core',
    root: import.meta.dirname,
    environment: 'node',
    include: ['src/**/*.test.ts'],
  },
});

import { defineConfig } from 'vitest/config';

const conditions = ['@orgauth/source', 'module', 'node', 'development|production'];

/**
 * Server build and test config. The build bundles `@orgauth/core/protocol` from source (resolved through
 * the `@orgauth/source` condition) and keeps every npm dependency external, so `dist/` runs on Node 20
 * with the package's own `dependencies` installed.
 */
export default defineConfig({
  resolve: { conditions },
  ssr: {
    noExternal: [/^@orgauth\//],
    resolve: { conditions, externalConditions: conditions },
  },
  build: {
    ssr: true,
    target: 'node20',
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    rollupOptions: {
      input: { index: 'src/index.ts', cli: 'src/cli.ts' },
      // The shebang of src/cli.ts is kept by the bundler, so no banner is added.
      output: {
        format: 'es',
        entryFileNames: '[name].js',
        chunkFileNames: 'chunks/[name]-[hash].js',
      },
    },
  },
  test: {
    name: 'server',
    environment: 'node',
    include: ['src/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});

import { defineConfig } from 'vitest/config';

const conditions = ['@orgauth/source', 'module', 'browser', 'development|production'];

/** Bare imports that stay imports in the library build: peers, runtime deps and sibling packages. */
const EXTERNAL = /^(react|react-dom|zustand|lit|@lit\/react|@orgauth\/[^/]+)(\/.*)?$/;

/**
 * `@orgauth/react`: library build of the two entry points (`index`, `components`) and the `react`
 * Vitest project. Workspace packages resolve to their sources through the `@orgauth/source` condition.
 */
export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: conditions } },
  build: {
    outDir: 'dist',
    emptyOutDir: false, // dist/types comes from tsc -b; keep it
    sourcemap: true,
    lib: {
      entry: { index: 'src/index.ts', components: 'src/components.ts' },
      formats: ['es'],
      fileName: (_format, name) => `${name}.js`,
    },
    rolldownOptions: { external: (id) => EXTERNAL.test(id) },
  },
  test: {
    name: 'react',
    environment: 'happy-dom',
    include: ['src/**/*.test.{ts,tsx}'],
  },
});

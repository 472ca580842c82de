import { defineConfig } from 'vitest/config';

const conditions = ['@orgauth/source', 'module', 'browser', 'development|production'];

/** Bare imports that stay imports in the ES library build: runtime deps and sibling packages. */
const EXTERNAL = /^(lit|lit-html|lit-element|@lit\/reactive-element|@lit\/context|@orgauth\/[^/]+)(\/.*)?$/;

/**
 * `@orgauth/elements`.
 * - `vite build`: ES library build of `index` and `define` (`dist/index.js`, `dist/define.js`), with
 *   lit, @lit/context and @orgauth/core left as imports.
 * - `vite build --mode global`: the script-tag bundle `dist/orgauth.global.js`, an IIFE with every
 *   dependency inlined and minified; it must not wipe the ES build, hence `emptyOutDir: false`.
 * - `vitest --project elements`: component tests in happy-dom, workspace packages from source.
 */
export default defineConfig(({ mode }) => ({
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: conditions } },
  build:
    mode === 'global'
      ? {
          outDir: 'dist',
          emptyOutDir: false,
          minify: true,
          sourcemap: true,
          lib: {
            entry: 'src/global.ts',
            formats: ['iife'],
            name: 'OrgAuthBundle',
            fileName: () => 'orgauth.global.js',
          },
        }
      : {
          outDir: 'dist',
          emptyOutDir: true, // runs first; the global bundle and the declarations follow (see the `build` script)
          sourcemap: true,
          lib: {
            entry: { index: 'src/index.ts', define: 'src/define.ts' },
            formats: ['es'],
            fileName: (_format: string, name: string) => `${name}.js`,
          },
          rolldownOptions: {
            external: (id: string) => EXTERNAL.test(id),
            output: { chunkFileNames: 'chunks/[name]-[hash].js' },
          },
        },
  define: mode === 'global' ? { 'process.env.NODE_ENV': JSON.stringify('production') } : {},
  test: {
    name: 'elements',
    environment: 'happy-dom',
    include: ['src/**/*.test.ts'],
  },
}));

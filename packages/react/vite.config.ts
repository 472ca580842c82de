import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

const conditions = ['@orgauth/source', 'module', 'browser', 'development|production'];

/** Bare imports that stay imports in the library build: peers, runtime deps and sibling packages. */
const EXTERNAL = /^(react|react-dom|lit|@lit\/react|@orgauth\/[^/]+)(\/.*)?$/;

const USE_CLIENT = /^(\s*)(['"])use client\2;?/;

/**
 * Carries React's `'use client'` from a source entry to the top of its built chunk, so React Server
 * Components frameworks (Next.js App Router) treat `dist/index.js`, `dist/components.js` and
 * `dist/account.js` as client modules. The bundler keeps an entry module's directive only by accident (it warns that it "may not
 * be preserved"); here it is blanked in the source (same length: positions and source maps hold) and
 * written back as the chunk's banner, which the bundler accounts for in the map.
 */
function preserveUseClient(): Plugin {
  const clientModules = new Set<string>();
  return {
    name: 'orgauth-use-client-directive',
    apply: 'build',
    transform(code, id) {
      const match = USE_CLIENT.exec(code);
      if (!match) return null;
      clientModules.add(id);
      const [directive, indent = ''] = match;
      return { code: indent + ' '.repeat(directive.length - indent.length) + code.slice(directive.length), map: null };
    },
    banner(chunk) {
      return chunk.facadeModuleId !== null && clientModules.has(chunk.facadeModuleId) ? "'use client';" : '';
    },
  };
}

/**
 * `@orgauth/react`: library build of the three entry points (`index`, `components`, `account`) and the `react`
 * Vitest project. Workspace packages resolve to their sources through the `@orgauth/source` condition.
 */
export default defineConfig({
  plugins: [preserveUseClient()],
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: conditions } },
  build: {
    outDir: 'dist',
    emptyOutDir: true, // declarations are emitted after this build (see the `build` script)
    sourcemap: true,
    lib: {
      entry: { index: 'src/index.ts', components: 'src/components.ts', account: 'src/account.ts' },
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

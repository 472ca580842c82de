import { copyFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

const conditions = ['@orgauth/source', 'module', 'node', 'development|production'];

/**
 * Copies `@orgauth/elements`' script-tag bundles and their source maps into the output folder, where
 * the server serves them at `/orgauth.global.js` and `/orgauth-account.global.js`
 * (src/http/script-bundle.ts): a published server carries the bundles it was built with. The root `npm run build` builds elements first; without that build
 * the copy is skipped with a warning and the server answers 404 there.
 */
function copyScriptBundle(): Plugin {
  // The names of SCRIPT_BUNDLE_FILES in src/http/script-bundle.ts (not imported: it loads Hono).
  const BUNDLES = [
    'orgauth.global.js',
    'orgauth.global.js.map',
    'orgauth-account.global.js',
    'orgauth-account.global.js.map',
  ];
  const from = fileURLToPath(new URL('../elements/dist/', import.meta.url));
  return {
    name: 'orgauth-copy-script-bundle',
    apply: 'build',
    writeBundle(options) {
      for (const name of BUNDLES) {
        if (!existsSync(join(from, name))) {
          this.warn(
            `${name} not found in ${from}: build @orgauth/elements first, or the server answers 404 at /${name}.`,
          );
          continue;
        }
        copyFileSync(join(from, name), join(options.dir ?? 'dist', name));
      }
    },
  };
}

/**
 * Server build and test config. The build bundles `@orgauth/core/protocol` from source (resolved through
 * the `@orgauth/source` condition) and the few libraries named in `ssr.noExternal`, and keeps every
 * other npm dependency external, so `dist/` runs on Node 20 with the package's own `dependencies`
 * installed.
 */
export default defineConfig({
  plugins: [copyScriptBundle()],
  resolve: { conditions },
  ssr: {
    // Also bundled: the libraries every start loads, made of many small ES modules. Loading them file by
    // file was about a third of a cold start; one bundled chunk loads in a fraction of that
    // (docs/performance.md). They stay in `dependencies` for their types.
    noExternal: [/^@orgauth\//, 'kysely', 'hono', '@hono/node-server', 'jose'],
    resolve: { conditions, externalConditions: conditions },
  },
  build: {
    ssr: true,
    target: 'node20',
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    rollupOptions: {
      input: { index: 'src/index.ts', cli: 'src/cli/main.ts' },
      // The shebang of src/cli/main.ts is kept by the bundler, so no banner is added.
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

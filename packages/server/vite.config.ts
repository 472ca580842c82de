import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { bundleFileOf, SCRIPT_BUNDLE_FILES } from './src/http/bundle-files.js';

const conditions = ['@orgauth/source', 'module', 'node', 'development|production'];

/**
 * Copies `@orgauth/elements`' script-tag bundles, its locale packs and their source maps into the
 * output folder, where the server serves them at `/orgauth.global.js`, `/orgauth-account.global.js`
 * and `/orgauth-locales/<tag>.js`
 * (src/http/script-bundle.ts): a published server carries the bundles it was built with. The root `npm run build` builds elements first; without that build
 * the copy is skipped with a warning and the server answers 404 there.
 */
function copyScriptBundle(): Plugin {
  const from = fileURLToPath(new URL('../elements/dist/', import.meta.url));
  return {
    name: 'orgauth-copy-script-bundle',
    apply: 'build',
    writeBundle(options) {
      for (const path of Object.keys(SCRIPT_BUNDLE_FILES)) {
        const file = bundleFileOf(path);
        if (!existsSync(join(from, file))) {
          this.warn(
            `${file} not found in ${from}: build @orgauth/elements first, or the server answers 404 at /${path}.`,
          );
          continue;
        }
        const to = join(options.dir ?? 'dist', file);
        mkdirSync(dirname(to), { recursive: true });
        copyFileSync(join(from, file), to);
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
    // On PostgreSQL: the run's pool of migrated schemas that test servers reuse (testing/schema-pool.ts).
    globalSetup: ['src/testing/schema-pool-setup.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});

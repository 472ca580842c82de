import { copyFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const globalBundle = fileURLToPath(new URL('../elements/dist/orgauth.global.js', import.meta.url));

/** Ships the script-tag bundle beside the pages, as a customer would host it. */
function copyGlobalBundle(): Plugin {
  return {
    name: 'orgauth-copy-global-bundle',
    writeBundle(options) {
      if (!existsSync(globalBundle)) throw new Error('Build @orgauth/elements first: packages/elements/dist/orgauth.global.js is missing.');
      copyFileSync(globalBundle, `${options.dir}/orgauth.global.js`);
    },
  };
}

export default defineConfig({
  resolve: { conditions: ['@orgauth/source', 'module', 'browser', 'development|production'] },
  plugins: [copyGlobalBundle()],
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022' },
});

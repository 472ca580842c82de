import { mergeConfig } from 'vite';
import base from '../vite.config.js';

/**
 * Builds the benchmark (`bench/run.ts`) together with the server CLI it spawns, with the server's own
 * build settings (workspace sources bundled, npm dependencies external), into a cache folder below
 * `packages/server` so Node finds the dependencies. No TypeScript runner is needed at bench time.
 */
export default mergeConfig(base, {
  build: {
    outDir: 'node_modules/.cache/orgauth-bench',
    emptyOutDir: true,
    sourcemap: false,
    rollupOptions: { input: { run: 'bench/run.ts', cli: 'src/cli/main.ts' } },
  },
});

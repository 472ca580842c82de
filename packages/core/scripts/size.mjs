// Measures the `@orgauth/core` entry as an app ships it: minified, with zustand/vanilla and js-cookie
// bundled in, gzipped. Fails (exit 1) above the 8 KB budget. Run: `npm run size -w @orgauth/core`.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

const BUDGET = 8 * 1024;
const root = resolve(import.meta.dirname, '..');
const out = mkdtempSync(join(tmpdir(), 'orgauth-core-size-'));
const typical = join(out, 'typical.ts');
writeFileSync(typical, `export { createB2BClient, selectMember, selectIsSignedIn } from ${JSON.stringify(join(root, 'src/index.ts'))};\n`);

const measure = async (name, entry) => {
  await build({
    root,
    configFile: false,
    logLevel: 'silent',
    resolve: { conditions: ['@orgauth/source', 'module', 'browser', 'production'] },
    // App mode, not library mode: library builds keep whitespace in ES output, apps minify fully.
    build: {
      outDir: join(out, name),
      minify: true,
      modulePreload: false,
      rollupOptions: { input: entry, preserveEntrySignatures: 'exports-only', output: { format: 'es', entryFileNames: `${name}.js` } },
    },
  });
  const code = readFileSync(join(out, name, `${name}.js`));
  return { name, min: code.length, gzip: gzipSync(code, { level: 9 }).length };
};

const results = [await measure('index', join(root, 'src/index.ts')), await measure('typical', typical)];
if (!process.env.KEEP) rmSync(out, { recursive: true, force: true }); else console.log(out);
for (const r of results) console.log(`${r.name.padEnd(8)} ${(r.min / 1024).toFixed(2)} KB min, ${(r.gzip / 1024).toFixed(2)} KB gzip`);
const full = results[0];
if (full.gzip > BUDGET) {
  console.error(`@orgauth/core is ${full.gzip} B gzip, over the ${BUDGET} B budget.`);
  process.exit(1);
}

// Measures the `@orgauth/core` entry as an app ships it: minified, with zustand/vanilla and js-cookie
// bundled in, gzipped. Run: `npm run size -w @orgauth/core` (exit 1 above the 11 KB budget); `npm test`
// imports `measureCore` for its budget table.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

/**
 * The core's size budget in bytes (gzip). 9 KB since the client signs in by organization link, invite
 * and email code and its login machine takes Stytch's configuration object (about 1 KB together);
 * 10 KB since the client signs in with OAuth (five providers' starts through one builder, both
 * authenticate calls, both redirect token types, the login's provider buttons) and SSO discovery:
 * about 1 KB together; 11 KB since the client serves the signed-in member (RBAC decided locally,
 * session exchange, organization, members, self, invites: about 0.7 KB together).
 */
export const CORE_BUDGET = 11 * 1024;
const root = resolve(import.meta.dirname, '..');

/** Bundles the whole entry and a typical import; returns their minified and gzip sizes in bytes. */
export async function measureCore() {
  const { build } = await import('vite');
  const out = mkdtempSync(join(tmpdir(), 'orgauth-core-size-'));
  const typical = join(out, 'typical.ts');
  writeFileSync(
    typical,
    `export { createB2BClient, selectMember, selectIsSignedIn } from ${JSON.stringify(join(root, 'src/index.ts'))};\n`,
  );
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
        rollupOptions: {
          input: entry,
          preserveEntrySignatures: 'exports-only',
          output: { format: 'es', entryFileNames: `${name}.js` },
        },
      },
    });
    const code = readFileSync(join(out, name, `${name}.js`));
    return { name, min: code.length, gzip: gzipSync(code, { level: 9 }).length };
  };
  try {
    return { full: await measure('index', join(root, 'src/index.ts')), typical: await measure('typical', typical) };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { full, typical } = await measureCore();
  for (const r of [full, typical])
    console.log(`${r.name.padEnd(8)} ${(r.min / 1024).toFixed(2)} KB min, ${(r.gzip / 1024).toFixed(2)} KB gzip`);
  if (full.gzip > CORE_BUDGET) {
    console.error(`@orgauth/core is ${full.gzip} B gzip, over the ${CORE_BUDGET} B budget.`);
    process.exit(1);
  }
}

// Measures the `@orgauth/core` entry as an app ships it: minified, with zustand/vanilla and js-cookie
// bundled in, gzipped; then what an app composing only some flows pays (`createClient`, src/compose.ts)
// and each flow's marginal cost over the bare client. Run: `npm run size -w @orgauth/core` (exit 1
// above a budget); `npm test` imports `measureCore` for its budget table (.ci/size-budgets.mjs).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

/**
 * The core's size budget in bytes (gzip), with small headroom over what the whole entry loads at
 * once (12.2 KB: the base client 4.7 KB, every flow about 2.8 KB more, the login machine and
 * `authenticateByUrl` about 3.4 KB more, the steps of passwords and second factors about 0.9 KB
 * (their reducer and the stand-ins of their flows and actions); those flows and the login's
 * requests for them, 3.3 KB, load on first use and are printed apart). The product's target is
 * {@link CORE_TARGET}.
 */
export const CORE_BUDGET = 12.5 * 1024;
/** Target of the whole entry: a third of Stytch's headless B2B client (22.4 KB gzip). */
export const CORE_TARGET = 7.5 * 1024;
/** Budget of an app composing discovery and sessions only (headroom over what it measures). */
export const DISCOVERY_SESSIONS_BUDGET = 5.25 * 1024;
/** Target of that app. */
export const DISCOVERY_SESSIONS_TARGET = 6 * 1024;

const root = resolve(import.meta.dirname, '..');
const entry = JSON.stringify(join(root, 'src/index.ts'));
const options = `{ publicToken: 'public-token-test-1', baseUrl: 'https://auth.example.com' }`;

/** App sources measured: name → module text importing the entry. */
export const APPS = {
  typical: `export { createB2BClient, selectMember, selectIsSignedIn } from ${entry};\n`,
  'discovery+sessions': composed(['createDiscoveryFlow'], { discovery: 'createDiscoveryFlow' }),
};

/** The flows a composed client can take, by factory, for the marginal-cost table. */
export const FLOWS = {
  magicLinks: 'createMagicLinksFlow',
  otps: 'createOtpsFlow',
  discovery: 'createDiscoveryFlow',
  sso: 'createSsoFlow',
  oauth: 'createOAuthFlow',
  organization: 'createOrganizationFlow',
  members: 'createMembersFlow',
  self: 'createSelfFlow',
  rbac: 'createRbacFlow',
};

/** An app calling `createClient` with the given flow factories (and reading the store by a selector). */
function composed(imports, flows) {
  const map = Object.entries(flows).map(([k, v]) => `${k}: ${v}`);
  return (
    `import { createClient, selectIsSignedIn, ${imports.join(', ')} } from ${entry};\n` +
    `export const client = createClient(${options}, { ${map.join(', ')} });\n` +
    'export const signedIn = () => selectIsSignedIn(client.store.getState());\n'
  );
}

/**
 * Vite's module-preload runtime, which an app that loads any chunk lazily carries once, whoever's
 * chunk it is: the core loads passwords and second factors on their first call (src/flows/lazy.ts),
 * so the measure swaps that runtime for a call-through and counts the core's own code only.
 */
const preloadRuntimeIsTheApps = {
  name: 'preload-runtime-is-the-apps',
  enforce: 'pre',
  resolveId: (id) => (id === '\0vite/preload-helper.js' ? id : null),
  load: (id) => (id === '\0vite/preload-helper.js' ? 'export const __vitePreload = (load) => load();' : null),
};

/**
 * Bundles `source` as an app would (Vite, minified); returns the code it loads at once (the entry
 * chunk and the chunks it imports statically), its minified and gzip sizes, and the gzip size of
 * the chunks it loads only when called (`lazy`: passwords and second factors).
 */
async function bundle(out, name, source) {
  const { build } = await import('vite');
  const input = join(out, `${name.replace(/\W/g, '_')}.ts`);
  if (source !== null) writeFileSync(input, source);
  const result = await build({
    root,
    configFile: false,
    logLevel: 'silent',
    plugins: [preloadRuntimeIsTheApps],
    resolve: { conditions: ['@orgauth/source', 'module', 'browser', 'production'] },
    // App mode, not library mode: library builds keep whitespace in ES output, apps minify fully.
    build: {
      write: false,
      minify: true,
      modulePreload: false,
      rollupOptions: {
        input: source === null ? join(root, 'src/index.ts') : input,
        preserveEntrySignatures: 'exports-only',
        output: { format: 'es', entryFileNames: 'app.js' },
      },
    },
  });
  const chunks = new Map(
    (Array.isArray(result) ? result[0] : result).output.filter((c) => c.type === 'chunk').map((c) => [c.fileName, c]),
  );
  const eager = new Set();
  const visit = (file) => {
    if (eager.has(file)) return;
    eager.add(file);
    for (const imported of chunks.get(file)?.imports ?? []) visit(imported);
  };
  visit('app.js');
  const code = Buffer.from([...eager].map((file) => chunks.get(file).code).join('\n'));
  const lazy = [...chunks.values()]
    .filter((c) => !eager.has(c.fileName))
    .reduce((sum, c) => sum + gzipSync(c.code, { level: 9 }).length, 0);
  return { name, code: code.toString(), min: code.length, gzip: gzipSync(code, { level: 9 }).length, lazy };
}

/**
 * Bundles the whole entry, the typical import, the discovery+sessions app, and a bare composed client
 * plus each flow alone; returns sizes in bytes (`flows[name]` is the gzip added by that flow) and, for
 * the tree-shaking test, the discovery+sessions app's code.
 */
export async function measureCore() {
  const out = mkdtempSync(join(tmpdir(), 'orgauth-core-size-'));
  try {
    const full = await bundle(out, 'index', null);
    const typical = await bundle(out, 'typical', APPS.typical);
    const discoverySessions = await bundle(out, 'discovery+sessions', APPS['discovery+sessions']);
    const bare = await bundle(out, 'bare', composed([], {}));
    const flows = {};
    for (const [name, factory] of Object.entries(FLOWS))
      flows[name] = (await bundle(out, name, composed([factory], { [name]: factory }))).gzip - bare.gzip;
    const login = await bundle(out, 'login', `export { createB2BClient } from ${entry};\n`);
    flows['createB2BClient (all + login, by URL)'] = login.gzip - bare.gzip;
    const strip = ({ code, ...rest }) => rest;
    return {
      full: strip(full),
      typical: strip(typical),
      discoverySessions: strip(discoverySessions),
      bare: strip(bare),
      flows,
      discoverySessionsCode: discoverySessions.code,
    };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { full, typical, discoverySessions, bare, flows } = await measureCore();
  const kb = (b) => `${(b / 1024).toFixed(2)} KB`;
  for (const r of [full, typical, discoverySessions, bare])
    console.log(
      `${r.name.padEnd(20)} ${kb(r.min)} min, ${kb(r.gzip)} gzip${r.lazy ? `, + ${kb(r.lazy)} gzip loaded on first call` : ''}`,
    );
  console.log(`targets: entry ≤ ${kb(CORE_TARGET)}, discovery+sessions ≤ ${kb(DISCOVERY_SESSIONS_TARGET)} gzip`);
  console.log('each flow over the bare client (gzip):');
  for (const [name, bytes] of Object.entries(flows)) console.log(`  ${name.padEnd(38)} +${bytes} B`);
  const over = [
    [full, CORE_BUDGET],
    [discoverySessions, DISCOVERY_SESSIONS_BUDGET],
  ].filter(([r, budget]) => r.gzip > budget);
  for (const [r, budget] of over) console.error(`${r.name} is ${r.gzip} B gzip, over its ${budget} B budget.`);
  if (over.length) process.exit(1);
}

import minifyHtmlLiterals from '@lit-labs/rollup-plugin-minify-html-literals';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

const conditions = ['@orgauth/source', 'module', 'browser', 'development|production'];

/** The locale packs built as entries of their own (src/i18n/locales/). */
const LOCALES = ['en', 'de', 'fr', 'es', 'ja', 'ar-XB'];

/** Bare imports that stay imports in the ES library build: runtime deps and sibling packages. */
const EXTERNAL =
  /^(lit|lit-html|lit-element|@lit\/reactive-element|@lit\/context|@floating-ui\/[^/]+|@orgauth\/[^/]+)(\/.*)?$/;

/**
 * The script-tag bundles, one IIFE build each (an IIFE has a single entry): the login's, and the
 * account elements' chunk with `@floating-ui/dom`, which the login's must never carry.
 */
const GLOBALS: Record<
  string,
  {
    entry: string;
    name: string;
    file: string;
    borrowed?: Record<string, string>;
    swapped?: Record<string, string>;
    plugins?: Plugin[];
  }
> = {
  global: {
    entry: 'src/global.ts',
    name: 'OrgAuthBundle',
    file: 'orgauth.global.js',
    // An IIFE has no chunks: the password and multi-factor screens load from a chunk of their own.
    swapped: { './factor-screens-loader.js': 'src/components/login/factor-screens-loader.global.ts' },
    // Nor can it leave the core's lazily loaded flows and login actions in a file of their own: they
    // come from that chunk too (src/components/login/factor-core.global.ts says why).
    plugins: [lazyCoreFromFactorsChunk('src/components/login/factor-core.global.ts')],
  },
  'global-factors': {
    entry: 'src/factors-global.ts',
    name: 'OrgAuthLoginFactorsBundle',
    file: 'orgauth-login-factors.global.js',
    // Lit and the core come from the login bundle, which imports this chunk (src/factors-global.ts).
    borrowed: { lit: 'OrgAuth.lit', 'lit/directives/live.js': 'OrgAuth.lit', '@orgauth/core': 'OrgAuth' },
  },
  'global-account': {
    entry: 'src/account-global.ts',
    name: 'OrgAuthAccountBundle',
    file: 'orgauth-account.global.js',
    // Lit, the core and the login's error words come from the login bundle's `window.OrgAuth`
    // (src/account-global.ts says why).
    borrowed: {
      lit: 'OrgAuth.lit',
      'lit/directives/live.js': 'OrgAuth.lit',
      '@orgauth/core': 'OrgAuth',
      // The login's error words (LOGIN_ERROR_MESSAGES), which window.OrgAuth carries already.
      './error-messages.js': 'OrgAuth',
      // The theme and the `appearance` controller, which the login bundle carries already.
      './theme.styles.js': 'OrgAuth.theming',
      './appearance-controller.js': 'OrgAuth.theming',
    },
  },
};

/** The core modules its clients and logins import lazily (packages/core/src/client.ts, machines/login-controller.ts). */
const LAZY_CORE = /\/core\/src\/(?:flows\/(?:passwords|totp|recovery-codes|otps-sms)|machines\/login-factors)\.ts$/;

/**
 * Resolves every import of a `LAZY_CORE` module to `stand-in`, which takes the real one from the
 * factors chunk: matched by the resolved file, not by specifier, so no import path reaches them
 * unseen. The build fails if a module stops being seen (renamed or inlined).
 */
function lazyCoreFromFactorsChunk(standIn: string): Plugin {
  const replacement = fileURLToPath(new URL(standIn, import.meta.url));
  const seen = new Set<string>();
  return {
    name: 'orgauth-lazy-core-from-factors-chunk',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!importer || !source.startsWith('.')) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      if (!resolved || !LAZY_CORE.test(resolved.id)) return null;
      seen.add(resolved.id.replace(/^.*\/core\/src\//, ''));
      return replacement;
    },
    buildEnd(error) {
      if (!error && seen.size !== 5) this.error(`expected the 5 lazy core modules, saw: ${[...seen].join(', ')}`);
    },
  };
}

/** The global a borrowed import reads from: by its specifier, or a relative one by its last segment. */
function borrowedGlobal(borrowed: Record<string, string>, id: string): string {
  const name = borrowed[id] ?? borrowed[`./${id.split('/').pop()}`];
  if (name === undefined) throw new Error(`no global for the borrowed import ${id}`);
  return name;
}

/** Whether an import is borrowed: a package by its specifier, a relative one (`./x.js`) by its last segment. */
function isBorrowed(borrowed: Record<string, string>, id: string): boolean {
  return Object.keys(borrowed).some((key) => id === key || (key.startsWith('./') && id.endsWith(key.slice(1))));
}

/** Fails a borrowing chunk (account, login factors) early, in words, when the login bundle is not on the page before it. */
const needsLoginBundle = (file: string) =>
  `if(!window.OrgAuth||!window.OrgAuth.lit)throw new Error("${file} needs orgauth.global.js: load it first, from the same OrgAuth version.");`;

/**
 * Lit's own minifier for the `html`, `svg` and `css` template literals of the script-tag bundles (the
 * JS minifier leaves their text as written: indentation, newlines, comments). A `css` fragment that is
 * only declarations is no stylesheet LightningCSS can parse, so it would stay as written; any other
 * failure stops the build.
 */
const minifyLiterals = minifyHtmlLiterals({
  failOnError: true,
  options: {
    shouldMinifyCSS: (t) => t.tag === 'css' && !t.parts[0]?.text.trimStart().startsWith('--'),
  },
});

/**
 * `@orgauth/elements`.
 * - `vite build`: ES library build of `index`, `define`, `account` and the locale packs
 *   (`dist/*.js`, `dist/locales/*.js`), with lit,
 *   @lit/context, @floating-ui/dom and @orgauth/core left as imports.
 * - `vite build --mode global`: the script-tag bundle `dist/orgauth.global.js`, an IIFE with every
 *   dependency inlined and minified; it must not wipe the ES build, hence `emptyOutDir: false`.
 * - `vite build --mode global-account`: the same for `dist/orgauth-account.global.js` (the account
 *   elements; see src/account-global.ts for why it carries its own Lit and core).
 * - `vitest --project elements`: component tests in happy-dom, workspace packages from source.
 */
export default defineConfig(({ mode }) => ({
  resolve: {
    conditions,
    alias: Object.entries(GLOBALS[mode]?.swapped ?? {}).map(([find, replacement]) => ({
      find,
      replacement: fileURLToPath(new URL(replacement, import.meta.url)),
    })),
  },
  plugins: mode in GLOBALS ? [minifyLiterals, ...(GLOBALS[mode]!.plugins ?? [])] : [],
  ssr: { resolve: { conditions, externalConditions: conditions } },
  build:
    mode in GLOBALS
      ? {
          outDir: 'dist',
          emptyOutDir: false,
          minify: true,
          sourcemap: true,
          lib: {
            entry: GLOBALS[mode]!.entry,
            formats: ['iife'],
            name: GLOBALS[mode]!.name,
            fileName: () => GLOBALS[mode]!.file,
          },
          rolldownOptions: GLOBALS[mode]!.borrowed
            ? {
                external: (id: string) => isBorrowed(GLOBALS[mode]!.borrowed!, id),
                output: {
                  // Rolldown names a relative external by its path from the package root (`i18n/…`):
                  // match the borrowed modules by their last segment.
                  globals: (id: string) => borrowedGlobal(GLOBALS[mode]!.borrowed!, id),
                  banner: needsLoginBundle(GLOBALS[mode]!.file),
                },
              }
            : {},
        }
      : {
          outDir: 'dist',
          emptyOutDir: true, // runs first; the global bundle and the declarations follow (see the `build` script)
          sourcemap: true,
          lib: {
            entry: {
              index: 'src/index.ts',
              define: 'src/define.ts',
              account: 'src/account.ts',
              // One module per locale pack (`@orgauth/elements/locales/de`, …): reached only through
              // its own import, so a page that loads none carries no translated words.
              ...Object.fromEntries(LOCALES.map((l) => [`locales/${l}`, `src/i18n/locales/${l}.ts`])),
            },
            formats: ['es'],
            fileName: (_format: string, name: string) => `${name}.js`,
          },
          rolldownOptions: {
            external: (id: string) => EXTERNAL.test(id),
            output: { chunkFileNames: 'chunks/[name]-[hash].js' },
          },
        },
  define: mode in GLOBALS ? { 'process.env.NODE_ENV': JSON.stringify('production') } : {},
  test: {
    name: 'elements',
    environment: 'happy-dom',
    include: ['src/**/*.test.ts'],
  },
}));

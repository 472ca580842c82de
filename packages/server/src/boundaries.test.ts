import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The server is organised by capability (one folder per feature) over
 * shared layers (`http/`, `db/`, `lib/`, `mail/`). Features use each other only through their
 * `index.ts`; everything outside a feature (app.ts, server.ts, cli/, http/) does too; a feature uses
 * the HTTP layer only through `http/index.ts` (context, responses, the route declaration helper),
 * never the app's own middleware; and the shared layers below the features import none of them.
 * Tests may reach inside anything they test.
 */
const SRC = import.meta.dirname;
const FEATURES = [
  'projects',
  'organizations',
  'members',
  'magic-links',
  'discovery',
  'sessions',
  'sso',
  'events',
  'dev',
];
const LAYERS_BELOW_FEATURES = ['db', 'lib', 'mail'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(path) : entry.name.endsWith('.ts') ? [path] : [];
  });
}

const isTest = (path: string) => /\.test\.ts$/.test(path);
const files = sourceFiles(SRC)
  .filter((path) => !isTest(path))
  .map((path) => ({ path: relative(SRC, path), text: readFileSync(path, 'utf8') }));

/** Relative import targets of a file, resolved to paths below src/ (`sso/oidc/start.ts`). */
function importsOf(file: { path: string; text: string }): string[] {
  const specifiers = [
    ...file.text.matchAll(/(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g),
  ].map((m) => (m[1] ?? m[2])!);
  return specifiers
    .filter((s) => s.startsWith('.'))
    .map((s) => relative(SRC, resolve(SRC, dirname(file.path), s)).replace(/\.js$/, '.ts'));
}

/** The feature folder a path belongs to, if any. */
const featureOf = (path: string) => FEATURES.find((feature) => path.startsWith(`${feature}${sep}`));
const topOf = (path: string) => path.split(sep)[0] ?? '';

describe('server boundaries', () => {
  it('finds the sources and a public index.ts in every feature folder', () => {
    expect(files.length).toBeGreaterThan(100);
    for (const feature of FEATURES)
      expect(existsSync(join(SRC, feature, 'index.ts')), `${feature}/index.ts`).toBe(true);
  });

  it.each(files.map((f) => [f.path, f] as const))('%s respects the feature and layer boundaries', (_path, file) => {
    const own = featureOf(file.path);
    for (const target of importsOf(file)) {
      const other = featureOf(target);
      if (other !== undefined && other !== own) {
        expect(target, `${file.path} reaches inside ${other}/ (use ${other}/index.ts)`).toBe(join(other, 'index.ts'));
      }
      if (own !== undefined && topOf(target) === 'http') {
        expect(target, `${file.path} imports the HTTP layer's internals (use http/index.ts)`).toBe(
          join('http', 'index.ts'),
        );
      }
      if (LAYERS_BELOW_FEATURES.includes(topOf(file.path))) {
        expect(
          other === undefined && topOf(target) !== 'http',
          `${file.path} (a layer below the features) imports ${target}`,
        ).toBe(true);
      }
    }
  });
});

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
  'oauth',
  'rbac',
  'passwords',
  'mfa',
];
const LAYERS_BELOW_FEATURES = ['db', 'lib', 'mail', 'sms'];

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
    ...file.text.matchAll(
      /(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|^import\s+['"]([^'"]+)['"]/gm,
    ),
  ].map((m) => (m[1] ?? m[2] ?? m[3])!);
  return specifiers
    .filter((s) => s.startsWith('.'))
    .map((s) => relative(SRC, resolve(SRC, dirname(file.path), s)).replace(/\.js$/, '.ts'));
}

/** The feature folder a path belongs to, if any. */
const featureOf = (path: string) => FEATURES.find((feature) => path.startsWith(`${feature}${sep}`));
const topOf = (path: string) => path.split(sep)[0] ?? '';

/** Every boundary a file crosses, in words (empty when it keeps them all). */
function violations(file: { path: string; text: string }): string[] {
  const own = featureOf(file.path);
  return importsOf(file).flatMap((target) => {
    const other = featureOf(target);
    const found: string[] = [];
    if (other !== undefined && other !== own && target !== join(other, 'index.ts')) {
      found.push(`${file.path} reaches inside ${other}/ (${target}; use ${other}/index.ts)`);
    }
    if (own !== undefined && topOf(target) === 'http' && target !== join('http', 'index.ts')) {
      found.push(`${file.path} imports the HTTP layer's internals (${target}; use http/index.ts)`);
    }
    if (LAYERS_BELOW_FEATURES.includes(topOf(file.path)) && (other !== undefined || topOf(target) === 'http')) {
      found.push(`${file.path} (a layer below the features) imports ${target}`);
    }
    return found;
  });
}

describe('server boundaries', () => {
  it('finds the sources and a public index.ts in every feature folder', () => {
    expect(files.length).toBeGreaterThan(100);
    for (const feature of FEATURES)
      expect(existsSync(join(SRC, feature, 'index.ts')), `${feature}/index.ts`).toBe(true);
  });

  it.each(files.map((f) => [f.path, f] as const))('%s respects the feature and layer boundaries', (_path, file) => {
    expect(violations(file)).toEqual([]);
  });

  it('finds each kind of crossing (so the check above can fail)', () => {
    const at = (path: string, text: string) => violations({ path: join(...path.split('/')), text });
    expect(at('organizations/search.ts', "import { a } from '../members/search.js';")).toHaveLength(1);
    expect(at('organizations/search.ts', "import '../members/store.js';")).toHaveLength(1);
    expect(at('organizations/search.ts', "const m = await import('../members/store.js');")).toHaveLength(1);
    expect(at('organizations/routes.ts', "import { sdkAuth } from '../http/sdk-middleware.js';")).toHaveLength(1);
    expect(at('lib/crypto.ts', "import type { Db } from '../members/index.js';")).toHaveLength(1);
    expect(at('organizations/search.ts', "import { a } from '../members/index.js';")).toEqual([]);
    expect(at('organizations/routes.ts', "import { defineRoutes } from '../http/index.js';")).toEqual([]);
    expect(at('app.ts', "import { organizationRoutes } from './organizations/index.js';")).toEqual([]);
  });
});

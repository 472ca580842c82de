// Packaging suite, part one: the four packages as `npm publish` ships them. `npm pack` (whose
// `prepack` builds each package), then each tarball's contents, publint --strict and
// attw --profile esm-only, and `npm publish --dry-run`. Part two (scratch-apps.mjs) installs the
// tarballs into apps.
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { check, exec } from './steps.mjs';

/** The published packages, in build order (each one's declarations read the previous ones'). */
export const PACKAGES = ['core', 'elements', 'react', 'server'];

/** Files that must never ship: tests, test fixtures and helpers, build state, keys, sources, dev scripts. */
const FORBIDDEN = [
  /\.(test|spec)\./,
  /tsbuildinfo/,
  /\.fixtures\./,
  /test-helpers/,
  /\.pem$/,
  /^(src|scripts|bench)\//,
  /\/(conformance|contract|integration)\//,
];

/** React entries that React Server Components frameworks must see as client modules. */
const CLIENT_ENTRIES = { react: ['dist/index.js', 'dist/components.js', 'dist/account.js'] };

const listFiles = (dir) =>
  readdirSync(dir, { recursive: true })
    .map((name) => join(dir, name))
    .filter((path) => statSync(path).isFile())
    .map((path) => relative(dir, path).split('\\').join('/'));

/** Every file an `exports` map, `bin` or `customElements` points at, for the conditions a consumer resolves. */
function publishedTargets(manifest) {
  const targets = [];
  const walk = (value) => {
    if (typeof value === 'string') targets.push(value);
    else if (value && typeof value === 'object')
      for (const [key, inner] of Object.entries(value)) if (key !== '@orgauth/source') walk(inner);
  };
  walk(manifest.exports);
  walk(manifest.bin);
  walk(manifest.customElements);
  return targets.map((t) => t.replace(/^\.\//, ''));
}

/** Packages that the published declarations import but the manifest does not declare. */
function undeclaredTypeImports(dir, files, manifest) {
  const declared = new Set([manifest.name, ...Object.keys({ ...manifest.dependencies, ...manifest.peerDependencies })]);
  const missing = new Set();
  for (const file of files.filter((f) => f.endsWith('.d.ts'))) {
    const text = readFileSync(join(dir, file), 'utf8');
    for (const [, spec] of text.matchAll(/(?:from\s+|import\s*\(\s*|import\s+)['"]([^'"./][^'"]*)['"]/g)) {
      if (spec.startsWith('node:')) continue;
      const name = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0];
      if (!declared.has(name)) missing.add(`${name} (${file})`);
    }
  }
  return [...missing];
}

/** Checks one unpacked tarball; returns a short note (file count) or throws with what is wrong. */
function checkTarball(pkg, dir, rootLicense) {
  const files = listFiles(dir);
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  for (const required of ['package.json', 'LICENSE', 'README.md', ...publishedTargets(manifest)]) {
    check(files.includes(required), `${required} is missing`);
  }
  check(readFileSync(join(dir, 'LICENSE'), 'utf8') === rootLicense, 'LICENSE differs from the repository LICENSE');
  const forbidden = files.filter((f) => FORBIDDEN.some((re) => re.test(f)));
  check(forbidden.length === 0, `must not ship ${forbidden.join(', ')}`);
  const undeclared = undeclaredTypeImports(dir, files, manifest);
  check(undeclared.length === 0, `declarations import undeclared packages: ${undeclared.join(', ')}`);
  check(manifest.publishConfig?.access === 'public', 'publishConfig.access is not public');
  check(manifest.repository?.directory === `packages/${pkg}`, 'repository.directory is wrong');
  for (const entry of CLIENT_ENTRIES[pkg] ?? []) {
    const first = readFileSync(join(dir, entry), 'utf8').split('\n', 1)[0];
    check(/^(['"])use client\1;?$/.test(first), `${entry} does not start with 'use client' (first line: ${first})`);
  }
  // Source maps name ../src files that are not published: their text must travel inside the map.
  for (const map of files.filter((f) => f.endsWith('.map'))) {
    const { sources = [], sourcesContent = [] } = JSON.parse(readFileSync(join(dir, map), 'utf8'));
    check(
      sources.every((_, i) => typeof sourcesContent[i] === 'string'),
      `${map} lacks sourcesContent`,
    );
  }
  return `${files.length} files`;
}

/**
 * Packs the packages into `<root>/.tmp/pack`, then checks and lints each tarball, one step each.
 * @returns the tarball paths by package (`{ core: '/…/orgauth-core-0.1.0.tgz', … }`), or null if packing failed.
 */
export function packAndLint(steps, root) {
  const packDir = join(root, '.tmp', 'pack');
  rmSync(packDir, { recursive: true, force: true });
  mkdirSync(packDir, { recursive: true });
  const tarballs = {};
  const packed = steps.run('npm pack (prepack builds each package)', () => {
    const workspaces = PACKAGES.flatMap((p) => ['-w', `@orgauth/${p}`]);
    check(
      exec('npm', ['pack', ...workspaces, '--pack-destination', packDir], { cwd: root }).code === 0,
      'npm pack failed',
    );
    for (const pkg of PACKAGES) {
      const file = readdirSync(packDir).find((f) => f.startsWith(`orgauth-${pkg}-`) && f.endsWith('.tgz'));
      check(file, `no tarball for @orgauth/${pkg}`);
      tarballs[pkg] = join(packDir, file);
    }
    return true;
  });
  if (!packed) return null;
  const rootLicense = readFileSync(join(root, 'LICENSE'), 'utf8');
  for (const pkg of PACKAGES) {
    const dir = join(packDir, pkg);
    mkdirSync(dir, { recursive: true });
    steps.run(`tarball contents @orgauth/${pkg}`, () => {
      check(
        exec('tar', ['-xzf', tarballs[pkg], '-C', dir, '--strip-components=1'], { capture: true }).code === 0,
        'tar failed',
      );
      return checkTarball(pkg, dir, rootLicense);
    });
    steps.run(
      `publint --strict @orgauth/${pkg}`,
      () => exec('npx', ['publint', '--strict', tarballs[pkg]], { cwd: root }).code === 0,
    );
    steps.run(
      `attw --profile esm-only @orgauth/${pkg}`,
      () =>
        exec('npx', ['attw', tarballs[pkg], '--profile', 'esm-only', '--format', 'table-flipped'], {
          cwd: root,
          env: { FORCE_COLOR: '0' },
        }).code === 0,
    );
  }
  return tarballs;
}

/**
 * `npm publish --dry-run` of the four packages must pass without npm "auto-correcting" a manifest:
 * on publish npm silently drops what it deems invalid (a `./`-prefixed `bin` path, for one), which
 * `npm pack` and the linters do not report. Needs the registry (npm asks it who is logged in).
 */
export function publishDryRun(steps, root) {
  steps.run('npm publish --dry-run corrects nothing in the manifests', () => {
    const workspaces = PACKAGES.flatMap((p) => ['-w', `@orgauth/${p}`]);
    const res = exec('npm', ['publish', '--dry-run', '--ignore-scripts', ...workspaces], { cwd: root, capture: true });
    check(res.code === 0, `npm publish --dry-run failed (exit ${res.code})`);
    const corrected = `${res.stdout}${res.stderr}`
      .split('\n')
      .filter((l) => /auto-corrected|errors corrected|was invalid|normalized/.test(l));
    check(corrected.length === 0, corrected.join('; '));
    return true;
  });
}

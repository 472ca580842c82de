// Packaging suite, part two: the packed tarballs installed (as files, not workspace links) into the
// apps a customer makes, from the templates in .ci/scratch/: Vite + React 18 and Vite + React 19
// (strict typecheck with skipLibCheck off, `vite build`), and a Next.js App Router app (`next build`,
// then a Playwright sign-in with the app and the repository's built server on two origins).
// The apps live in the system temp folder: inside the repository, module resolution would climb into
// its node_modules and find workspace links or the wrong React.
import { cpSync, existsSync, lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PACKAGES } from './packaging.mjs';
import { check, exec } from './steps.mjs';

// `--include=dev`: the apps build with their devDependencies (TypeScript, Vite), whatever NODE_ENV the
// calling process has.
const INSTALL = ['install', '--no-audit', '--no-fund', '--prefer-offline', '--ignore-scripts', '--include=dev'];

/** The app's package.json: the four tarballs, React of `major`, and the tools at the repository's ranges. */
function manifest(root, name, tarballs, major, tools) {
  const repo = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).devDependencies;
  const orgauth = Object.fromEntries(PACKAGES.map((p) => [`@orgauth/${p}`, `file:${tarballs[p]}`]));
  const dev = {
    '@types/node': repo['@types/node'],
    '@types/react': `^${major}`,
    '@types/react-dom': `^${major}`,
    typescript: repo.typescript,
    ...tools(repo),
  };
  return {
    name,
    private: true,
    type: 'module',
    dependencies: { ...orgauth, react: `^${major}`, 'react-dom': `^${major}` },
    devDependencies: dev,
  };
}

/** Copies a template, writes its package.json, installs; checks React's major and that @orgauth/* are real folders. */
function install(root, template, dir, pkg, major) {
  cpSync(join(root, '.ci', 'scratch', template), dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
  check(exec('npm', INSTALL, { cwd: dir }).code === 0, 'npm install failed');
  const react = JSON.parse(readFileSync(join(dir, 'node_modules/react/package.json'), 'utf8')).version;
  check(react.startsWith(`${major}.`), `installed react ${react}, expected ${major}.x`);
  for (const p of PACKAGES)
    check(
      !lstatSync(join(dir, 'node_modules/@orgauth', p)).isSymbolicLink(),
      `@orgauth/${p} is a link, not the tarball`,
    );
  const typescript = JSON.parse(readFileSync(join(dir, 'node_modules/typescript/package.json'), 'utf8')).version;
  return `react ${react}, typescript ${typescript}`;
}

const npx = (dir, args, options = {}) => exec('npx', ['--no', '--', ...args], { cwd: dir, ...options });

/** Vite + React `major`: install, strict typecheck, build; for 19 also the server's bin from its tarball. */
function viteApp(steps, root, base, tarballs, major) {
  const dir = join(base, `vite-react${major}`);
  const label = `Vite + React ${major}`;
  // React 18 is checked with the repository's TypeScript, React 19 with the registry's newest major.
  const typescript = (repo) => (major === 19 ? '^7.0.0' : repo.typescript);
  const pkg = manifest(root, `scratch-vite-react${major}`, tarballs, major, (repo) => ({
    vite: repo.vite,
    '@vitejs/plugin-react': '^6.0.0',
    typescript: typescript(repo),
  }));
  if (!steps.run(`${label}: npm install of the tarballs`, () => install(root, 'vite-react', dir, pkg, major))) return;
  steps.run(
    `${label}: tsc --noEmit (strict, exactOptionalPropertyTypes, noUncheckedIndexedAccess, skipLibCheck off)`,
    () => {
      check(npx(dir, ['tsc', '--noEmit', '-p', 'tsconfig.json']).code === 0, 'the app does not typecheck');
      // The Node side (vite.config.ts, server.ts embedding @orgauth/server) does not depend on React's major.
      if (major === 19)
        check(
          npx(dir, ['tsc', '--noEmit', '-p', 'tsconfig.node.json']).code === 0,
          'vite.config.ts / server.ts do not typecheck',
        );
      return true;
    },
  );
  steps.run(`${label}: vite build`, () => {
    check(npx(dir, ['vite', 'build']).code === 0, 'vite build failed');
    const assets = join(dir, 'dist/assets');
    const js = readdirSync(assets)
      .filter((f) => f.endsWith('.js'))
      .map((f) => readFileSync(join(assets, f), 'utf8'))
      .join('\n');
    // The tag registration of @orgauth/elements/define must survive tree-shaking (sideEffects).
    check(js.includes('orgauth.elements.definedBy'), 'the bundle does not register <orgauth-login>');
    return true;
  });
  if (major === 19) {
    steps.run(`${label}: npx @orgauth/server --help runs the installed package's bin`, () => {
      // The registry spelling of the README; with the package installed, npx runs its bin.
      const res = npx(dir, ['@orgauth/server', '--help'], { capture: true });
      check(
        res.code === 0 && res.stdout.includes('Usage: orgauth-server'),
        `exit ${res.code}: ${res.stderr.slice(0, 300)}`,
      );
      return true;
    });
  }
}

/** Next.js 16 App Router: install, allowlist its origin with the operator CLI, `next build`, sign in. */
function nextApp(steps, root, base, tarballs) {
  const dir = join(base, 'next-app');
  const appPort = Number(process.env.ORGAUTH_SCRATCH_APP_PORT ?? 3401);
  const serverPort = Number(process.env.ORGAUTH_SCRATCH_SERVER_PORT ?? 3402);
  const appUrl = `http://localhost:${appPort}/`;
  const dataDir = join(base, 'orgauth-data');
  const pkg = manifest(root, 'scratch-next-app', tarballs, 19, () => ({ next: '^16.0.0' }));
  if (!steps.run('Next.js 16: npm install of the tarballs', () => install(root, 'next-app', dir, pkg, 19))) return;
  let publicToken = '';
  const allowed = steps.run('operator CLI: origins add + redirect-urls add for the Next.js origin', () => {
    const cli = (...args) =>
      exec('node', ['packages/server/bin/orgauth-server.js', ...args, '--data-dir', dataDir], { cwd: root }).code === 0;
    check(cli('origins', 'add', appUrl.slice(0, -1)), 'origins add failed');
    check(cli('redirect-urls', 'add', appUrl), 'redirect-urls add failed');
    publicToken = JSON.parse(readFileSync(join(dataDir, 'project.json'), 'utf8')).public_token;
    return true;
  });
  const env = {
    NEXT_TELEMETRY_DISABLED: '1',
    NEXT_PUBLIC_ORGAUTH_PUBLIC_TOKEN: publicToken,
    NEXT_PUBLIC_ORGAUTH_BASE_URL: `http://localhost:${serverPort}`,
    NEXT_PUBLIC_APP_URL: appUrl,
  };
  const built = steps.run(
    'Next.js 16: next build (App Router page with <Login/> in <OrgAuthProvider>)',
    () => npx(dir, ['next', 'build'], { env }).code === 0,
  );
  if (!built || !allowed)
    return steps.skip('Next.js 16: sign-in', 'the app did not build or the origin was not allowlisted');
  steps.run('Next.js 16: discovery sign-up in Chromium (app and auth server on two origins)', () => {
    const spec = {
      ORGAUTH_SCRATCH_NEXT_DIR: dir,
      ORGAUTH_SCRATCH_DATA_DIR: dataDir,
      ORGAUTH_SCRATCH_APP_PORT: String(appPort),
      ORGAUTH_SCRATCH_SERVER_PORT: String(serverPort),
    };
    return (
      exec('npx', ['playwright', 'test', '-c', '.ci/scratch/signin/playwright.config.ts'], { cwd: root, env: spec })
        .code === 0
    );
  });
}

/**
 * Whether the npm registry answers. When it does not, the steps that need it are skipped with a
 * visible line, unless `CI=true`, where that is a failure.
 */
export function registryReachable(steps) {
  if (exec('npm', ['ping', '--fetch-timeout=15000', '--fetch-retries=0'], { capture: true }).code === 0) return true;
  if (process.env.CI === 'true') steps.run('npm registry reachable', () => false);
  else
    steps.skip(
      'npm publish --dry-run and the scratch apps (Vite + React 18/19, Next.js)',
      'the npm registry is unreachable (offline?); CI=true makes this a failure',
    );
  return false;
}

/** Runs the scratch apps against `tarballs`, in a temp folder removed when every step passed. */
export function scratchApps(steps, root, tarballs) {
  const base = mkdtempSync(join(tmpdir(), 'orgauth-scratch-'));
  const before = steps.results.length;
  viteApp(steps, root, base, tarballs, 18);
  viteApp(steps, root, base, tarballs, 19);
  nextApp(steps, root, base, tarballs);
  const failed = steps.results.slice(before).some((r) => !r.ok && !r.skipped);
  if (failed) console.log(`Scratch apps kept for inspection in ${base}`);
  else if (existsSync(base)) rmSync(base, { recursive: true, force: true });
}

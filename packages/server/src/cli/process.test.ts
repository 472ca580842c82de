import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { buildServerCli, startServerProcess, type ServerProcess } from '../conformance/server-process.js';

// The built CLI (`orgauth-server`, the same `vite build` as the package's) in a child process: what a
// normal start loads and prints, what `--dev` adds, a bad SMTP_FROM, and the script-tag bundle it
// was built with.

/**
 * The test IdP's libraries: dev-only (oidc-provider warns about the runtime when loaded; node-forge
 * builds the IdP's self-signed certificates).
 */
const DEV_ONLY = ['oidc-provider', 'samlify', 'node-forge'];

/** Loaded on first need, not at start (lib/lazy.ts): PostgreSQL's driver, the IdP egress client, SAML. */
const LAZY = ['pg', 'undici', '@node-saml/node-saml', '@xmldom/xmldom'];

// Records every module the process loads: ES modules through a loader hook (module.register), and
// CommonJS ones (samlify is loaded with require) from the require cache when the process exits.
const HOOKS = `import { appendFileSync } from 'node:fs';
let out;
export function initialize(data) { out = data.out; }
export async function load(url, context, nextLoad) { appendFileSync(out, url + '\\n'); return nextLoad(url, context); }
`;
const RECORDER = `import { appendFileSync } from 'node:fs';
import { createRequire, register } from 'node:module';
const out = process.env.ORGAUTH_MODULE_LOG;
register('./module-hooks.mjs', import.meta.url, { data: { out } });
const Module = createRequire(import.meta.url)('node:module');
process.on('exit', () => appendFileSync(out, Object.keys(Module._cache).join('\\n') + '\\n'));
`;

let build: { cli: string; remove(): void };
let recorder: string;
beforeAll(() => {
  build = buildServerCli();
  writeFileSync(join(dirname(build.cli), 'module-hooks.mjs'), HOOKS);
  recorder = join(dirname(build.cli), 'module-recorder.mjs');
  writeFileSync(recorder, RECORDER);
}, 120_000);
afterAll(() => build.remove());

let dataDir: string;
let proc: ServerProcess | undefined;
afterEach(async () => {
  await proc?.stop();
  proc = undefined;
  rmSync(dataDir, { recursive: true, force: true });
});

/** Starts the CLI with the module recorder; `loaded()` (after `stop()`) lists the npm packages it loaded. */
async function startRecorded(dev: boolean, env: Record<string, string> = {}) {
  dataDir = mkdtempSync(join(tmpdir(), 'orgauth-process-'));
  const log = join(dataDir, 'modules.log');
  writeFileSync(log, '');
  proc = await startServerProcess(build.cli, dataDir, { ORGAUTH_MODULE_LOG: log, ...env }, 30_000, {
    dev,
    nodeArgs: ['--import', pathToFileURL(recorder).href],
  });
  const loaded = () => {
    const names = readFileSync(log, 'utf8')
      .split('\n')
      .map((line) => /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(decodeURIComponent(line))?.[1])
      .filter((name): name is string => name !== undefined);
    return [...new Set(names)].sort();
  };
  return { proc, loaded };
}

describe('dev-only libraries', () => {
  test('a normal start (no --dev) never loads them and prints nothing to stderr', async () => {
    const { proc: p, loaded } = await startRecorded(false);
    // Routes that would reach the test IdP if it were mounted: not there without --dev.
    for (const path of [
      '/dev/idp/saml/metadata',
      '/dev/idp/oidc/.well-known/openid-configuration',
      '/dev/oauth/google/accounts.google.com/.well-known/openid-configuration',
    ])
      expect((await fetch(`${p.origin}${path}`)).status, path).toBe(404);
    expect((await fetch(`${p.origin}/sdk/v1/projects/bootstrap/${p.project.public_token}`)).status).toBe(200);
    await p.stop();
    const packages = loaded();
    // The recorder sees the server's own external libraries (else the checks below would pass for
    // nothing); Hono, Kysely and jose are bundled into the build (packages/server/vite.config.ts).
    expect(packages).toEqual(expect.arrayContaining(['better-sqlite3', 'nodemailer', 'oauth4webapi']));
    expect(packages.filter((name) => ['hono', '@hono/node-server', 'kysely', 'jose'].includes(name))).toEqual([]);
    expect(packages.filter((name) => DEV_ONLY.includes(name))).toEqual([]);
    expect(packages.filter((name) => LAZY.includes(name))).toEqual([]);
    expect(p.stderr()).toBe('');
  }, 60_000);

  test('--dev loads them (the test IdP is up)', async () => {
    const { proc: p, loaded } = await startRecorded(true);
    expect((await fetch(`${p.origin}/dev/idp/saml/metadata`)).status).toBe(200);
    expect((await fetch(`${p.origin}/dev/idp/oidc/.well-known/openid-configuration`)).status).toBe(200);
    const google = '/dev/oauth/google/accounts.google.com/.well-known/openid-configuration';
    expect((await fetch(`${p.origin}${google}`)).status).toBe(200);
    expect(p.output()).toContain('OAuth stand-ins: google, microsoft, github, slack, hubspot (no credentials set)');
    await p.stop();
    expect(loaded()).toEqual(expect.arrayContaining(DEV_ONLY));
  }, 60_000);
});

test('a malformed SMTP_FROM refuses to start, saying why', async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'orgauth-process-'));
  const started = startServerProcess(build.cli, dataDir, { SMTP_FROM: 'Acme a@acme.test' }, 30_000, { dev: false });
  await expect(started).rejects.toThrow(
    /exited early \(code 2[\s\S]*SMTP_FROM: Invalid sender address "Acme a@acme\.test"/,
  );
}, 60_000);

test('the built server carries and serves the script-tag bundle of its build', async () => {
  const elements = fileURLToPath(new URL('../../../elements/dist/orgauth.global.js', import.meta.url));
  dataDir = mkdtempSync(join(tmpdir(), 'orgauth-process-'));
  proc = await startServerProcess(build.cli, dataDir, {}, 30_000, { dev: false });
  const res = await fetch(`${proc.origin}/orgauth.global.js`);
  // Both branches assert: CI builds elements before the server (the first), a fresh checkout has no build.
  if (existsSync(elements)) {
    expect(existsSync(join(dirname(build.cli), 'orgauth.global.js'))).toBe(true);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(Buffer.from(await res.arrayBuffer()).equals(readFileSync(elements))).toBe(true);
  } else {
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error_message: string }).error_message).toContain('npm run build');
  }
}, 60_000);

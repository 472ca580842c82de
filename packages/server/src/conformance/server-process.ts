import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const serverRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const repoRoot = resolve(serverRoot, '..', '..');

/**
 * Builds the server (the same `vite build` as `npm run build -w @orgauth/server`) into a private
 * directory under `packages/server/node_modules/.cache`, so the processes run exactly the current
 * source, never a stale `dist/`, and parallel runs never race on one output folder. Living below
 * `packages/server` keeps Node's module lookup finding the package's dependencies. Takes about a second.
 * @returns the built `cli.js` and a cleanup function.
 */
export function buildServerCli(): { cli: string; remove(): void } {
  const cacheDir = join(serverRoot, 'node_modules', '.cache');
  mkdirSync(cacheDir, { recursive: true });
  const outDir = mkdtempSync(join(cacheDir, 'orgauth-cli-'));
  execFileSync(
    process.execPath,
    [
      join(repoRoot, 'node_modules', 'vite', 'bin', 'vite.js'),
      'build',
      '--outDir',
      outDir,
      '--emptyOutDir',
      '--logLevel',
      'error',
    ],
    {
      cwd: serverRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 60_000,
    },
  );
  return { cli: join(outDir, 'cli.js'), remove: () => rmSync(outDir, { recursive: true, force: true }) };
}

/** One `orgauth-server` process listening on loopback. */
export interface ServerProcess {
  child: ChildProcess;
  /** `http://127.0.0.1:<port>` (no trailing slash). */
  origin: string;
  project: { project_id: string; secret: string; public_token: string };
  /** Everything the process printed so far (stdout + stderr), for failure messages. */
  output(): string;
  /** What it printed to stderr alone. */
  stderr(): string;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves once the process has exited. */
  stop(graceMs?: number): Promise<void>;
}

/** How {@link startServerProcess} runs the CLI. */
export interface ServerProcessOptions {
  /** Pass `--dev` (default true). */
  dev?: boolean;
  /** Arguments for `node` itself, before the script (e.g. `--import <hook>`). */
  nodeArgs?: string[];
  /** More arguments for the CLI, after the others (e.g. `--workers 2`). */
  args?: string[];
}

/**
 * Spawns `node <cli> --port 0 --host 127.0.0.1 --dev --data-dir <dataDir>` with `env` added to the
 * environment and waits (at most `timeoutMs`) for its banner, from which it reads the port and the
 * test project's credentials.
 * @throws Error with the process output when it exits or times out before listening.
 */
export function startServerProcess(
  cli: string,
  dataDir: string,
  env: Record<string, string>,
  timeoutMs = 30_000,
  options: ServerProcessOptions = {},
): Promise<ServerProcess> {
  const args = [
    ...(options.nodeArgs ?? []),
    cli,
    '--port',
    '0',
    '--host',
    '127.0.0.1',
    ...(options.dev === false ? [] : ['--dev']),
    '--data-dir',
    dataDir,
    ...(options.args ?? []),
  ];
  const child = spawn(process.execPath, args, {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let stderr = '';
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const stop = async (graceMs = 5_000) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    await exited;
    clearTimeout(timer);
  };
  return new Promise((resolvePromise, reject) => {
    const fail = (why: string) => {
      clearTimeout(timer);
      void stop(0);
      reject(new Error(`orgauth-server ${why}.\n${output}`));
    };
    const timer = setTimeout(() => fail(`did not start within ${timeoutMs} ms`), timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const port = /listening on http:\/\/127\.0\.0\.1:(\d+)\//.exec(output)?.[1];
      const field = (name: string) => new RegExp(`${name}:\\s+(\\S+)`).exec(output)?.[1];
      const [project_id, secret, public_token] = [field('project_id'), field('secret'), field('public_token')];
      if (port === undefined || project_id === undefined || secret === undefined || public_token === undefined) return;
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.stdout?.on('data', (more: Buffer) => void (output += more.toString('utf8')));
      resolvePromise({
        child,
        origin: `http://127.0.0.1:${port}`,
        project: { project_id, secret, public_token },
        output: () => output,
        stderr: () => stderr,
        stop,
      });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      stderr += chunk.toString('utf8');
    });
    child.once('exit', (code, signal) => fail(`exited early (code ${code}, signal ${signal})`));
  });
}

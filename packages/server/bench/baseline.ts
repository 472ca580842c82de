import { type ChildProcess, spawn } from 'node:child_process';
import { rssMiB } from './load.js';

/**
 * The machine's ceiling: a bare `node:http` server that reads the request body and answers fixed
 * JSON, run with `node -e` as its own process. It prints the same banner line as the OrgAuth CLI, so
 * one reader serves both.
 */
const BARE_SERVER = `
const body = JSON.stringify({ status_code: 200, request_id: 'bare' });
require('node:http').createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
    res.end(body);
  });
}).listen(0, '127.0.0.1', function () {
  process.stdout.write('listening on http://127.0.0.1:' + this.address().port + '/\\n');
});
process.on('SIGTERM', () => process.exit(0));
`;

/** A started process, the origin it listens on, and how long it took to answer its first request. */
export interface Started {
  child: ChildProcess;
  origin: string;
  /** Milliseconds from spawn to the first answered request. */
  readyMs: number;
  stop(): Promise<void>;
}

/**
 * Spawns `node <args>`, waits for its `listening on http://127.0.0.1:<port>/` line, then sends
 * `probe` until one is answered (any status): the time to that answer is the cold start.
 */
export function startAndProbe(
  args: string[],
  env: Record<string, string>,
  probe: (origin: string) => Promise<Response>,
): Promise<Started> {
  const t0 = performance.now();
  const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  };
  let output = '';
  return new Promise((resolve, reject) => {
    const fail = (why: string) => void stop().then(() => reject(new Error(`${args.join(' ')} ${why}\n${output}`)));
    child.stderr?.on('data', (chunk: Buffer) => void (output += chunk.toString('utf8')));
    const early = (code: number | null) => fail(`exited early (code ${code})`);
    child.once('exit', early);
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const port = /listening on http:\/\/127\.0\.0\.1:(\d+)\//.exec(output)?.[1];
      if (port === undefined) return;
      child.stdout?.off('data', onData);
      child.stdout?.resume();
      const origin = `http://127.0.0.1:${port}`;
      probe(origin)
        .then(async (res) => {
          await res.arrayBuffer();
          child.off('exit', early);
          resolve({ child, origin, readyMs: performance.now() - t0, stop });
        })
        .catch((error: unknown) => fail(String(error)));
    };
    child.stdout?.on('data', onData);
  });
}

/** Starts the bare server (see {@link BARE_SERVER}). */
export function startBare(): Promise<Started> {
  return startAndProbe(['-e', BARE_SERVER], {}, (origin) => fetch(origin, { method: 'POST', body: '{}' }));
}

/** Medians of `runs` cold starts of `start`, and the idle RSS one second after each start, in MiB. */
export async function coldStarts(
  runs: number,
  start: () => Promise<Started>,
): Promise<{ readyMs: number; idleMiB: number }> {
  const ready: number[] = [];
  const idle: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = await start();
    ready.push(started.readyMs);
    await new Promise((done) => setTimeout(done, 1_000));
    idle.push(rssMiB(started.child.pid ?? -1));
    await started.stop();
  }
  return { readyMs: median(ready), idleMiB: median(idle) };
}

/** The median of `values` (NaN when empty). */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

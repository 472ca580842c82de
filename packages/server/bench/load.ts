import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';

/** One kind of request, built afresh for every request the load generator sends. */
export interface Target {
  path: string;
  /** Headers and JSON body of the next request. */
  next(): { headers: Record<string, string>; body: string };
  /** One-shot inputs: send exactly this many requests instead of running for the whole duration. */
  amount?: number;
}

/** The measured outcome of one load run. */
export interface LoadResult {
  requests: number;
  /** Answers outside 2xx by status, plus `error` (network) and `timeout`. */
  failed: Record<string, number>;
  rps: number;
  /** Latency percentiles in milliseconds. */
  p50: number;
  p99: number;
  /** Highest resident set size of the server sampled during the run, in MiB (NaN off Linux). */
  rssMiB: number;
  /**
   * The server process's CPU time (all its threads, user + system) per answered request, in
   * microseconds (NaN off Linux). Unlike req/s it hardly moves with what else the machine runs.
   */
  cpuUs: number;
}

/** Clock ticks per second of `/proc/<pid>/stat` (`getconf CLK_TCK`; 100 on every Linux we run). */
const CLOCK_TICKS = 100;

/**
 * CPU seconds a process and its children have used so far (user + system), from `/proc/<pid>/stat`;
 * NaN elsewhere.
 */
export function cpuSeconds(pid: number): number {
  return overTree(pid, (one) => {
    try {
      const stat = readFileSync(`/proc/${one}/stat`, 'utf8');
      // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
    } catch {
      return Number.NaN;
    }
  });
}

/** `pid` and its descendants (a `--workers` server's worker processes), from `/proc` (Linux). */
function processTree(pid: number): number[] {
  const tree = [pid];
  for (let i = 0; i < tree.length; i++) {
    try {
      const children = readFileSync(`/proc/${tree[i]}/task/${tree[i]}/children`, 'utf8').trim();
      if (children !== '') tree.push(...children.split(' ').map(Number));
    } catch {
      // Gone already, or no /proc: the processes found so far.
    }
  }
  return tree;
}

/** Sums `read` over a process and its descendants; NaN when the process itself cannot be read. */
function overTree(pid: number, read: (pid: number) => number): number {
  return processTree(pid).reduce((sum, each, i) => {
    const value = read(each);
    return i === 0 || !Number.isNaN(value) ? sum + value : sum;
  }, 0);
}

/**
 * Resident set size of a process and its children in MiB, from `/proc/<pid>/status` (Linux); NaN
 * elsewhere.
 */
export function rssMiB(pid: number): number {
  return overTree(pid, (one) => {
    try {
      const status = readFileSync(`/proc/${one}/status`, 'utf8');
      return Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? Number.NaN) / 1024;
    } catch {
      return Number.NaN;
    }
  });
}

function failures(result: autocannon.Result): Record<string, number> {
  const failed: Record<string, number> = {};
  for (const [status, { count = 0 }] of Object.entries(result.statusCodeStats ?? {}))
    if (!status.startsWith('2') && count > 0) failed[status] = count;
  if (result.errors > result.timeouts) failed.error = result.errors - result.timeouts;
  if (result.timeouts > 0) failed.timeout = result.timeouts;
  return failed;
}

/**
 * Drives `target` on `origin` with autocannon (closed loop: `connections` keep-alive connections, each
 * sending its next request when the previous answer is complete) for `seconds`, or for `amount`
 * requests, while sampling the server's RSS every 100 ms. autocannon, not `fetch`, because its HTTP
 * client is cheap enough not to be the bottleneck against a bare `node:http` server.
 */
export async function runLoad(
  origin: string,
  target: Target,
  options: { seconds: number; connections: number; serverPid: number },
): Promise<LoadResult> {
  let peak = rssMiB(options.serverPid);
  const sampler = setInterval(() => {
    peak = Math.max(peak, rssMiB(options.serverPid));
  }, 100);
  try {
    // Our own clock: autocannon ends a run bounded by `amount` on a whole second, so such a run is
    // timed to its last answer instead.
    const started = performance.now();
    let lastAnswer = started;
    const cpuBefore = cpuSeconds(options.serverPid);
    // Without a callback the run is both a promise of its result and an event emitter.
    const run = autocannon({
      url: origin,
      connections: options.connections,
      duration: options.seconds,
      ...(target.amount !== undefined ? { amount: target.amount } : {}),
      timeout: 10,
      requests: [
        {
          method: 'POST',
          path: target.path,
          setupRequest: (request) => {
            const { headers, body } = target.next();
            return { ...request, headers: { 'content-type': 'application/json', ...headers }, body };
          },
        },
      ],
    }) as Promise<autocannon.Result> & autocannon.Instance;
    if (target.amount !== undefined) run.on('response', () => void (lastAnswer = performance.now()));
    const result = await run;
    const seconds = ((target.amount !== undefined ? lastAnswer : performance.now()) - started) / 1000;
    const cpu = cpuSeconds(options.serverPid) - cpuBefore;
    const requests = result.requests.total;
    return {
      requests,
      failed: failures(result),
      rps: requests / seconds,
      p50: result.latency.p50,
      p99: result.latency.p99,
      rssMiB: Math.max(peak, rssMiB(options.serverPid)),
      cpuUs: requests > 0 ? (cpu * 1e6) / requests : Number.NaN,
    };
  } finally {
    clearInterval(sampler);
  }
}

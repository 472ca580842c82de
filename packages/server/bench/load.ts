/** One request of a scenario; `undefined` means the scenario ran out of inputs (e.g. tokens). */
export type NextRequest = () => { url: string; init: RequestInit } | undefined;

/** The measured outcome of one scenario. */
export interface LoadResult {
  requests: number;
  /** Non-2xx answers and network failures, by status (`0` = network error). */
  errors: Record<number, number>;
  seconds: number;
  rps: number;
  p50: number;
  p99: number;
  /** Set when the inputs ran out before the time was up. */
  exhausted: boolean;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

/**
 * A bounded closed-loop load: `concurrency` workers each send one request, await the full body, and
 * send the next, until `durationMs` passes or `next()` runs dry. Latency is measured per request from
 * send to the end of the body; throughput is completed requests over the elapsed wall time.
 */
export async function runLoad(
  next: NextRequest,
  options: { durationMs: number; concurrency: number },
): Promise<LoadResult> {
  const latencies: number[] = [];
  const errors: Record<number, number> = {};
  let exhausted = false;
  const started = performance.now();
  const deadline = started + options.durationMs;
  const worker = async () => {
    while (performance.now() < deadline) {
      const request = next();
      if (request === undefined) {
        exhausted = true;
        return;
      }
      const t0 = performance.now();
      let status = 0;
      try {
        const res = await fetch(request.url, { ...request.init, signal: AbortSignal.timeout(10_000) });
        await res.arrayBuffer();
        status = res.status;
      } catch {
        status = 0;
      }
      latencies.push(performance.now() - t0);
      if (status < 200 || status > 299) errors[status] = (errors[status] ?? 0) + 1;
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    errors,
    seconds,
    rps: latencies.length / seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    exhausted,
  };
}

/** Resident set size (current and peak) of a process, in MiB, from `/proc` (Linux); `undefined` elsewhere. */
export async function processMemory(pid: number): Promise<{ rss: number; peak: number } | undefined> {
  try {
    const { readFile } = await import('node:fs/promises');
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const kib = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN);
    return { rss: kib('VmRSS') / 1024, peak: kib('VmHWM') / 1024 };
  } catch {
    return undefined;
  }
}

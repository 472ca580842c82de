import { median } from './baseline.js';
import type { LoadResult } from './load.js';

/** Every round's result of one scenario on one database. */
export interface Series {
  database: string;
  scenario: string;
  rounds: LoadResult[];
}

/** The bench's settings, printed above the tables. */
export interface Settings {
  sessions: number;
  seconds: number;
  rounds: number;
  connections: number;
  oneShot: number;
}

/** Cold start of one program: median time to the first answer and idle RSS. */
export interface ColdStart {
  name: string;
  readyMs: number;
  idleMiB: number;
}

/** The bare server's scenario name: the baseline every ratio divides by. */
export const BARE = 'bare node:http';

/** Failures of all rounds by status (`3×500 1×timeout`), or `0`. */
function failedText(rounds: LoadResult[]): string {
  const sum: Record<string, number> = {};
  for (const r of rounds)
    for (const [status, count] of Object.entries(r.failed)) sum[status] = (sum[status] ?? 0) + count;
  return (
    Object.entries(sum)
      .map(([status, count]) => `${count}×${status}`)
      .join(' ') || '0'
  );
}

function table(header: string[], lines: string[][]): string {
  const widths = header.map((h, c) => Math.max(h.length, ...lines.map((line) => line[c]?.length ?? 0)));
  const format = (cells: string[]) => `| ${cells.map((cell, c) => cell.padEnd(widths[c] ?? 0)).join(' | ')} |`;
  return [format(header), format(widths.map((w) => '-'.repeat(w))), ...lines.map(format)].join('\n');
}

/**
 * Markdown tables: each scenario's median req/s, its ratio to the median of the bare server measured
 * in the same rounds, median p50/p99, the server's median CPU time per request and how many times
 * the bare server's that is, the highest server RSS seen under load and the failed requests of all
 * rounds; then cold starts as ratios to the bare `node -e` server's.
 */
export function formatReport(settings: Settings, series: Series[], cold: ColdStart[]): string {
  const bareRps = new Map<string, number>();
  const bareCpu = new Map<string, number>();
  for (const s of series) {
    if (s.scenario !== BARE) continue;
    bareRps.set(s.database, median(s.rounds.map((r) => r.rps)));
    bareCpu.set(s.database, median(s.rounds.map((r) => r.cpuUs)));
  }
  const lines = series.map(({ database, scenario, rounds }) => {
    const rps = median(rounds.map((r) => r.rps));
    const cpu = median(rounds.map((r) => r.cpuUs));
    return [
      database,
      scenario,
      rps.toFixed(0),
      `${(rps / (bareRps.get(database) ?? Number.NaN)).toFixed(3)}×`,
      median(rounds.map((r) => r.p50)).toFixed(1),
      median(rounds.map((r) => r.p99)).toFixed(1),
      cpu.toFixed(0),
      `${(cpu / (bareCpu.get(database) ?? Number.NaN)).toFixed(1)}×`,
      Math.max(...rounds.map((r) => r.rssMiB)).toFixed(0),
      failedText(rounds),
    ];
  });
  const header = [
    'database',
    'scenario',
    'req/s',
    'vs bare',
    'p50 ms',
    'p99 ms',
    'CPU µs/req',
    'CPU vs bare',
    'peak RSS MiB',
    'failed',
  ];
  const coldBare = cold.find((c) => c.name.startsWith('bare'));
  const coldLines = cold.map((c) => [
    c.name,
    c.readyMs.toFixed(0),
    `${(c.readyMs / (coldBare?.readyMs ?? Number.NaN)).toFixed(1)}×`,
    c.idleMiB.toFixed(0),
    `${(c.idleMiB / (coldBare?.idleMiB ?? Number.NaN)).toFixed(1)}×`,
  ]);
  const { sessions, seconds, rounds, connections, oneShot } = settings;
  return [
    '',
    `OrgAuth server on loopback, Node ${process.version}: ${sessions} seeded sessions, ${connections} connections,`,
    `${rounds} interleaved round(s) of ${seconds} s per scenario (one-shot scenarios: ${oneShot} inputs per round); medians.`,
    '',
    table(header, lines),
    '',
    'Cold start on an existing data dir (spawn to first answered request) and idle RSS 1 s later, medians:',
    '',
    table(['program', 'ready ms', 'vs bare', 'idle RSS MiB', 'vs bare'], coldLines),
    '',
  ].join('\n');
}

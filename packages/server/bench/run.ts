import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createFreshSchema } from '../src/conformance/loopback.js';
import { startServerProcess, type ServerProcess } from '../src/conformance/server-process.js';
import { processMemory, runLoad, type LoadResult, type NextRequest } from './load.js';
import { seed, type Seeded } from './seed.js';

/**
 * `npm run bench -w @orgauth/server`: seeds BENCH_SESSIONS (10,000) sessions, starts the built server
 * CLI on loopback as its own process, and drives four backend scenarios for BENCH_SECONDS (5) each
 * with BENCH_CONCURRENCY (16) workers — on SQLite, and on PostgreSQL too when DATABASE_URL or
 * ORGAUTH_TEST_DATABASE_URL is set (a fresh schema, dropped afterwards). Prints a table; no pass/fail.
 */
const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const durationMs = env('BENCH_SECONDS', 5) * 1000;
const concurrency = env('BENCH_CONCURRENCY', 16);
const sessions = env('BENCH_SESSIONS', 10_000);
const magicTokens = env('BENCH_MAGIC_TOKENS', 8_000);
const JWT_POOL = 500;

const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

interface Row {
  database: string;
  scenario: string;
  result: LoadResult;
  rss: string;
}

function post(url: string, auth: string, body: unknown): { url: string; init: RequestInit } {
  return {
    url,
    init: {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: auth },
      body: JSON.stringify(body),
    },
  };
}

/** Session JWTs for the seeded sessions, minted by the server itself (SDK authenticate, public token). */
async function mintJwts(server: ServerProcess, seeded: Seeded): Promise<string[]> {
  const jwts: string[] = [];
  for (const token of seeded.sessionTokens.slice(0, JWT_POOL)) {
    const res = await fetch(
      `${server.origin}/sdk/v1/b2b/sessions/authenticate`,
      post('', basic(seeded.project.public_token, token), {}).init,
    );
    const body = (await res.json()) as { data?: { session_jwt?: string } };
    if (body.data?.session_jwt) jwts.push(body.data.session_jwt);
  }
  return jwts;
}

function scenarios(server: ServerProcess, seeded: Seeded, jwts: string[]): [string, NextRequest][] {
  const secret = basic(server.project.project_id, server.project.secret);
  const api = `${server.origin}/v1/b2b`;
  let i = 0;
  const cycle = <T>(list: T[]) => list[i++ % list.length];
  const run = randomBytes(3).toString('hex');
  return [
    [
      'sessions/authenticate (token)',
      () => post(`${api}/sessions/authenticate`, secret, { session_token: cycle(seeded.sessionTokens) }),
    ],
    [
      'sessions/authenticate (JWT)',
      () =>
        jwts.length === 0 ? undefined : post(`${api}/sessions/authenticate`, secret, { session_jwt: cycle(jwts) }),
    ],
    [
      'magic_links/authenticate',
      () => {
        const token = seeded.magicTokens.pop();
        return token === undefined
          ? undefined
          : post(`${api}/magic_links/authenticate`, secret, { magic_links_token: token, session_duration_minutes: 60 });
      },
    ],
    [
      'organizations (create)',
      () => {
        const n = i++;
        return post(`${api}/organizations`, secret, {
          organization_name: `Load ${n}`,
          organization_slug: `load-${run}-${n}`,
        });
      },
    ],
  ];
}

async function benchDatabase(label: string, baseUrl: string | undefined, rows: Row[]): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'orgauth-bench-'));
  const schema = baseUrl === undefined ? undefined : await createFreshSchema(baseUrl);
  let server: ServerProcess | undefined;
  try {
    const t0 = performance.now();
    const seeded = await seed(dataDir, schema?.databaseUrl, { sessions, magicTokens });
    process.stderr.write(
      `${label}: seeded ${sessions} sessions and ${magicTokens} magic links in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`,
    );
    const cli = join(dirname(fileURLToPath(import.meta.url)), 'cli.js');
    // DATABASE_URL '' forces SQLite even when the caller's environment names a PostgreSQL.
    server = await startServerProcess(cli, dataDir, { DATABASE_URL: schema?.databaseUrl ?? '' });
    const jwts = await mintJwts(server, seeded);
    for (const [scenario, next] of scenarios(server, seeded, jwts)) {
      const result = await runLoad(next, { durationMs, concurrency });
      const memory = await processMemory(server.child.pid ?? -1);
      rows.push({
        database: label,
        scenario,
        result,
        rss: memory ? `${memory.rss.toFixed(0)} (peak ${memory.peak.toFixed(0)})` : 'n/a',
      });
      process.stderr.write(`${label}: ${scenario} done\n`);
    }
  } finally {
    await server?.stop();
    await schema?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function print(rows: Row[]): void {
  const header = ['database', 'scenario', 'requests', 'req/s', 'p50 ms', 'p99 ms', 'non-2xx', 'server RSS MiB'];
  const lines = rows.map(({ database, scenario, result, rss }) => [
    database,
    scenario + (result.exhausted ? ' (inputs ran out)' : ''),
    String(result.requests),
    result.rps.toFixed(0),
    result.p50.toFixed(2),
    result.p99.toFixed(2),
    Object.entries(result.errors)
      .map(([status, count]) => `${count}×${status}`)
      .join(' ') || '0',
    rss,
  ]);
  const widths = header.map((h, c) => Math.max(h.length, ...lines.map((line) => line[c]?.length ?? 0)));
  const format = (cells: string[]) => `| ${cells.map((cell, c) => cell.padEnd(widths[c] ?? 0)).join(' | ')} |`;
  process.stdout.write(
    `\nOrgAuth backend API on loopback — ${sessions} seeded sessions, ${durationMs / 1000} s per scenario, concurrency ${concurrency}, Node ${process.version}\n\n`,
  );
  process.stdout.write(
    `${[format(header), format(widths.map((w) => '-'.repeat(w))), ...lines.map(format)].join('\n')}\n`,
  );
}

async function main(): Promise<void> {
  const rows: Row[] = [];
  await benchDatabase('SQLite', undefined, rows);
  const pgUrl = process.env.DATABASE_URL || process.env.ORGAUTH_TEST_DATABASE_URL;
  if (pgUrl) await benchDatabase('PostgreSQL', pgUrl, rows);
  else process.stderr.write('PostgreSQL: skipped (set DATABASE_URL or ORGAUTH_TEST_DATABASE_URL)\n');
  print(rows);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

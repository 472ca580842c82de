import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createFreshSchema } from '../src/conformance/loopback.js';
import { coldStarts, type Started, startAndProbe, startBare } from './baseline.js';
import { runLoad, type Target } from './load.js';
import { BARE, type ColdStart, formatReport, type Series, type Settings } from './report.js';
import { mintJwts, roundScenarios, SDK_ORIGIN } from './scenarios.js';
import { type Seeded, seed } from './seed.js';

/**
 * `npm run bench -w @orgauth/server [-- --short]` (docs/performance.md): seeds a database, starts the
 * built server CLI (without `--dev`) and a bare `node:http` server as separate processes, and runs
 * interleaved rounds — the bare server, then each scenario — printing medians as ratios to the bare
 * server; on SQLite, and on PostgreSQL too when DATABASE_URL or ORGAUTH_TEST_DATABASE_URL is set (a
 * fresh schema, dropped afterwards). Then cold starts. Prints figures; never fails on one.
 */
const short = process.argv.includes('--short') || process.env.BENCH_SHORT === '1';
const env = (name: string, full: number, quick: number) => Number(process.env[name] ?? (short ? quick : full));
const settings: Settings = {
  seconds: env('BENCH_SECONDS', 5, 1),
  rounds: env('BENCH_ROUNDS', 3, 1),
  connections: env('BENCH_CONNECTIONS', 50, 50),
  sessions: env('BENCH_SESSIONS', 10_000, 1_000),
  oneShot: env('BENCH_ONE_SHOT', 1_500, 200),
};
const coldRuns = env('BENCH_COLD_RUNS', 5, 1);
/** BENCH_CPU_PROF=<dir>: the OrgAuth server writes a V8 CPU profile there when it stops. */
const cpuProf = process.env.BENCH_CPU_PROF ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_CPU_PROF] : [];
/** BENCH_WORKERS=<n>: the server under load runs with `--workers n` (cold starts stay one process). */
const workers = env('BENCH_WORKERS', 1, 1);
/** BENCH_ONLY=<text>: only the scenarios whose name contains it (plus the bare server). */
const only = process.env.BENCH_ONLY ?? '';
const cli = join(dirname(fileURLToPath(import.meta.url)), 'cli.js');
const log = (line: string) => process.stderr.write(`${line}\n`);

/** Starts the built CLI on `dataDir`; ready once a backend session check with a seeded token is answered. */
function startOrgAuth(
  dataDir: string,
  databaseUrl: string | undefined,
  seeded: Seeded,
  nodeArgs: string[] = [],
  cliArgs: string[] = [],
) {
  const args = [...nodeArgs, cli, '--port', '0', '--host', '127.0.0.1', '--data-dir', dataDir, ...cliArgs];
  const { project_id, secret } = seeded.project;
  // DATABASE_URL '' forces SQLite even when the caller's environment names a PostgreSQL.
  return startAndProbe(args, { DATABASE_URL: databaseUrl ?? '' }, (origin) =>
    fetch(`${origin}/v1/b2b/sessions/authenticate`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Basic ${Buffer.from(`${project_id}:${secret}`).toString('base64')}`,
      },
      body: JSON.stringify({ session_token: seeded.sessionTokens[0] }),
    }),
  );
}

const bareTarget: Target = { path: '/', next: () => ({ headers: {}, body: '{}' }) };

async function benchDatabase(
  label: string,
  baseUrl: string | undefined,
  bare: Started,
  series: Series[],
  cold: ColdStart[],
) {
  const dataDir = mkdtempSync(join(tmpdir(), 'orgauth-bench-'));
  const schema = baseUrl === undefined ? undefined : await createFreshSchema(baseUrl);
  const databaseUrl = schema?.databaseUrl;
  let server: Started | undefined;
  try {
    const t0 = performance.now();
    const magicTokens = settings.oneShot * settings.rounds;
    const seeded = await seed(dataDir, databaseUrl, { sessions: settings.sessions, magicTokens, origin: SDK_ORIGIN });
    log(`${label}: seeded ${settings.sessions} sessions in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    server = await startOrgAuth(
      dataDir,
      databaseUrl,
      seeded,
      cpuProf,
      workers > 1 ? ['--workers', String(workers)] : [],
    );
    const pid = server.child.pid ?? -1;
    const jwts = await mintJwts(server.origin, seeded, short ? 100 : 500);
    const byName = new Map<string, Series>();
    const add = (scenario: string) => {
      const found = byName.get(scenario) ?? { database: label, scenario, rounds: [] };
      if (!byName.has(scenario)) series.push(found);
      byName.set(scenario, found);
      return found;
    };
    const load = { seconds: settings.seconds, connections: settings.connections };
    // Unrecorded warm-up (JIT, caches, connection pools) of both servers, so round 1 measures the same
    // steady state as the others; the one-shot scenarios have no spare inputs to warm up with.
    const [warm] = roundScenarios(seeded, jwts, 0);
    await runLoad(bare.origin, bareTarget, { ...load, seconds: 1, serverPid: bare.child.pid ?? -1 });
    if (warm) await runLoad(server.origin, warm.target, { ...load, seconds: 1, serverPid: pid });
    for (let round = 1; round <= settings.rounds; round++) {
      add(BARE).rounds.push(await runLoad(bare.origin, bareTarget, { ...load, serverPid: bare.child.pid ?? -1 }));
      for (const { name, target } of roundScenarios(seeded, jwts, settings.oneShot)) {
        if (!name.includes(only)) continue;
        add(name).rounds.push(await runLoad(server.origin, target, { ...load, serverPid: pid }));
      }
      log(`${label}: round ${round}/${settings.rounds} done`);
    }
    await server.stop();
    server = undefined;
    if (baseUrl === undefined) {
      const started = await coldStarts(coldRuns, () => startOrgAuth(dataDir, undefined, seeded));
      cold.push({ name: 'orgauth-server (SQLite, no --dev)', ...started });
    }
  } finally {
    await server?.stop();
    await schema?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const series: Series[] = [];
  const cold: ColdStart[] = [];
  const bare = await startBare();
  try {
    await benchDatabase('SQLite', undefined, bare, series, cold);
    const pgUrl = process.env.DATABASE_URL || process.env.ORGAUTH_TEST_DATABASE_URL;
    if (pgUrl) await benchDatabase('PostgreSQL', pgUrl, bare, series, cold);
    else log('PostgreSQL: skipped (set DATABASE_URL or ORGAUTH_TEST_DATABASE_URL)');
  } finally {
    await bare.stop();
  }
  cold.unshift({ name: 'bare node:http (node -e)', ...(await coldStarts(coldRuns, startBare)) });
  process.stdout.write(formatReport(settings, series, cold));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

import cluster, { type Worker } from 'node:cluster';

/** How long a worker gets to finish its requests and write its queued events after SIGTERM. */
const STOP_GRACE_MS = 10_000;
/** A worker that dies within this long of its start is not restarted at once (a crash loop). */
const RESTART_DELAY_MS = 1_000;

/**
 * The primary process of `--workers N`: forks `count` copies of this CLI, which each open the
 * database and listen on the same port (node:cluster hands connections round-robin to them, and a
 * port 0 becomes one port shared by all). The primary serves nothing itself. It prints `banner` once
 * every worker listens, starts a new worker when one dies, and on SIGINT/SIGTERM stops them all
 * (each closes its listener and writes its queued events) before exiting; the promise resolves to
 * the exit code.
 *
 * A worker that dies before every worker has listened (a port in use, a database it cannot open)
 * stops the start: the others are stopped and the code is 1, rather than restarting into the same
 * failure. A connection that arrives in the instant a worker dies, before the primary has seen it
 * go, can be handed to the dead worker and wait for the client's timeout: node:cluster's behaviour,
 * and the reason a dying worker is rare news worth the stderr line.
 *
 * Why processes and not threads: every server instance is already safe beside another on one
 * database (rate limits, revocation and single-use tokens live in the database; SQLite in WAL mode
 * lets processes read while one writes), so a worker is exactly a sibling server.
 */
export function runPrimary(count: number, banner: (port: number) => string): Promise<number> {
  let stopping = false;
  let announced = false;
  const listening = new Set<number>();
  const fork = (): Worker => {
    const worker = cluster.fork();
    worker.on('listening', (address) => {
      listening.add(worker.id);
      if (!announced && listening.size === count) {
        announced = true;
        process.stdout.write(banner(address.port));
      }
    });
    return worker;
  };
  return new Promise((resolve) => {
    let exitCode = 0;
    const done = () => resolve(exitCode);
    cluster.on('exit', (worker, code, signal) => {
      listening.delete(worker.id);
      if (stopping) {
        if (Object.keys(cluster.workers ?? {}).length === 0) done();
        return;
      }
      if (!announced) {
        process.stderr.write(
          `[orgauth] worker ${worker.process.pid} exited (${signal ?? `code ${code}`}) before the server was up; stopping\n`,
        );
        exitCode = 1;
        stop('start failure');
        return;
      }
      process.stderr.write(
        `[orgauth] worker ${worker.process.pid} exited (${signal ?? `code ${code}`}); starting another\n`,
      );
      setTimeout(() => {
        if (!stopping) fork();
      }, RESTART_DELAY_MS).unref();
    });
    const stop = (why: string) => {
      if (stopping) return;
      stopping = true;
      process.stdout.write(`\n${why}: stopping ${count} workers\n`);
      const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined && !w.isDead());
      if (workers.length === 0) done();
      for (const worker of workers) worker.process.kill('SIGTERM');
      setTimeout(() => {
        for (const worker of workers) if (!worker.isDead()) worker.process.kill('SIGKILL');
      }, STOP_GRACE_MS).unref();
    };
    process.on('SIGINT', () => stop('SIGINT'));
    process.on('SIGTERM', () => stop('SIGTERM'));
    for (let i = 0; i < count; i++) fork();
  });
}

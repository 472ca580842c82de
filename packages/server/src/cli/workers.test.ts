import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildServerCli, startServerProcess, type ServerProcess } from '../conformance/server-process.js';

// `orgauth-server --workers 2` as an operator runs it: a real primary process and its two workers
// on one SQLite data dir (cli/workers.ts). Linux only: the workers are found through /proc.

const linux = existsSync('/proc/self/stat');
let build: { cli: string; remove(): void } | undefined;
let server: ServerProcess | undefined;
let dataDir = '';

beforeAll(async () => {
  if (!linux) return;
  build = buildServerCli();
  dataDir = mkdtempSync(join(tmpdir(), 'orgauth-workers-'));
  server = await startServerProcess(build.cli, dataDir, {}, 30_000, { dev: false, args: ['--workers', '2'] });
}, 60_000);

afterAll(async () => {
  await server?.stop();
  build?.remove();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}, 30_000);

const workersOf = (pid: number): number[] => {
  const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim();
  return children === '' ? [] : children.split(' ').map(Number);
};

/** CPU clock ticks a process has used (user + system). */
const cpuTicks = (pid: number): number => {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[11]) + Number(fields[12]);
};

/** The fields of an answer these tests read. */
interface Answer {
  request_id?: string;
  error_type?: string;
  organization?: { organization_id: string };
}

/** One backend call on a connection of its own (no keep-alive), so node:cluster picks a worker for it. */
function call(path: string, body?: object): Promise<{ status: number; body: Answer }> {
  const s = server as ServerProcess;
  const auth = Buffer.from(`${s.project.project_id}:${s.project.secret}`).toString('base64');
  return new Promise((resolve, reject) => {
    const req = request(
      `${s.origin}${path}`,
      {
        method: body === undefined ? 'GET' : 'POST',
        agent: false,
        headers: { authorization: `Basic ${auth}`, 'content-type': 'application/json' },
      },
      (res) => {
        let text = '';
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
      },
    );
    req.on('error', reject);
    req.setTimeout(10_000, () => req.destroy(new Error(`no answer to ${path} within 10 s`)));
    req.end(body === undefined ? undefined : JSON.stringify(body));
  });
}

describe.runIf(linux)('orgauth-server --workers 2', () => {
  test('two worker processes answer on one port; the banner says so', async () => {
    const s = server as ServerProcess;
    expect(s.output()).toContain('Workers:       2 processes (node:cluster)');
    const workers = workersOf(s.child.pid as number);
    expect(workers).toHaveLength(2);
    const before = workers.map(cpuTicks);
    for (let i = 0; i < 200; i++) expect((await call('/v1/b2b/organizations/organization-test-none')).status).toBe(404);
    // Connections are handed out round-robin: both workers did part of the work.
    for (const [i, pid] of workers.entries())
      expect(cpuTicks(pid), `worker ${pid}`).toBeGreaterThan(before[i] as number);
  }, 60_000);

  test('both workers write to one SQLite file at once without refusing a request', async () => {
    const s = server as ServerProcess;
    const auth = Buffer.from(`${s.project.project_id}:${s.project.secret}`).toString('base64');
    const statuses: Record<number, number> = {};
    await Promise.all(
      Array.from({ length: 20 }, async (_, lane) => {
        for (let i = 0; i < 10; i++) {
          // Creating an organization is a transaction; the two workers' transactions overlap.
          const res = await fetch(`${s.origin}/v1/b2b/organizations`, {
            method: 'POST',
            headers: { authorization: `Basic ${auth}`, 'content-type': 'application/json' },
            body: JSON.stringify({ organization_name: 'Busy', organization_slug: `busy-${lane}-${i}` }),
          });
          statuses[res.status] = (statuses[res.status] ?? 0) + 1;
        }
      }),
    );
    expect(statuses).toEqual({ 200: 200 });
  }, 60_000);

  test('a magic link redeemed 20 times at once across the workers works exactly once', async () => {
    const org = await call('/v1/b2b/organizations', { organization_name: 'Replay', organization_slug: 'replay' });
    const orgId = org.body.organization?.organization_id as string;
    expect((await call(`/v1/b2b/organizations/${orgId}/members`, { email_address: 'ada@replay.test' })).status).toBe(
      200,
    );
    const sent = await call('/v1/b2b/magic_links/email/login_or_signup', {
      organization_id: orgId,
      email_address: 'ada@replay.test',
    });
    expect(sent.status).toBe(200);
    const db = new SqliteDatabase(join(dataDir, 'orgauth.db'), { readonly: true });
    let token: string | null;
    try {
      const mail = db.prepare('select text from mails where to_address = ?').get('ada@replay.test') as { text: string };
      token = new URL(mail.text.match(/https?:\/\/\S+/)?.[0] ?? 'http://none').searchParams.get('token');
    } finally {
      db.close();
    }
    expect(token).not.toBeNull();
    const results = await Promise.all(
      Array.from({ length: 20 }, () => call('/v1/b2b/magic_links/authenticate', { magic_links_token: token })),
    );
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status === 404 && r.body.error_type === 'magic_link_not_found')).toHaveLength(19);
  }, 30_000);

  test('a worker that dies is replaced, and the other answers meanwhile', async () => {
    const s = server as ServerProcess;
    const [victim, survivor] = workersOf(s.child.pid as number) as [number, number];
    process.kill(victim, 'SIGKILL');
    // node:cluster may still hand the dead worker a connection until the primary has seen it exit.
    await expect.poll(() => s.stderr(), { timeout: 10_000 }).toContain(`worker ${victim} exited (SIGKILL)`);
    for (let i = 0; i < 10; i++) expect((await call('/v1/b2b/organizations/organization-test-none')).status).toBe(404);
    await expect
      .poll(() => workersOf(s.child.pid as number).filter((pid) => pid !== victim).length, { timeout: 15_000 })
      .toBe(2);
    expect(workersOf(s.child.pid as number)).toContain(survivor);
    expect(s.stderr()).toContain(`worker ${victim} exited (SIGKILL); starting another`);
  }, 30_000);

  test('SIGTERM stops every worker after it wrote its queued events, and exits 0', async () => {
    const s = server as ServerProcess;
    const workers = workersOf(s.child.pid as number);
    const ids: string[] = [];
    for (let i = 0; i < 10; i++)
      ids.push((await call('/v1/b2b/organizations/organization-test-none')).body.request_id ?? '');
    await s.stop(15_000);
    expect(s.child.exitCode).toBe(0);
    for (const pid of workers) expect(existsSync(`/proc/${pid}`), `worker ${pid} still runs`).toBe(false);
    const db = new SqliteDatabase(join(dataDir, 'orgauth.db'), { readonly: true });
    try {
      const logged = db.prepare('select request_id from events where status = ?').all('error') as {
        request_id: string;
      }[];
      for (const id of ids) expect(logged.map((row) => row.request_id)).toContain(id);
    } finally {
      db.close();
    }
  }, 30_000);
});

describe.runIf(linux)('orgauth-server --workers 2 that cannot start', () => {
  test('a port in use stops the start with exit code 1 instead of restarting workers forever', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = (taken.address() as { port: number }).port;
    const dir = mkdtempSync(join(tmpdir(), 'orgauth-workers-taken-'));
    try {
      const child = spawn(
        process.execPath,
        [(build as { cli: string }).cli, '--port', String(port), '--data-dir', dir, '--workers', '2'],
        { stdio: ['ignore', 'pipe', 'pipe'] },
      );
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
      const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
      clearTimeout(timer);
      expect(code, stderr).toBe(1);
      expect(stderr).toContain('before the server was up; stopping');
      expect(stderr).toContain('EADDRINUSE');
    } finally {
      taken.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

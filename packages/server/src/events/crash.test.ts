import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import { afterAll, describe, expect, test } from 'vitest';
import { createFreshSchema, type FreshSchema } from '../conformance/loopback.js';
import { buildServerCli, startServerProcess, type ServerProcess } from '../conformance/server-process.js';
import { EVENT_FLUSH_MS } from './writer.js';

/**
 * The event log is written in batches (events/writer.ts), so a crash may lose the events still
 * queued. This kills a real `orgauth-server` process with SIGKILL right after its last answer and
 * reads the database afterwards: every acknowledged business write (an organization) is there, every
 * event older than the flush interval is there, and only the last requests' events may be missing.
 */
const pgBase = process.env.ORGAUTH_TEST_DATABASE_URL;
const databases = ['sqlite', ...(pgBase ? ['postgres'] : [])] as const;

const cleanup: (() => unknown)[] = [];
afterAll(async () => {
  for (const step of cleanup.reverse()) await step();
}, 30_000);

const BEFORE_PAUSE = 20;
const AFTER_PAUSE = 6;

async function createOrganization(server: ServerProcess, slug: string): Promise<{ id: string; requestId: string }> {
  const auth = Buffer.from(`${server.project.project_id}:${server.project.secret}`).toString('base64');
  const res = await fetch(`${server.origin}/v1/b2b/organizations`, {
    method: 'POST',
    headers: { authorization: `Basic ${auth}`, 'content-type': 'application/json' },
    body: JSON.stringify({ organization_name: slug, organization_slug: slug }),
  });
  const body = (await res.json()) as { request_id: string; organization: { organization_id: string } };
  expect(res.status, JSON.stringify(body)).toBe(200);
  return { id: body.organization.organization_id, requestId: body.request_id };
}

/** Reads the organizations and the events by request id after the crash, with a plain driver. */
async function readBack(kind: string, dataDir: string, databaseUrl: string | undefined) {
  const organizations = 'select id from organizations';
  const events = 'select request_id, status from events';
  if (kind === 'sqlite') {
    const db = new SqliteDatabase(join(dataDir, 'orgauth.db'), { readonly: true });
    try {
      return {
        organizations: (db.prepare(organizations).all() as { id: string }[]).map((r) => r.id),
        events: db.prepare(events).all() as { request_id: string; status: string }[],
      };
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return {
      organizations: (await client.query<{ id: string }>(organizations)).rows.map((r) => r.id),
      events: (await client.query<{ request_id: string; status: string }>(events)).rows,
    };
  } finally {
    await client.end();
  }
}

let build: { cli: string; remove(): void } | undefined;
function cli(): string {
  if (build === undefined) {
    build = buildServerCli();
    cleanup.push(() => build?.remove());
  }
  return build.cli;
}

async function start(kind: string) {
  const dataDir = mkdtempSync(join(tmpdir(), 'orgauth-crash-'));
  cleanup.push(() => rmSync(dataDir, { recursive: true, force: true }));
  let schema: FreshSchema | undefined;
  if (kind === 'postgres') {
    schema = await createFreshSchema(pgBase as string);
    cleanup.push(() => schema?.drop());
  }
  const env: Record<string, string> = schema
    ? { DATABASE_URL: schema.databaseUrl, ORGAUTH_ENCRYPTION_KEY: randomBytes(32).toString('base64') }
    : {};
  const server = await startServerProcess(cli(), dataDir, env);
  cleanup.push(() => server.stop(0));
  return { server, read: () => readBack(kind, dataDir, schema?.databaseUrl) };
}

const statuses = (events: { request_id: string; status: string }[], requestId: string) =>
  events
    .filter((e) => e.request_id === requestId)
    .map((e) => e.status)
    .sort();

describe.each(databases)('the event log on %s', (kind) => {
  test('kill -9 loses no acknowledged write, and no event older than the flush interval', async () => {
    const { server, read } = await start(kind);

    const settled: { id: string; requestId: string }[] = [];
    for (let i = 0; i < BEFORE_PAUSE; i++) settled.push(await createOrganization(server, `settled-${i}`));
    // Longer than the flush interval: everything above is written by now.
    await new Promise((resolve) => setTimeout(resolve, EVENT_FLUSH_MS * 10));
    const last: { id: string; requestId: string }[] = [];
    for (let i = 0; i < AFTER_PAUSE; i++) last.push(await createOrganization(server, `last-${i}`));
    const exited = new Promise((resolve) => server.child.once('exit', resolve));
    server.child.kill('SIGKILL');
    await exited;

    const after = await read();
    // Acknowledged business writes: every one, including those answered just before the kill.
    for (const org of [...settled, ...last]) expect(after.organizations).toContain(org.id);
    // Events older than the flush interval: both rows of every such request.
    for (const org of settled) expect(statuses(after.events, org.requestId)).toEqual(['start', 'success']);
  }, 60_000);

  test('a graceful stop (SIGTERM) writes every queued event first', async () => {
    const { server, read } = await start(kind);
    const made: { id: string; requestId: string }[] = [];
    for (let i = 0; i < AFTER_PAUSE; i++) made.push(await createOrganization(server, `org-${i}`));
    await server.stop();
    expect(server.child.exitCode).toBe(0);
    const after = await read();
    for (const org of made) expect(statuses(after.events, org.requestId)).toEqual(['start', 'success']);
  }, 60_000);
});

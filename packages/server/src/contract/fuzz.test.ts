/**
 * Property-based fuzzing of EVERY API route (enumerated from the Hono app itself, so
 * routes added later are fuzzed too). Malformed JSON, wrong types, huge and empty values, unicode,
 * NUL bytes and injection strings in body, path and query. Every answer must be JSON, never 5xx;
 * a refused (4xx) answer must be the error envelope and leave the database unchanged; a request
 * whose body is not a JSON object must be refused. Seeded: set ORGAUTH_FUZZ_SEED to replay.
 */
import fc from 'fast-check';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { signInMember, signUp } from '../testing/journey.js';
import { createTestServer, type TestServer } from '../testing/test-server.js';
import {
  encodeSegment,
  fuzzBody,
  nastyString,
  nastyValue,
  FIELD_NAMES,
  snapshotDatabase,
  type FuzzBody,
} from './fuzz-support.js';

const SEED = Number(process.env.ORGAUTH_FUZZ_SEED ?? 20300101);
const RUNS = Number(process.env.ORGAUTH_FUZZ_RUNS ?? 30);
const METHODS = new Set(['GET', 'POST', 'PUT', 'DELETE', 'PATCH']);
// Where a provider brings a browser back: a refusal there is a page in words (oauth/routes.ts), not
// the JSON envelope; it must still be a 4xx that changes nothing.
const BROWSER_PAGES = new Set(['/v1/b2b/public/oauth/callback']);

// Routes come from the app: a throwaway server is built only to read its route table.
async function apiRoutes(): Promise<Array<{ method: string; path: string }>> {
  const probe = await createTestServer();
  try {
    const app = probe.server.app as unknown as Hono;
    const unique = new Map<string, { method: string; path: string }>();
    for (const r of app.routes) {
      if (!METHODS.has(r.method) || r.path.includes('*') || !/^\/(sdk\/v1|v1\/b2b)\//.test(r.path)) continue;
      unique.set(`${r.method} ${r.path}`, { method: r.method, path: r.path });
    }
    return [...unique.values()];
  } finally {
    await probe.close();
  }
}

const routes = await apiRoutes();
console.log(`[fuzz] seed=${SEED} runs=${RUNS} routes=${routes.length} (replay: ORGAUTH_FUZZ_SEED=${SEED})`);

let t: TestServer;
const real: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestServer();
  const data = await signUp(t, 'fuzz@example.com', 'fuzz-org');
  real.organization_id = data.organization_id;
  real.member_id = data.member_id;
  // A plain member's session, so the session-authenticated SDK routes are fuzzed past their session
  // check: its permissions let some calls through to body validation (self.update) and refuse others.
  real.session = (await signInMember(t, data.organization_id, 'fuzz-member@example.com')).session_token as string;
});
afterAll(async () => {
  await t?.close();
});

type Auth = 'valid' | 'session' | 'none' | 'garbage' | 'nul';

interface FuzzCase {
  params: Record<string, string>;
  query: Array<[string, string]>;
  body: FuzzBody;
  auth: Auth;
}

function caseFor(method: string, path: string): fc.Arbitrary<FuzzCase> {
  const names = [...path.matchAll(/:(\w+)/g)].map((m) => m[1] as string);
  // Real ids let the fuzzer get past "not found" into body validation; never on DELETE (it would
  // legitimately delete the fixture the other runs need).
  const param = (name: string) =>
    method !== 'DELETE' && real[name] !== undefined
      ? fc.oneof(nastyString, fc.constant(real[name] as string))
      : nastyString;
  return fc.record({
    params: fc.record(Object.fromEntries(names.map((n) => [n, param(n)]))) as fc.Arbitrary<Record<string, string>>,
    query: fc.array(
      fc.tuple(
        fc.oneof(fc.constantFrom(...FIELD_NAMES), nastyString),
        nastyValue.map((v) => (typeof v === 'string' ? v : (JSON.stringify(v) ?? ''))),
      ),
      { maxLength: 4 },
    ),
    body: method === 'GET' ? fc.constant<FuzzBody>({ kind: 'none' }) : fuzzBody,
    auth: fc.constantFrom<Auth>('valid', 'valid', 'valid', 'session', 'session', 'session', 'none', 'garbage', 'nul'),
  });
}

function authHeader(sdk: boolean, auth: Auth): string | undefined {
  const { project_id, secret, public_token } = t.server.project;
  if (auth === 'none') return undefined;
  const [user, password] =
    auth === 'garbage'
      ? ["' OR 1=1 --", '\u0000']
      : auth === 'nul'
        ? [`\u0000${sdk ? public_token : project_id}`, secret]
        : sdk
          ? [public_token, auth === 'session' ? (real.session as string) : public_token]
          : [project_id, secret];
  return `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
}

async function send(
  method: string,
  path: string,
  c: FuzzCase,
): Promise<{ status: number; type: string; text: string }> {
  const concrete = path.replace(/:(\w+)/g, (_, n: string) => encodeSegment(c.params[n] ?? ''));
  const query = new URLSearchParams(c.query).toString();
  const headers = new Headers({ 'content-type': 'application/json' });
  const auth = authHeader(path.startsWith('/sdk/'), c.auth);
  if (auth !== undefined) headers.set('authorization', auth);
  const body =
    c.body.kind === 'none' ? undefined : c.body.kind === 'malformed' ? c.body.text : JSON.stringify(c.body.value);
  // In-process on purpose: the fuzz feeds the app request heads beyond what Node's HTTP parser takes
  // (the listener answers those 431 with the envelope before any app code runs:
  // http/client-error.test.ts). Answers' headers over the socket: http/*.test.ts.
  const res = await t.server.app.fetch(
    new Request(`http://localhost${concrete}${query ? `?${query}` : ''}`, {
      method,
      headers,
      ...(body === undefined ? {} : { body }),
    }),
  );
  return { status: res.status, type: res.headers.get('content-type') ?? '', text: await res.text() };
}

describe('fuzzing every API route', () => {
  test('the route table covers both APIs', () => {
    expect(routes.some((r) => r.path.startsWith('/sdk/v1/'))).toBe(true);
    expect(routes.some((r) => r.path.startsWith('/v1/b2b/'))).toBe(true);
  });

  test.each(routes.map((r) => [r.method, r.path]))('%s %s', async (method, path) => {
    let before = await snapshotDatabase(t.server.db);
    await fc.assert(
      fc.asyncProperty(caseFor(method, path), async (c) => {
        const res = await send(method, path, c);
        const where = `${method} ${path} → ${res.status} ${res.text.slice(0, 300)}`;
        expect(res.status, where).toBeLessThan(500);
        if (BROWSER_PAGES.has(path)) expect(res.status, where).toBeGreaterThanOrEqual(400);
        // A URL the HTTP layer refuses before any route (a NUL byte) gets the JSON envelope there too.
        if (BROWSER_PAGES.has(path) && !res.type.startsWith('application/json')) {
          expect(res.type, where).toMatch(/^text\/html/);
          expect(await snapshotDatabase(t.server.db), `${where}: a refused request changed the database`).toEqual(
            before,
          );
          return;
        }
        expect(res.type, where).toMatch(/^application\/json/);
        const body = JSON.parse(res.text) as Record<string, unknown>;
        if (res.status >= 400) {
          expect(body, where).toMatchObject({
            status_code: res.status,
            request_id: expect.any(String),
            error_type: expect.any(String),
            error_message: expect.any(String),
          });
          expect(await snapshotDatabase(t.server.db), `${where}: a refused request changed the database`).toEqual(
            before,
          );
        } else {
          expect(c.body.kind, `${where}: a body that is not a JSON object was accepted`).not.toBe('malformed');
          before = await snapshotDatabase(t.server.db);
        }
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
  });
});

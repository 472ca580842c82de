import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { postAcs, setupSamlConnection } from '../sso/saml/testing/saml-flow.js';
import { TEST_PKCE } from '../testing/journey.js';
import { createTestServer, type TestServer } from '../testing/test-server.js';

// LOG-03: log forging. A CR/LF smuggled into a request must never become a line or row of its own
// in the event log, its JSON API, the dev events page, or the server's stderr. The log keeps no
// body, header or query (http/event-log.ts); the values it does keep from a request (path ids) are
// one column of one row, escaped wherever shown. (CR/LF cannot travel in a header value at all:
// HTTP parsers and fetch's Headers refuse it.)

const FORGED = 'forged-line 2030-01-01T00:00:00.000Z success OrganizationsGet';

let t: TestServer;
beforeEach(async () => {
  t = await createTestServer({ dev: true });
});
afterEach(async () => {
  vi.restoreAllMocks();
  await t.close();
});

const events = async () => {
  await t.server.flushEvents();
  return t.server.db.selectFrom('events').selectAll().orderBy('seq').execute();
};
const raw = (path: string, init: RequestInit = {}) => t.server.app.fetch(new Request(`http://localhost${path}`, init));
const secret = () => ({
  authorization: `Basic ${Buffer.from(`${t.server.project.project_id}:${t.server.project.secret}`).toString('base64')}`,
});

describe('CR/LF in request values (LOG-03)', () => {
  test('in a body, a query or a SAML RelayState: never stored; each request is still one start and one end row', async () => {
    const setup = await setupSamlConnection(t, { slug: 'sso-co' });
    const before = (await events()).length;
    const answers = [
      await t.sdk('/b2b/magic_links/email/login_or_signup', {
        body: {
          organization_id: 'sso-co',
          email_address: `ada@acme.test\r\n${FORGED}`,
          pkce_code_challenge: TEST_PKCE.challenge,
        },
      }),
      await t.api('/organizations', { body: { organization_name: `Acme\r\n${FORGED}`, organization_slug: 'acme' } }),
      await t.api(`/events?action=${encodeURIComponent(`x\r\n${FORGED}`)}`),
    ];
    expect(answers.map((a) => a.status)).toEqual([400, 200, 400]);
    const acs = await postAcs(t, setup.connectionId, Buffer.from('<nope/>').toString('base64'), `relay\r\n${FORGED}`);
    expect(acs.status).toBe(400);
    const rows = (await events()).slice(before);
    expect(JSON.stringify(rows)).not.toContain('forged-line');
    const perRequest = new Map<string, string[]>();
    for (const row of rows) perRequest.set(row.request_id, [...(perRequest.get(row.request_id) ?? []), row.status]);
    expect([...perRequest.values()]).toEqual([
      ['start', 'error'],
      ['start', 'success'],
      ['start', 'error'],
      ['start', 'error'],
    ]);
  });

  test('in a path id: one value of one row, JSON-escaped by GET /v1/b2b/events, shown as \\r\\n text on the dev page', async () => {
    const id = `org\r\n${FORGED}\u2028${FORGED}`;
    const res = await t.api(`/organizations/${encodeURIComponent(id)}`);
    expect([res.status, res.body.error_type]).toEqual([404, 'organization_not_found']);
    const stored = (await events()).filter((e) => e.request_id === res.body.request_id);
    expect(stored.map((e) => [e.status, e.organization_id])).toEqual([
      ['start', id],
      ['error', id],
    ]);

    const api = await raw('/v1/b2b/events?limit=100', { headers: secret() });
    const json = await api.text();
    // Compact JSON: the whole answer is one line; the id is a string with its CR/LF escaped.
    expect(json).not.toMatch(/[\r\n]/);
    expect(json).toContain(`"org\\r\\n${FORGED}`);
    const listed = (JSON.parse(json).events as { request_id: string; organization_id: string }[]).filter(
      (e) => e.request_id === res.body.request_id,
    );
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.every((e) => e.organization_id === id)).toBe(true);

    const page = await (await raw('/dev/events')).text();
    const lines = page.split(/\r\n|\r|\n|\u2028/);
    expect(lines.filter((line) => line.startsWith('forged-line'))).toEqual([]);
    expect(page).not.toMatch(/[\r\u2028]/);
    expect(page).toContain(`<code>org\\r\\n${FORGED}\\u2028${FORGED}</code>`);
    // One <tr> per event plus the header row: no row was forged.
    expect(page.match(/<tr[ >]/g)?.length).toBe((await events()).length + 1);
  });

  test('in the path of a request that fails with a 500: the stderr line keeps it percent-encoded', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    // A genuine server fault (the table is gone), so the request reaches the 500 log line.
    await sql`alter table organizations rename to organizations_gone`.execute(t.server.db);
    const res = await t.api(`/organizations/${encodeURIComponent(`x\r\n${FORGED}`)}`);
    expect(res.status).toBe(500);
    const line = String(logged.mock.calls.find((call) => String(call[0]).startsWith('[orgauth]'))?.[0]);
    expect(line).toContain('/v1/b2b/organizations/x%0D%0Aforged-line');
    expect(line).not.toMatch(/[\r\n]/);
  });
});
